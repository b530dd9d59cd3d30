package dev.oab.bundle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oab.json.StrictJson;
import dev.oab.signing.DirectoryVerifier;
import dev.oab.signing.EcCurve;
import dev.oab.signing.ModelSigner;
import dev.oab.signing.PemKeys;
import dev.oab.signing.Resource;
import dev.oab.signing.ResourceManifest;
import dev.oab.signing.Serialization;
import dev.oab.signing.SignatureVerifier;
import dev.oab.signing.Statement;
import dev.oab.signing.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BundleSigningTest {

    static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path tmp;

    private Path packSigned(String name, KeyPair keys) throws Exception {
        Path out = tmp.resolve(name);
        BundleWriter.builder().timestamp(TIME).signWith(ModelSigner.withKey(keys.getPrivate()), "producer").build()
                .pack(TestTrees.conventional(tmp.resolve("src-" + name)), out);
        return out;
    }

    /** Opens, verifies integrity and signatures; returns the first problem's code, or "valid". */
    static String outcome(Path bundle, SignatureVerifier... verifiers) throws Exception {
        try (BundleReader reader = BundleReader.open(bundle)) {
            IntegrityReport integrity = BundleVerifier.create().verify(reader);
            if (!integrity.intact()) {
                return integrity.problems().get(0).code();
            }
            List<BundleSignatures.SignatureCheck> checks = BundleSignatures.verify(reader, List.of(verifiers));
            if (checks.stream().anyMatch(BundleSignatures.SignatureCheck::accepted)) {
                return "valid";
            }
            return checks.isEmpty() ? "signature.none" : checks.get(0).problems().get(0).code();
        } catch (BundleFormatException e) {
            return e.code();
        }
    }

    @ParameterizedTest
    @EnumSource(EcCurve.class)
    void signedWhilePackingVerifiesWithEveryCurve(EcCurve curve) throws Exception {
        KeyPair keys = PemKeys.generate(curve);
        Path bundle = packSigned("b.oab", keys);
        assertEquals("valid", outcome(bundle, SignatureVerifier.forPublicKey(keys.getPublic())));
        KeyPair other = PemKeys.generate(curve);
        assertEquals("signature.wrong-key", outcome(bundle, SignatureVerifier.forPublicKey(other.getPublic())));
        try (BundleReader reader = BundleReader.open(bundle)) {
            assertEquals(List.of(".oab/signatures/producer.sig"),
                    reader.signatures().stream().map(BundleEntry::path).toList());
        }
    }

    @Test
    void bundlesOfManyFilesAreSignedAndVerified() throws Exception {
        // A statement lists every file, so its size grows with the file table: 3,000 files with long
        // names give a signature of more than 1 MiB.
        KeyPair keys = PemKeys.generate(EcCurve.P256);
        Path src = TestTrees.conventional(tmp.resolve("src-many"));
        for (int i = 0; i < 3000; i++) {
            TestTrees.write(src, String.format("data/training/%s-part-%04d/%s-shard-%04d.bin", "d".repeat(80), i / 100,
                    "s".repeat(80), i), "row " + i);
        }
        Path bundle = tmp.resolve("many.oab");
        BundleWriter.builder().timestamp(TIME).signWith(ModelSigner.withKey(keys.getPrivate()), "producer").build()
                .pack(src, bundle);
        assertEquals("valid", outcome(bundle, SignatureVerifier.forPublicKey(keys.getPublic())));
        try (BundleReader reader = BundleReader.open(bundle)) {
            assertTrue(reader.signatures().get(0).size() > (1 << 20), "a signature larger than the old fixed limit");
        }
    }

    @Test
    void signingIsDeterministic() throws Exception {
        KeyPair keys = PemKeys.generate(EcCurve.P256);
        Path a = packSigned("a.oab", keys);
        Path b = packSigned("b.oab", keys);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void certificateMethodVerifiesToTheAnchorOnly() throws Exception {
        KeyPair caKeys = PemKeys.generate(EcCurve.P256);
        X509Certificate ca = TestKeys.ca("OAB Test CA", caKeys, caKeys, null);
        KeyPair leafKeys = PemKeys.generate(EcCurve.P256);
        X509Certificate leaf = TestKeys.codeSigningLeaf("producer", leafKeys.getPublic(), caKeys, ca);
        Path bundle = tmp.resolve("cert.oab");
        BundleWriter.builder().timestamp(TIME)
                .signWith(ModelSigner.withCertificate(leafKeys.getPrivate(), List.of(leaf)), "producer").build()
                .pack(TestTrees.conventional(tmp.resolve("src")), bundle);
        assertEquals("valid", outcome(bundle, SignatureVerifier.forTrustAnchors(List.of(ca))));
        KeyPair otherKeys = PemKeys.generate(EcCurve.P256);
        X509Certificate otherCa = TestKeys.ca("Other CA", otherKeys, otherKeys, null);
        assertEquals("signature.untrusted-certificate", outcome(bundle, SignatureVerifier.forTrustAnchors(List.of(otherCa))));
    }

    @Test
    void countersigningAppendsWithoutTouchingTheFiles() throws Exception {
        KeyPair producer = PemKeys.generate(EcCurve.P256);
        KeyPair registry = PemKeys.generate(EcCurve.P384);
        Path bundle = packSigned("b.oab", producer);
        byte[] before = Files.readAllBytes(bundle);
        long filesEnd;
        try (BundleReader reader = BundleReader.open(bundle)) {
            BundleEntry last = reader.signatures().get(0);
            filesEnd = last.dataOffset() + last.size();
        }
        BundleSignatures.sign(bundle, ModelSigner.withKey(registry.getPrivate()), "registry");
        byte[] after = Files.readAllBytes(bundle);
        assertArrayEquals(Arrays.copyOf(before, (int) filesEnd), Arrays.copyOf(after, (int) filesEnd));
        assertEquals("valid", outcome(bundle, SignatureVerifier.forPublicKey(registry.getPublic())));
        assertEquals("valid", outcome(bundle, SignatureVerifier.forPublicKey(producer.getPublic())));
        try (BundleReader reader = BundleReader.open(bundle)) {
            List<BundleSignatures.SignatureCheck> checks = BundleSignatures.verify(reader, List.of(
                    SignatureVerifier.forPublicKey(producer.getPublic()),
                    SignatureVerifier.forPublicKey(registry.getPublic())));
            assertEquals(List.of("producer", "registry"), checks.stream().map(BundleSignatures.SignatureCheck::signer).toList());
            assertEquals(List.of(0, 1), checks.stream().map(c -> c.acceptedBy().orElseThrow()).toList());
        }
        dev.oab.authoring.AuthoringException again = org.junit.jupiter.api.Assertions.assertThrows(
                dev.oab.authoring.AuthoringException.class,
                () -> BundleSignatures.sign(bundle, ModelSigner.withKey(registry.getPrivate()), "registry"));
        assertEquals(bundle + " already has a signature by 'registry'; sign under another name with --signer",
                again.getMessage());
        assertArrayEquals(after, Files.readAllBytes(bundle));
    }

    @Test
    void extractedBundleVerifiesAsAPlainOmsDirectory() throws Exception {
        KeyPair keys = PemKeys.generate(EcCurve.P256);
        Path bundle = packSigned("b.oab", keys);
        Path dir = tmp.resolve("extracted");
        try (BundleReader reader = BundleReader.open(bundle)) {
            BundleExtractor.extract(reader, dir);
        }
        ResourceManifest verified = new DirectoryVerifier(SignatureVerifier.forPublicKey(keys.getPublic()))
                .verify(dir, dir.resolve(".oab/signatures/producer.sig"), List.of());
        assertEquals(11, verified.size());
        assertTrue(verified.get("oab.json").isPresent());
    }

    // Tampering: each case is rebuilt field by field from a genuine signed bundle.

    @Test
    void flippedFileByteFailsIntegrity() throws Exception {
        KeyPair keys = PemKeys.generate(EcCurve.P256);
        Path bundle = tamper(packSigned("b.oab", keys), entries ->
                entries.get("model/model.safetensors")[100] ^= 1);
        assertEquals("integrity.digest-mismatch", outcome(bundle, SignatureVerifier.forPublicKey(keys.getPublic())));
    }

    @Test
    void editedManifestNoLongerMatchesTheSignature() throws Exception {
        KeyPair keys = PemKeys.generate(EcCurve.P256);
        Path bundle = tamper(packSigned("b.oab", keys), entries -> entries.put("oab.json",
                new String(entries.get("oab.json"), StandardCharsets.UTF_8)
                        .replace("A tiny model for tests.", "A tiny model, now safe.").getBytes(StandardCharsets.UTF_8)));
        assertEquals("signature.resources-mismatch", outcome(bundle, SignatureVerifier.forPublicKey(keys.getPublic())));
    }

    @Test
    void flippedSignatureByteFails() throws Exception {
        KeyPair keys = PemKeys.generate(EcCurve.P256);
        Path bundle = tamper(packSigned("b.oab", keys), entries -> editEnvelope(entries, envelope -> {
            byte[] sig = Base64.getDecoder().decode(envelope.withArray("signatures").get(0).get("sig").asText());
            sig[sig.length - 1] ^= 1;
            ((ObjectNode) envelope.withArray("signatures").get(0)).put("sig", Base64.getEncoder().encodeToString(sig));
        }));
        assertEquals("signature.bad-signature", outcome(bundle, SignatureVerifier.forPublicKey(keys.getPublic())));
    }

    @Test
    void alteredStatementSubjectDigestFails() throws Exception {
        KeyPair keys = PemKeys.generate(EcCurve.P256);
        Path bundle = tamper(packSigned("b.oab", keys), entries -> editEnvelope(entries, envelope -> {
            String payload = new String(Base64.getDecoder().decode(envelope.get("payload").asText()), StandardCharsets.UTF_8);
            String changed = payload.replaceFirst("\"sha256\":\"[0-9a-f]{4}", "\"sha256\":\"0000");
            assertFalse(payload.equals(changed));
            envelope.put("payload", Base64.getEncoder().encodeToString(changed.getBytes(StandardCharsets.UTF_8)));
        }));
        assertEquals("signature.bad-signature", outcome(bundle, SignatureVerifier.forPublicKey(keys.getPublic())));
    }

    @Test
    void statementWithAResourceLeftOutIsRefusedEvenWhenSignedByTheRightKey() throws Exception {
        KeyPair keys = PemKeys.generate(EcCurve.P256);
        Path genuine = packSigned("b.oab", keys);
        Path bundle = tamper(genuine, entries -> {
            try (BundleReader reader = BundleReader.open(genuine)) {
                Statement full = BundleSignatures.statement(reader.manifest(), reader.manifestBytes());
                List<Resource> fewer = new ArrayList<>(full.resources());
                fewer.removeIf(r -> r.path().equals("code/training/train.py"));
                Statement partial = Statement.of(full.subjectName(), ResourceManifest.of(fewer),
                        Serialization.files(List.of(".oab")));
                entries.put(".oab/signatures/producer.sig", ModelSigner.withKey(keys.getPrivate()).sign(partial).toJson());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals("signature.resources-mismatch", outcome(bundle, SignatureVerifier.forPublicKey(keys.getPublic())));
    }

    @Test
    void removedSignatureLeavesNoTrustedSigner() throws Exception {
        KeyPair keys = PemKeys.generate(EcCurve.P256);
        Path bundle = tamper(packSigned("b.oab", keys), entries -> entries.remove(".oab/signatures/producer.sig"));
        assertEquals("signature.none", outcome(bundle, SignatureVerifier.forPublicKey(keys.getPublic())));
    }

    @Test
    void signatureCopiedFromAnotherBundleIsRefused() throws Exception {
        KeyPair keys = PemKeys.generate(EcCurve.P256);
        Path other = tmp.resolve("other.oab");
        Path otherSrc = TestTrees.conventional(tmp.resolve("other-src"));
        TestTrees.write(otherSrc, "oab.yaml", Files.readString(otherSrc.resolve("oab.yaml"))
                .replace("name: tiny-model", "name: other-model"));
        BundleWriter.builder().timestamp(TIME).signWith(ModelSigner.withKey(keys.getPrivate()), "producer").build()
                .pack(otherSrc, other);
        byte[] foreign;
        try (BundleReader reader = BundleReader.open(other)) {
            foreign = reader.openStream(".oab/signatures/producer.sig").readAllBytes();
        }
        Path bundle = tamper(packSigned("b.oab", keys), entries -> entries.put(".oab/signatures/producer.sig", foreign));
        assertEquals("signature.subject-mismatch", outcome(bundle, SignatureVerifier.forPublicKey(keys.getPublic())));
    }

    private Path tamper(Path bundle, Consumer<Map<String, byte[]>> edit) throws Exception {
        Path out = tmp.resolve("tampered-" + bundle.getFileName());
        Files.write(out, ConformanceVectors.rewrite(Files.readAllBytes(bundle), edit));
        return out;
    }

    private static void editEnvelope(Map<String, byte[]> entries, Consumer<ObjectNode> edit) {
        try {
            ObjectNode bundle = (ObjectNode) StrictJson.parse(entries.get(".oab/signatures/producer.sig"), "sig");
            edit.accept((ObjectNode) bundle.get("dsseEnvelope"));
            entries.put(".oab/signatures/producer.sig", StrictJson.writeCompact(bundle));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
