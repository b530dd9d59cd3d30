package dev.oab.bundle;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oab.json.StrictJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds the conformance vectors of {@code spec/vectors/}: valid bundles and one invalid bundle per
 * reader rule, each with the error code a conforming reader reports. Deterministic, so a test can
 * regenerate them and prove the committed copies match the code.
 *
 * <p>Run {@code main} with the target folder (spec/vectors) to rewrite them.
 */
final class ConformanceVectors {

    /** A vector; {@code keys} name the trusted public keys under spec/vectors/keys/ (signature vectors only). */
    record Vector(String file, String expect, String description, byte[] bytes, List<String> keys) {
        Vector(String file, String expect, String description, byte[] bytes) {
            this(file, expect, description, bytes, List.of());
        }
    }

    /** Published test keys: derived from fixed text so the vectors regenerate byte for byte. Never trust them. */
    static final java.security.KeyPair PRODUCER_KEY = derivedKey("OAB conformance vectors: producer key");
    static final java.security.KeyPair REGISTRY_KEY = derivedKey("OAB conformance vectors: registry key");

    static final String WEIGHTS = "model/weights.safetensors";
    static final String CODE = "code/inference/run.py";
    static final String LICENSE = "LICENSES/Apache-2.0.txt";

    private ConformanceVectors() {
    }

    public static void main(String[] args) throws Exception {
        write(Path.of(args[0]));
    }

    static void write(Path dir) throws IOException {
        List<Vector> vectors = all();
        Files.createDirectories(dir.resolve("bundles"));
        Files.createDirectories(dir.resolve("keys"));
        Files.writeString(dir.resolve("keys/producer.pub.pem"), publicPem(PRODUCER_KEY));
        Files.writeString(dir.resolve("keys/registry.pub.pem"), publicPem(REGISTRY_KEY));
        ArrayNode index = JsonNodeFactory.instance.arrayNode();
        for (Vector v : vectors) {
            Files.write(dir.resolve(v.file()), v.bytes());
            ObjectNode node = index.addObject();
            node.put("file", v.file());
            node.put("expect", v.expect());
            node.put("description", v.description());
            if (!v.keys().isEmpty()) {
                ArrayNode keys = node.putArray("trustedKeys");
                v.keys().forEach(keys::add);
            }
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("oabVersion", Manifest.FORMAT_VERSION);
        root.put("about", "Each vector is opened and its integrity verified; when 'trustedKeys' is present its "
                + "embedded signatures are verified against those public keys too and one must be accepted. 'expect' "
                + "is 'valid' or the code of the first problem a conforming reader reports.");
        root.set("vectors", index);
        Files.write(dir.resolve("index.json"), StrictJson.writePretty(root));
    }

    static List<Vector> all() throws IOException {
        List<Vector> v = new ArrayList<>();
        v.add(new Vector("bundles/valid-packed.oab", "valid",
                "written by the reference BundleWriter: aligned stored entries, conventional components", packed()));
        v.add(vector("valid-minimal", "valid", "the smallest strict-profile bundle, built field by field", z -> { }));
        v.add(new Vector("bundles/valid-all-fields.oab", "valid",
                "every optional manifest field: producer url and email, description, supersedes, external "
                        + "references, annotations", allFields().build()));
        v.add(vector("valid-deflated-code", "valid", "a DEFLATED text entry (compression is opt-in, not forbidden)",
                z -> z.entries.get(2).deflated()));
        v.add(vector("valid-signature-entry", "valid", "a signature entry after the files is not in the file table",
                z -> z.add(".oab/signatures/producer.sig", "{}")));

        // Archive structure (spec §2)
        v.add(new Vector("bundles/archive-truncated.oab", "archive.truncated", "the last 100 bytes are cut off",
                Arrays.copyOf(base().build(), base().build().length - 100)));
        v.add(vector("archive-trailing-data", "archive.trailing-data", "bytes appended after the end record",
                z -> z.suffix = "APPENDED".getBytes(StandardCharsets.US_ASCII)));
        v.add(vector("archive-comment", "archive.trailing-data", "an archive comment", z -> z.archiveComment =
                "comment".getBytes(StandardCharsets.US_ASCII)));
        v.add(vector("archive-leading-data", "archive.leading-data",
                "bytes prepended with offsets adjusted so naive readers still open it (Janus)",
                z -> z.prefix = "MZ-prepended-executable".getBytes(StandardCharsets.US_ASCII)));
        v.add(vector("archive-prepended-unadjusted", "archive.central-directory-mismatch",
                "bytes prepended without adjusting offsets", z -> {
                    z.prefix = "PREFIX".getBytes(StandardCharsets.US_ASCII);
                    z.offsetsIncludePrefix = false;
                }));
        v.add(vector("archive-two-end-records", "archive.multiple-end-records", "two end-of-central-directory records",
                z -> z.duplicateEndRecord = true));
        v.add(vector("archive-entry-count", "archive.entry-count-mismatch",
                "the end record declares one entry more than the central directory holds",
                z -> z.entryCountOverride = z.entries.size() + 1));
        v.add(vector("archive-hidden-local-entry", "archive.unreferenced-data",
                "a local entry that the central directory does not list", z -> {
                    RawZip.Entry hidden = z.add("model/hidden.bin", "hidden payload");
                    hidden.inCentralDirectory = false;
                    z.entries.remove(hidden);
                    z.entries.add(2, hidden);
                }));
        v.add(vector("archive-overlapping-entries", "archive.overlapping-entries",
                "an entry whose local header lies inside another entry's data (overlapping-file bomb)", z -> {
                    RawZip.Entry inner = new RawZip.Entry("model/inner.bin", "inner".getBytes(StandardCharsets.UTF_8));
                    RawZip.Entry outer = z.add("model/outer.bin",
                            concat(RawZip.localHeader(inner), inner.content));
                    inner.nestedIn = outer;
                    z.entries.add(inner);
                }));
        v.add(vector("archive-local-name-mismatch", "archive.header-mismatch",
                "the local header names a different file than the central directory",
                z -> z.entries.get(2).localName = "code/inference/RUN.py".getBytes(StandardCharsets.UTF_8)));
        v.add(vector("archive-local-crc-mismatch", "archive.header-mismatch",
                "the local header's CRC-32 differs from the central directory's", z -> z.entries.get(2).localCrc = 1L));
        v.add(vector("archive-local-size-mismatch", "archive.header-mismatch",
                "the local header's size differs from the central directory's", z -> z.entries.get(2).localSize = 1L));
        v.add(vector("archive-local-method-mismatch", "archive.header-mismatch",
                "the local header's method differs from the central directory's", z -> z.entries.get(2).localMethod = 8));
        v.add(vector("archive-local-flags-mismatch", "archive.header-mismatch",
                "the local header's flags differ from the central directory's", z -> z.entries.get(2).localFlags = 0));
        v.add(vector("archive-duplicate-name", "archive.duplicate-name",
                "two entries with the same name (Android Master Key)", z -> z.add(CODE, "print('evil')\n")));
        v.add(vector("archive-symlink", "archive.non-regular-entry", "an entry that is a symbolic link", z -> {
            RawZip.Entry link = z.entries.get(2);
            link.externalAttributes = 0120777 << 16;
        }));
        v.add(vector("archive-directory-entry", "archive.non-regular-entry", "a directory entry",
                z -> z.add("model/", "")));
        v.add(vector("archive-encrypted", "archive.encrypted", "the encryption flag is set",
                z -> z.entries.get(2).flags |= 1));
        v.add(vector("archive-data-descriptor", "archive.data-descriptor", "the data-descriptor flag is set",
                z -> z.entries.get(2).flags |= 8));
        v.add(vector("archive-unicode-path-extra", "archive.unicode-path-extra",
                "a Unicode Path extra field that renames the entry for some readers", z -> {
                    byte[] body = concat(new byte[]{1, 0, 0, 0, 0}, "../../evil.py".getBytes(StandardCharsets.UTF_8));
                    z.entries.get(2).centralExtra = RawZip.extraField(0x7075, body);
                }));
        v.add(vector("archive-unknown-extra", "archive.unsupported-extra", "an extra field outside the profile",
                z -> z.entries.get(2).centralExtra = RawZip.extraField(0x5455, new byte[]{1, 0, 0, 0, 0})));
        v.add(vector("archive-entry-comment", "archive.entry-comment", "an entry comment",
                z -> z.entries.get(2).comment = "hi".getBytes(StandardCharsets.US_ASCII)));
        v.add(vector("archive-bzip2-method", "archive.unsupported-method", "compression method 12 (bzip2)",
                z -> z.entries.get(2).method = 12));
        v.add(vector("archive-deflate-bomb", "archive.compression-ratio",
                "16 MiB of zeros deflated to a few KiB", z -> {
                    RawZip.Entry bomb = z.entries.get(2);
                    bomb.content = new byte[16 << 20];
                    bomb.deflated();
                }));
        v.add(vector("archive-name-not-utf8-flagged", "archive.name-encoding",
                "a non-ASCII name without the UTF-8 flag", z -> {
                    RawZip.Entry e = z.entries.get(2);
                    e.flags = 0;
                    e.name = "code/inference/r\u00e9sum\u00e9.py";
                }));

        v.add(vector("archive-alignment-padding", "archive.malformed-extra",
                "bytes hidden in the alignment padding of a local header",
                z -> z.entries.get(3).localExtra = RawZip.extraField(0xa11e, new byte[]{0, 0x10, 'h', 'i', 'd', 'e'})));
        v.add(vector("archive-central-alignment", "archive.unsupported-extra",
                "an alignment field in the central directory, where the writer never puts one",
                z -> z.entries.get(3).centralExtra = RawZip.extraField(0xa11e, new byte[]{0, 0x10, 0, 0})));
        v.add(vector("archive-zip64-extra-unneeded", "archive.unsupported-extra",
                "a ZIP64 extra field on a small entry, hiding 24 bytes no digest covers",
                z -> z.entries.get(2).centralExtra = RawZip.extraField(0x0001,
                        "hidden-bytes-hidden-byte".getBytes(StandardCharsets.US_ASCII))));
        v.add(vector("archive-zip64-local-extra-unneeded", "archive.unsupported-extra",
                "a ZIP64 extra field in a small entry's local header",
                z -> z.entries.get(2).localExtra = RawZip.extraField(0x0001, new byte[16])));
        v.add(vector("archive-truncated-extra", "archive.malformed-extra", "an extra field that runs past its end",
                z -> z.entries.get(2).centralExtra = new byte[]{1, 0, 16, 0, 0}));
        v.add(vector("archive-manifest-crc", "integrity.crc-mismatch",
                "oab.json whose CRC-32 (in both headers) does not match its bytes", z -> {
                    z.entries.get(0).crc = 0x0badcafeL;
                    z.entries.get(0).localCrc = 0x0badcafeL;
                }));
        v.add(vector("archive-multi-disk", "archive.multi-disk", "an end record naming disk 1",
                z -> z.diskNumber = 1));
        v.add(vector("archive-entry-disk", "archive.multi-disk", "an entry whose central record says it starts on disk 1",
                z -> z.entries.get(2).diskNumberStart = 1));
        v.add(vector("archive-stored-flag-bits", "archive.unsupported-flags", "deflate option bits on a STORED entry",
                z -> z.entries.get(2).flags |= 2));
        v.add(vector("archive-central-order", "archive.central-directory-order",
                "the central directory lists entries in another order than the archive holds them", z -> {
                    z.centralOrder = new int[]{0, 2, 1, 3};
                }));
        v.add(vector("integrity-corrupt-deflate", "integrity.unreadable", "DEFLATED data that cannot be inflated",
                z -> {
                    RawZip.Entry e = z.entries.get(2).deflated();
                    e.data = new byte[]{(byte) 0xff, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
                }));

        // Path rules (spec §3)
        v.add(pathVector("path-dot-dot", "../evil.py", "path.dot-segment", "a '..' segment (zip slip)"));
        v.add(pathVector("path-dot", "code/./run2.py", "path.dot-segment", "a '.' segment"));
        v.add(pathVector("path-absolute", "/etc/passwd", "path.absolute", "an absolute path"));
        v.add(pathVector("path-drive", "C:/evil.py", "path.forbidden-character", "a Windows drive letter"));
        v.add(pathVector("path-backslash", "code\\evil.py", "path.backslash", "a backslash"));
        v.add(pathVector("path-empty-segment", "code//evil.py", "path.empty-segment", "an empty segment"));
        v.add(pathVector("path-control", "code/evil\u0007.py", "path.control-character", "a control character"));
        v.add(pathVector("path-trailing-dot", "code/evil.", "path.trailing-dot-or-space", "a trailing dot"));
        v.add(pathVector("path-reserved-device", "code/con.txt", "path.reserved-name", "a Windows device name"));
        v.add(pathVector("path-empty", "", "path.empty", "an empty name"));
        v.add(pathVector("path-too-long", "data/" + "x".repeat(300), "path.too-long", "a 300-byte segment"));
        v.add(vector("path-invalid-utf8", "path.invalid-unicode", "a name that is not valid UTF-8",
                z -> {
                    RawZip.Entry e = z.add("data/x", "x");
                    e.localName = new byte[]{'d', 'a', 't', 'a', '/', (byte) 0xff};
                    e.centralName = e.localName;
                }));
        v.add(pathVector("path-reserved-device-space", "code/aux .txt", "path.reserved-name",
                "a device name followed by a space"));
        v.add(vector("path-file-folder-conflict", "path.file-folder-conflict",
                "a file 'code' beside the folder 'code/'", z -> z.add("code", "x")));
        v.add(vector("path-folded-file-folder-conflict", "path.file-folder-conflict",
                "a file 'data/ssss' and a folder 'data/\u00df\u00df/', the same name once case-folded", z -> {
                    z.add("data/ssss", "file");
                    z.add("data/\u00df\u00df/a.txt", "inside the folder");
                }));
        v.add(vector("path-case-collision", "path.colliding-names", "two names equal after case folding",
                z -> z.add("code/inference/RUN.py", "x")));
        v.add(vector("path-nfc-collision", "path.colliding-names", "two names equal after Unicode NFC", z -> {
            z.add("data/caf\u00e9.txt", "composed");
            z.add("data/cafe\u0301.txt", "decomposed");
        }));

        // Bundle rules (spec §4, §7)
        v.add(vector("bundle-manifest-not-first", "bundle.manifest-not-first", "oab.json is not the first entry",
                z -> z.entries.add(z.entries.remove(0))));
        v.add(vector("bundle-manifest-missing", "bundle.manifest-missing", "no oab.json",
                z -> z.entries.remove(0)));
        v.add(vector("bundle-unlisted-entry", "bundle.unlisted-entry", "an entry added after packing",
                z -> z.add("model/extra.bin", "added later")));
        v.add(vector("bundle-missing-entry", "bundle.missing-entry", "an entry removed after packing",
                z -> z.entries.remove(2)));
        v.add(vector("bundle-reserved-path", "bundle.reserved-path", "an entry under .oab/ that is not a signature",
                z -> z.add(".oab/config", "x")));
        v.add(vector("bundle-reserved-path-case", "bundle.reserved-path",
                "an entry under .OAB/ that would land in .oab/ on case-insensitive file systems",
                z -> z.add(".OAB/signatures/evil.txt", "x")));
        v.add(vector("bundle-signature-name", "bundle.reserved-path", "a signature entry with a bad name",
                z -> z.add(".oab/signatures/producer.json", "{}")));
        v.add(vector("bundle-signature-too-large", "signature.too-large",
                "a signature entry larger than 64 KiB plus twice the manifest, refused before it is read",
                z -> z.add(".oab/signatures/producer.sig", "{" + " ".repeat(80 << 10) + "}")));
        v.add(vector("bundle-signature-before-file", "bundle.signature-misplaced",
                "a signature entry before a file entry",
                z -> z.entries.add(1, new RawZip.Entry(".oab/signatures/producer.sig", "{}".getBytes(StandardCharsets.UTF_8)))));
        v.add(vector("bundle-entry-order", "bundle.entry-order", "file entries out of file-table order",
                z -> z.entries.add(1, z.entries.remove(3))));
        v.add(vector("integrity-flipped-byte", "integrity.digest-mismatch", "one byte of the weights flipped",
                z -> {
                    RawZip.Entry w = z.entries.get(3);
                    w.content = w.content.clone();
                    w.content[7] ^= 1;
                }));
        v.add(vector("integrity-crc", "integrity.crc-mismatch",
                "content matches oab.json but both headers carry a wrong CRC-32", z -> {
                    z.entries.get(2).crc = 0x12345678L;
                    z.entries.get(2).localCrc = 0x12345678L;
                }));
        v.add(vector("integrity-size", "integrity.size-mismatch", "an entry longer than oab.json lists",
                z -> z.entries.get(2).content = (new String(z.entries.get(2).content, StandardCharsets.UTF_8)
                        + "# more\n").getBytes(StandardCharsets.UTF_8)));

        // Manifest rules (spec §4)
        v.add(manifestVector("manifest-duplicate-key", "manifest.invalid-json",
                "a duplicate key: two readers could see two different names",
                m -> m.replaceFirst("\"name\": \"conformance\",", "\"name\": \"conformance\",\n  \"name\": \"other\",")));
        v.add(manifestVector("manifest-trailing-content", "manifest.invalid-json", "content after the JSON value",
                m -> m + "{}"));
        v.add(manifestVector("manifest-bom", "manifest.invalid-json", "a UTF-8 byte-order mark",
                m -> "\ufeff" + m));
        v.add(manifestVector("manifest-future-version", "manifest.unsupported-version",
                "a newer format version with a field this version does not know",
                m -> m.replaceFirst("\"oabVersion\": \"0.1\",", "\"oabVersion\": \"0.2\",\n  \"newField\": true,")));
        v.add(manifestVector("manifest-created", "manifest.invalid-field", "a creation time of 24:00:00",
                m -> m.replace("2026-01-01T00:00:00Z", "2026-01-01T24:00:00Z")));
        v.add(manifestVector("manifest-unsorted", "manifest.unsorted", "a file table out of UTF-8 order",
                m -> m.replace("LICENSES/Apache-2.0.txt", "z/Apache-2.0.txt")));
        v.add(manifestVector("manifest-duplicate-path", "manifest.duplicate-path", "a file listed twice",
                m -> m.replace("\"path\": \"code/inference/run.py\"", "\"path\": \"LICENSES/Apache-2.0.txt\"")));
        v.add(manifestVector("manifest-duplicate-component", "manifest.duplicate-component", "a component listed twice",
                m -> m.replace("\"id\": \"licenses\"", "\"id\": \"inference-code\"")));
        v.add(manifestVector("manifest-reserved-path", "manifest.reserved-path", "a file table entry under .oab/",
                m -> m.replace("\"path\": \"LICENSES/Apache-2.0.txt\"", "\"path\": \".oab/Apache-2.0.txt\"")));
        v.add(manifestVector("manifest-unknown-field", "manifest.unknown-field", "a field the format does not define",
                m -> m.replaceFirst("\"license\": \"Apache-2.0\",", "\"license\": \"Apache-2.0\",\n  \"extra\": 1,")));
        v.add(manifestVector("manifest-missing-field", "manifest.missing-field", "no producer",
                m -> m.replaceFirst("(?s)\"producer\": \\{.*?},\\n  ", "")));
        v.add(manifestVector("manifest-version", "manifest.unsupported-version", "format version 9.9",
                m -> m.replaceFirst("\"oabVersion\": \"0.1\"", "\"oabVersion\": \"9.9\"")));
        v.add(manifestVector("manifest-bad-digest", "manifest.invalid-field", "an upper-case SHA-256",
                m -> m.replaceFirst("\"sha256\": \"([0-9a-f]{64})\"", "\"sha256\": \"" + "A".repeat(64) + "\"")));
        v.add(manifestVector("manifest-bad-name", "manifest.invalid-field", "a bundle name with a space",
                m -> m.replaceFirst("\"name\": \"conformance\"", "\"name\": \"con formance\"")));
        v.add(manifestVector("manifest-component-path", "manifest.component-path-missing",
                "a component naming a folder with no files", m -> m.replace("\"model/\"", "\"weights/\"")));
        signatureVectors(v);
        return v;
    }

    private static void signatureVectors(List<Vector> v) throws IOException {
        byte[] signed = packed(PRODUCER_KEY);
        List<String> producer = List.of("keys/producer.pub.pem");
        v.add(new Vector("bundles/signed-valid.oab", "valid", "signed while packing by the producer key",
                signed, producer));
        v.add(new Vector("bundles/signed-wrong-key.oab", "signature.wrong-key",
                "signed by the registry key, verified against the producer key", packed(REGISTRY_KEY), producer));
        v.add(new Vector("bundles/signed-unsigned.oab", "signature.none-trusted",
                "no signature at all while a trusted signer is required", rewrite(signed,
                e -> e.remove(".oab/signatures/producer.sig")), producer));
        v.add(new Vector("bundles/signed-file-byte.oab", "integrity.digest-mismatch",
                "one byte of the weights flipped after signing", rewrite(signed,
                e -> e.get("model/model.safetensors")[100] ^= 1), producer));
        v.add(new Vector("bundles/signed-manifest-edit.oab", "signature.resources-mismatch",
                "the manifest's description edited after signing", rewrite(signed, e -> e.put("oab.json",
                new String(e.get("oab.json"), StandardCharsets.UTF_8).replace("A tiny model for tests.",
                        "A tiny model, now safe.").getBytes(StandardCharsets.UTF_8))), producer));
        v.add(new Vector("bundles/signed-signature-byte.oab", "signature.bad-signature",
                "one byte of the DSSE signature flipped", rewrite(signed, e -> {
                    byte[] sig = e.get(".oab/signatures/producer.sig");
                    String json = new String(sig, StandardCharsets.UTF_8);
                    java.util.regex.Matcher sigField = java.util.regex.Pattern.compile("\"sig\"\\s*:\\s*\"").matcher(json);
                    if (!sigField.find()) {
                        throw new IllegalStateException("no signature in " + json);
                    }
                    int at = sigField.end() + 20; // inside r, so the DER stays well formed
                    char c = json.charAt(at);
                    e.put(".oab/signatures/producer.sig", (json.substring(0, at) + (c == 'A' ? 'B' : 'A')
                            + json.substring(at + 1)).getBytes(StandardCharsets.UTF_8));
                }), producer));
        v.add(new Vector("bundles/signed-partial-statement.oab", "signature.resources-mismatch",
                "a statement that leaves out the training code, validly signed by the producer key",
                rewrite(signed, e -> e.put(".oab/signatures/producer.sig", partialSignature(signed))), producer));
        v.add(new Vector("bundles/signed-foreign-signature.oab", "signature.subject-mismatch",
                "the producer's valid signature of another bundle copied in", rewrite(signed,
                e -> e.put(".oab/signatures/producer.sig", foreignSignature())), producer));
        byte[] countersigned = countersigned(signed);
        v.add(new Vector("bundles/signed-countersigned.oab", "valid",
                "signed by the producer, countersigned by the registry; the registry key is trusted",
                countersigned, List.of("keys/registry.pub.pem")));
    }

    /** Reads every entry of a bundle, lets {@code edit} change them, and writes a strict-profile archive again. */
    static byte[] rewrite(byte[] bundle, Consumer<java.util.Map<String, byte[]>> edit) throws IOException {
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (org.apache.commons.compress.archivers.zip.ZipFile zip = org.apache.commons.compress.archivers.zip.ZipFile
                .builder().setByteArray(bundle).get()) {
            for (var e : java.util.Collections.list(zip.getEntriesInPhysicalOrder())) {
                entries.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        }
        edit.accept(entries);
        RawZip raw = new RawZip();
        entries.forEach(raw::add);
        return raw.build();
    }

    private static byte[] partialSignature(byte[] signed) {
        try (BundleReader reader = openBytes(signed)) {
            dev.oab.signing.Statement full = BundleSignatures.statement(reader.manifest(), reader.manifestBytes());
            List<dev.oab.signing.Resource> fewer = new ArrayList<>(full.resources());
            fewer.removeIf(r -> r.path().equals("code/training/train.py"));
            dev.oab.signing.Statement partial = dev.oab.signing.Statement.of(full.subjectName(),
                    dev.oab.signing.ResourceManifest.of(fewer), dev.oab.signing.Serialization.files(List.of(".oab")));
            return dev.oab.signing.ModelSigner.withKey(PRODUCER_KEY.getPrivate()).sign(partial).toJson();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] foreignSignature() {
        try {
            Path dir = Files.createTempDirectory("oab-vector");
            try {
                Path src = TestTrees.conventional(dir.resolve("src"));
                Files.writeString(src.resolve("oab.yaml"), Files.readString(src.resolve("oab.yaml"))
                        .replace("name: tiny-model", "name: other-model"));
                Path out = dir.resolve("other.oab");
                BundleWriter.builder().timestamp(Instant.parse("2026-01-01T00:00:00Z"))
                        .signWith(dev.oab.signing.ModelSigner.withKey(PRODUCER_KEY.getPrivate()), "producer").build()
                        .pack(src, out);
                try (BundleReader reader = BundleReader.open(out)) {
                    return reader.openStream(".oab/signatures/producer.sig").readAllBytes();
                }
            } finally {
                TestTrees.delete(dir);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] countersigned(byte[] signed) throws IOException {
        Path dir = Files.createTempDirectory("oab-vector");
        try {
            Path bundle = dir.resolve("b.oab");
            Files.write(bundle, signed);
            BundleSignatures.sign(bundle, dev.oab.signing.ModelSigner.withKey(REGISTRY_KEY.getPrivate()), "registry");
            return Files.readAllBytes(bundle);
        } catch (dev.oab.OabException e) {
            throw new IOException(e);
        } finally {
            TestTrees.delete(dir);
        }
    }

    private static BundleReader openBytes(byte[] bundle) throws IOException, BundleFormatException {
        Path file = Files.createTempFile("oab-vector", ".oab");
        Files.write(file, bundle);
        file.toFile().deleteOnExit();
        return BundleReader.open(file);
    }

    private static java.security.KeyPair derivedKey(String seed) {
        try {
            var spec = org.bouncycastle.jce.ECNamedCurveTable.getParameterSpec("secp256r1");
            java.math.BigInteger d = new java.math.BigInteger(1, MessageDigest.getInstance("SHA-256")
                    .digest(seed.getBytes(StandardCharsets.UTF_8))).mod(spec.getN());
            var q = spec.getG().multiply(d).normalize();
            java.security.AlgorithmParameters parameters = java.security.AlgorithmParameters.getInstance("EC");
            parameters.init(new java.security.spec.ECGenParameterSpec("secp256r1"));
            var params = parameters.getParameterSpec(java.security.spec.ECParameterSpec.class);
            java.security.KeyFactory factory = java.security.KeyFactory.getInstance("EC");
            return new java.security.KeyPair(
                    factory.generatePublic(new java.security.spec.ECPublicKeySpec(new java.security.spec.ECPoint(
                            q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger()), params)),
                    factory.generatePrivate(new java.security.spec.ECPrivateKeySpec(d, params)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String publicPem(java.security.KeyPair keys) {
        return dev.oab.signing.PublicKeyHint.canonicalPem(keys.getPublic());
    }

    /** The base bundle's files under a manifest that uses every optional field. */
    private static RawZip allFields() {
        RawZip zip = base();
        Manifest base;
        try {
            base = ManifestCodec.parse(zip.entries.get(0).content);
        } catch (BundleFormatException e) {
            throw new IllegalStateException(e);
        }
        List<Manifest.Component> components = new ArrayList<>(base.components());
        components.add(new Manifest.Component("datasets", List.of(), "CC-BY-4.0", List.of(
                new Manifest.ExternalReference("https://example.org/data/train-00001.parquet", 1_073_741_824L,
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "CC-BY-4.0"))));
        Manifest full = Manifest.builder()
                .name("example.org/conformance")
                .version("1.1.0+build.7")
                .producer(new Manifest.Producer("OAB conformance vectors", java.util.Optional.of("https://oab.dev"),
                        java.util.Optional.of("vectors@oab.dev")))
                .created(base.created().orElseThrow())
                .license("Apache-2.0 AND CC-BY-4.0")
                .description("All optional fields of the manifest.")
                .supersedes(new Manifest.Supersedes("example.org/conformance", "1.0.0",
                        "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"))
                .components(components)
                .files(base.files())
                .annotations(java.util.Map.of("org.example.team", "vectors", "dev.oab.vector/kind", "all-fields"))
                .build();
        zip.entries.get(0).content = ManifestCodec.write(full);
        return zip;
    }

    /** The base bundle: manifest, licence, code, weights; conventional components. */
    static RawZip base() {
        return base(m -> m);
    }

    private static RawZip base(java.util.function.UnaryOperator<String> manifestEdit) {
        byte[] license = "Apache License 2.0 (text abridged for the vectors)\n".getBytes(StandardCharsets.UTF_8);
        byte[] code = "print('hello')\n".getBytes(StandardCharsets.UTF_8);
        byte[] weights = new byte[256];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (byte) (i * 31 + 7);
        }
        Manifest manifest = Manifest.builder()
                .name("conformance")
                .version("1.0.0")
                .producer(Manifest.Producer.named("OAB conformance vectors"))
                .created(Instant.parse("2026-01-01T00:00:00Z"))
                .license("Apache-2.0")
                .components(List.of(
                        new Manifest.Component("inference-code", List.of("code/inference/"), "Apache-2.0", List.of()),
                        new Manifest.Component("licenses", List.of("LICENSES/"), "Apache-2.0", List.of()),
                        new Manifest.Component("model-parameters-final", List.of("model/"), "Apache-2.0", List.of())))
                .files(List.of(file(LICENSE, license), file(CODE, code), file(WEIGHTS, weights)))
                .build();
        String json = new String(ManifestCodec.write(manifest), StandardCharsets.UTF_8);
        RawZip zip = new RawZip();
        zip.add(Manifest.PATH, manifestEdit.apply(json));
        zip.add(LICENSE, license);
        zip.add(CODE, code);
        zip.add(WEIGHTS, weights);
        return zip;
    }

    private static Manifest.FileEntry file(String path, byte[] content) {
        return new Manifest.FileEntry(path, content.length, sha256(content), MediaTypes.of(path));
    }

    private static Vector vector(String name, String expect, String description, Consumer<RawZip> defect) {
        RawZip zip = base();
        defect.accept(zip);
        return new Vector("bundles/" + name + ".oab", expect, description, zip.build());
    }

    private static Vector pathVector(String name, String path, String expect, String description) {
        return vector(name, expect, "an entry name with " + description, z -> z.add(path, "x"));
    }

    private static Vector manifestVector(String name, String expect, String description,
                                         java.util.function.UnaryOperator<String> edit) {
        return new Vector("bundles/" + name + ".oab", expect, description, base(edit).build());
    }

    /** A bundle packed by the reference writer from a fixed source tree. */
    private static byte[] packed() throws IOException {
        return packed(null);
    }

    /** The same, signed as 'producer' with {@code keys} unless null. */
    private static byte[] packed(java.security.KeyPair keys) throws IOException {
        Path dir = Files.createTempDirectory("oab-vector");
        try {
            Path src = dir.resolve("src");
            TestTrees.conventional(src);
            Path out = dir.resolve("packed.oab");
            BundleWriter.Builder writer = BundleWriter.builder().timestamp(Instant.parse("2026-01-01T00:00:00Z"));
            if (keys != null) {
                writer.signWith(dev.oab.signing.ModelSigner.withKey(keys.getPrivate()), "producer");
            }
            writer.build().pack(src, out);
            return Files.readAllBytes(out);
        } catch (dev.oab.OabException e) {
            throw new IOException(e);
        } finally {
            TestTrees.delete(dir);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
