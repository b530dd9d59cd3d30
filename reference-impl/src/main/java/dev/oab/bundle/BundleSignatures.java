package dev.oab.bundle;

import dev.oab.OabException;
import dev.oab.authoring.AuthoringException;
import dev.oab.internal.zip.StrictZipWriter;
import dev.oab.internal.zip.ZipEntryInfo;
import dev.oab.json.JsonDocumentException;
import dev.oab.signing.ModelSigner;
import dev.oab.signing.Resource;
import dev.oab.signing.ResourceManifest;
import dev.oab.signing.Serialization;
import dev.oab.signing.SignatureException;
import dev.oab.signing.SignatureVerifier;
import dev.oab.signing.Statement;
import dev.oab.signing.VerifiedSignature;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Signatures embedded in a bundle (spec §11): OpenSSF Model Signing bundles at
 * {@code .oab/signatures/<signer>.sig} whose resources are every entry of the bundle but the
 * signatures, {@code oab.json} included, and whose subject is the bundle's name. Because the
 * manifest already pins every file's SHA-256, signing needs no hashing beyond the manifest: a
 * signature is added to a bundle of any size in milliseconds, by appending one entry and a new
 * central directory.
 */
public final class BundleSignatures {

    /** What an OMS verifier of an extracted bundle must skip: the signatures themselves. */
    public static final String IGNORED_PATH = ".oab";
    /**
     * Largest signature entry for a manifest of {@code manifestBytes} bytes. A statement lists
     * every file's path and digest, as the manifest does, and DSSE carries it in base64: twice the
     * manifest plus room for the envelope and a certificate chain bounds any honest signature,
     * and keeps what a reader holds in memory proportional to what it already read.
     */
    static long maxSignatureBytes(long manifestBytes) {
        return (64L << 10) + 2 * manifestBytes;
    }

    private BundleSignatures() {
    }

    /** The statement that signs a bundle with this manifest. */
    public static Statement statement(Manifest manifest, byte[] manifestBytes) {
        List<Resource> resources = new ArrayList<>(manifest.files().size() + 1);
        resources.add(new Resource(Manifest.PATH, Digests.sha256().digest(manifestBytes)));
        for (Manifest.FileEntry file : manifest.files()) {
            resources.add(new Resource(file.path(), HexFormat.of().parseHex(file.sha256())));
        }
        return Statement.of(manifest.name(), ResourceManifest.of(resources), Serialization.files(List.of(IGNORED_PATH)));
    }

    /** The entry name of {@code signer}'s signature, after checking the name. */
    public static String entryName(String signer) throws AuthoringException {
        if (!BundleReader.SIGNER.matcher(signer).matches()) {
            throw new AuthoringException("signer name '" + signer + "' is not valid: use letters, digits, '.', '_' "
                    + "and '-', at most 64 characters, starting with a letter or digit");
        }
        return Manifest.SIGNATURES_DIR + signer + ".sig";
    }

    /**
     * Adds {@code signer}'s signature to an existing bundle, in place. The bundle is opened with
     * every structural check first; its content is not re-hashed (verify it first when you did not
     * pack it yourself). If writing fails, the original end of the file is put back.
     */
    public static void sign(Path bundle, ModelSigner modelSigner, String signer) throws OabException, IOException {
        String entry = entryName(signer);
        byte[] signature;
        long manifestLength;
        List<ZipEntryInfo> entries;
        try (BundleReader reader = BundleReader.open(bundle)) {
            if (reader.entry(entry).isPresent()) {
                throw new AuthoringException(bundle + " already has a signature by '" + signer
                        + "'; sign under another name with --signer");
            }
            signature = modelSigner.sign(statement(reader.manifest(), reader.manifestBytes())).toJson();
            manifestLength = reader.manifestBytes().length;
            entries = new ArrayList<>();
            for (BundleEntry e : reader.entries()) {
                entries.add(reader.zipEntry(e.path()));
            }
        }
        try (FileChannel channel = FileChannel.open(bundle, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long originalLength = channel.size();
            ZipEntryInfo last = entries.get(entries.size() - 1);
            long tailStart = last.dataOffset() + last.compressedSize();
            ByteBuffer originalTail = ByteBuffer.allocate((int) (originalLength - tailStart));
            while (originalTail.hasRemaining()) {
                if (channel.read(originalTail, tailStart + originalTail.position()) < 0) {
                    throw new IOException(bundle + " changed while being signed");
                }
            }
            try {
                StrictZipWriter writer = StrictZipWriter.appendTo(channel, entries);
                append(writer, entry, signature, manifestLength);
                writer.finish();
                channel.force(true);
            } catch (IOException | RuntimeException e) {
                originalTail.flip();
                while (originalTail.hasRemaining()) {
                    channel.write(originalTail, tailStart + originalTail.position());
                }
                channel.truncate(originalLength);
                throw e;
            }
        }
    }

    /** Writes one stored signature entry; used when signing while packing too. */
    static void append(StrictZipWriter writer, String entryName, byte[] signature, long manifestBytes)
            throws IOException {
        if (signature.length > maxSignatureBytes(manifestBytes)) {
            throw new IllegalStateException("a signature of " + signature.length + " bytes exceeds the limit of "
                    + maxSignatureBytes(manifestBytes) + " that readers enforce");
        }
        StrictZipWriter.Entry entry = writer.addStored(entryName, signature.length);
        entry.write(ByteBuffer.wrap(signature), 0);
        CRC32 crc = new CRC32();
        crc.update(signature);
        entry.complete((int) crc.getValue());
    }

    /**
     * Checks every embedded signature against each verifier (trusted keys or CA anchors). A
     * signature is accepted when one verifier verifies it and its statement names exactly this
     * bundle: the subject is the bundle's name and the resources are exactly its entries with
     * their digests. Content digests themselves are checked by {@link BundleVerifier}.
     */
    public static List<SignatureCheck> verify(BundleReader reader, List<SignatureVerifier> verifiers)
            throws IOException {
        Statement expected = statement(reader.manifest(), reader.manifestBytes());
        List<SignatureCheck> checks = new ArrayList<>();
        for (BundleEntry entry : reader.signatures()) {
            checks.add(check(reader, entry, expected, verifiers));
        }
        return checks;
    }

    private static SignatureCheck check(BundleReader reader, BundleEntry entry, Statement expected,
                                        List<SignatureVerifier> verifiers) throws IOException {
        String signer = entry.path().substring(Manifest.SIGNATURES_DIR.length(), entry.path().length() - 4);
        byte[] bytes = reader.signatureBytes(entry.path());
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < verifiers.size(); i++) {
            VerifiedSignature verified;
            try {
                verified = verifiers.get(i).verify(bytes);
            } catch (SignatureException e) {
                problems.add(new Problem("signature." + e.reason().name().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', '-'), entry.path(), e.getMessage()));
                continue;
            } catch (JsonDocumentException e) {
                problems.add(new Problem("signature.malformed-bundle", entry.path(), e.getMessage()));
                continue;
            }
            Optional<Problem> mismatch = compare(entry.path(), verified, expected);
            if (mismatch.isPresent()) {
                // A valid signature over something else: no other key makes it fit this bundle.
                return SignatureCheck.rejected(entry.path(), signer, mismatch.get());
            }
            return SignatureCheck.accepted(entry.path(), signer, i, verified);
        }
        return new SignatureCheck(entry.path(), signer, Optional.empty(), Optional.empty(), problems);
    }

    private static Optional<Problem> compare(String where, VerifiedSignature verified, Statement expected) {
        if (verified.legacyV02()) {
            return Optional.of(new Problem("signature.unsupported", where,
                    "model_signing v0.2 signatures are not accepted inside bundles; sign again"));
        }
        if (!verified.subjectName().equals(expected.subjectName())) {
            return Optional.of(new Problem("signature.subject-mismatch", where, "the signature is for '"
                    + verified.subjectName() + "', not for this bundle ('" + expected.subjectName()
                    + "'): it was copied from another bundle"));
        }
        Set<String> signed = new java.util.HashSet<>();
        ResourceManifest bundleResources = expected.manifest();
        for (Resource r : verified.manifest().resources()) {
            signed.add(r.path());
            Optional<Resource> ours = bundleResources.get(r.path());
            if (ours.isEmpty()) {
                return Optional.of(new Problem("signature.resources-mismatch", where, "the signature covers '"
                        + r.path() + "', which this bundle does not hold: it was made for another bundle"));
            }
            if (!ours.get().equals(r)) {
                return Optional.of(new Problem("signature.resources-mismatch", where, "the signature pins '"
                        + r.path() + "' to SHA-256 " + r.sha256Hex() + " but the bundle's is " + ours.get().sha256Hex()
                        + ": the file or the manifest changed after signing"));
            }
        }
        for (Resource r : bundleResources.resources()) {
            if (!signed.contains(r.path())) {
                return Optional.of(new Problem("signature.resources-mismatch", where, "the signature does not cover '"
                        + r.path() + "': it was added after signing"));
            }
        }
        return Optional.empty();
    }

    /**
     * One embedded signature's outcome.
     *
     * @param entry      the signature entry
     * @param signer     the signer name from the entry name
     * @param acceptedBy index of the verifier that accepted it, if any
     * @param verified   what was verified, if accepted
     * @param problems   why each verifier refused it, or why the statement does not fit the bundle
     */
    public record SignatureCheck(String entry, String signer, Optional<Integer> acceptedBy,
                                 Optional<VerifiedSignature> verified, List<Problem> problems) {
        public SignatureCheck {
            problems = List.copyOf(problems);
        }

        static SignatureCheck accepted(String entry, String signer, int verifier, VerifiedSignature verified) {
            return new SignatureCheck(entry, signer, Optional.of(verifier), Optional.of(verified), List.of());
        }

        static SignatureCheck rejected(String entry, String signer, Problem problem) {
            return new SignatureCheck(entry, signer, Optional.empty(), Optional.empty(), List.of(problem));
        }

        public boolean accepted() {
            return acceptedBy.isPresent();
        }
    }
}
