package dev.oab.bundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.MappedByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PackAndVerifyTest {

    static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path tmp;

    private Path pack(Path src, String name) throws Exception {
        Path out = tmp.resolve(name);
        BundleWriter.builder().timestamp(TIME).build().pack(src, out);
        return out;
    }

    @Test
    void packedBundleListsEveryFileWithItsSha256AndManifestFirst() throws Exception {
        Path src = TestTrees.conventional(tmp.resolve("src"));
        Path bundle = pack(src, "b.oab");
        try (BundleReader reader = BundleReader.open(bundle)) {
            Manifest m = reader.manifest();
            assertEquals(Manifest.PATH, reader.entries().get(0).path());
            assertEquals(List.of("LICENSES/Apache-2.0.txt", "LICENSES/CC-BY-4.0.txt", "cards/MODEL_CARD.md",
                            "code/inference/predict.py", "code/training/train.py", "config/hyperparameters.json",
                            "config/seeds.json", "data/training/train.csv", "env/requirements.txt", "model/model.safetensors"),
                    m.files().stream().map(Manifest.FileEntry::path).toList());
            for (Manifest.FileEntry f : m.files()) {
                byte[] source = Files.readAllBytes(src.resolve(f.path()));
                assertEquals(ConformanceVectors.sha256(source), f.sha256(), f.path());
                assertEquals(source.length, f.size());
                try (InputStream in = reader.openStream(f.path())) {
                    assertArrayEquals(source, in.readAllBytes());
                }
            }
            assertEquals(List.of("datasets", "hyperparameters", "inference-code", "licenses", "model-card",
                            "model-parameters-final", "random-seeds", "software-environment", "training-code"),
                    m.components().stream().map(Manifest.Component::id).toList());
            assertEquals("CC-BY-4.0", m.component("datasets").orElseThrow().license());
            assertEquals("Apache-2.0", m.component("training-code").orElseThrow().license());
            assertEquals(TIME, m.created().orElseThrow());
            assertTrue(BundleVerifier.create().verify(reader).intact());
        }
    }

    @Test
    void largeFilesAreHashedWhileTheyAreWritten() throws Exception {
        Path src = TestTrees.conventional(tmp.resolve("src"));
        byte[] big = new byte[(20 << 20) + 12345];
        new java.util.Random(7).nextBytes(big);
        Files.write(src.resolve("model/big.safetensors"), big);
        try (BundleReader reader = BundleReader.open(pack(src, "big.oab"))) {
            assertEquals(ConformanceVectors.sha256(big), reader.manifest().file("model/big.safetensors").orElseThrow().sha256());
            assertTrue(BundleVerifier.create().verify(reader).intact(), "CRC and SHA-256 of the overlapped copy match");
        }
    }

    @Test
    void storedWeightsAreAlignedAndMappable() throws Exception {
        Path bundle = pack(TestTrees.conventional(tmp.resolve("src")), "b.oab");
        try (BundleReader reader = BundleReader.open(bundle)) {
            BundleEntry weights = reader.entry("model/model.safetensors").orElseThrow();
            assertEquals(0, weights.dataOffset() % 4096);
            MappedByteBuffer map = reader.map("model/model.safetensors");
            byte[] mapped = new byte[map.remaining()];
            map.get(mapped);
            assertArrayEquals(Files.readAllBytes(tmp.resolve("src/model/model.safetensors")), mapped);
        }
    }

    @Test
    void sameInputsGiveIdenticalBytesWhateverMtimesPermissionsAndLocation() throws Exception {
        Path first = TestTrees.conventional(tmp.resolve("a/src"));
        byte[] one = Files.readAllBytes(pack(first, "one.oab"));

        Path second = tmp.resolve("elsewhere/deeper/copy");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(first)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        // Copy in reverse order so directory creation order differs, then change every mtime and mode.
        List<Path> reversed = new ArrayList<>(files);
        java.util.Collections.reverse(reversed);
        for (Path f : reversed) {
            Path target = second.resolve(first.relativize(f).toString());
            Files.createDirectories(target.getParent());
            Files.copy(f, target);
            Files.setLastModifiedTime(target, FileTime.from(Instant.parse("2031-05-05T05:05:05Z")));
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
        }
        byte[] two = Files.readAllBytes(pack(second, "two.oab"));
        assertEquals(sha256(one), sha256(two));
        assertArrayEquals(one, two);
    }

    @Test
    void withoutTimestampTheBundleHasNoCreatedFieldAndIsStillReproducible() throws Exception {
        Path src = TestTrees.conventional(tmp.resolve("src"));
        BundleWriter writer = BundleWriter.builder().build();
        writer.pack(src, tmp.resolve("x.oab"));
        writer.pack(src, tmp.resolve("y.oab"));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("x.oab")), Files.readAllBytes(tmp.resolve("y.oab")));
        try (BundleReader reader = BundleReader.open(tmp.resolve("x.oab"))) {
            assertTrue(reader.manifest().created().isEmpty());
        }
    }

    @Test
    void flippedWeightByteIsReportedByName() throws Exception {
        Path bundle = pack(TestTrees.conventional(tmp.resolve("src")), "b.oab");
        long offset;
        try (BundleReader reader = BundleReader.open(bundle)) {
            offset = reader.entry("model/model.safetensors").orElseThrow().dataOffset() + 1234;
        }
        try (RandomAccessFile raf = new RandomAccessFile(bundle.toFile(), "rw")) {
            raf.seek(offset);
            int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0x01);
        }
        try (BundleReader reader = BundleReader.open(bundle)) {
            IntegrityReport report = BundleVerifier.create().verify(reader);
            assertFalse(report.intact());
            assertEquals(1, report.problems().size());
            assertEquals("integrity.digest-mismatch", report.problems().get(0).code());
            assertEquals("model/model.safetensors", report.problems().get(0).where());
            // A consumer streaming the file is stopped too.
            try (InputStream in = reader.openStream("model/model.safetensors")) {
                java.io.IOException e = assertThrows(java.io.IOException.class, in::readAllBytes);
                assertTrue(e.getMessage().startsWith("model/model.safetensors: content does not match its SHA-256"));
            }
        }
    }

    @Test
    void packFailureLeavesNothingAndKeepsAnExistingBundle(@TempDir Path other) throws Exception {
        Path src = TestTrees.conventional(tmp.resolve("src"));
        Path out = other.resolve("existing.oab");
        Files.writeString(out, "previous release");
        Files.createSymbolicLink(src.resolve("model/link.safetensors"), src.resolve("model/model.safetensors"));
        dev.oab.authoring.AuthoringException e = assertThrows(dev.oab.authoring.AuthoringException.class,
                () -> BundleWriter.builder().build().pack(src, out));
        assertEquals("cannot pack " + src + ":\n  model/link.safetensors is a symbolic link; a bundle holds regular "
                + "files only: copy the target in or exclude it", e.getMessage());
        assertEquals("previous release", Files.readString(out));
        try (Stream<Path> left = Files.list(other)) {
            assertEquals(List.of(out), left.toList());
        }
    }

    @Test
    void excludedFilesAndGitFolderStayOut() throws Exception {
        Path src = TestTrees.conventional(tmp.resolve("src"));
        TestTrees.write(src, ".git/HEAD", "ref: refs/heads/main\n");
        TestTrees.write(src, "model/scratch.tmp", "x");
        Files.writeString(src.resolve("oab.yaml"), Files.readString(src.resolve("oab.yaml")) + "exclude: [\"**.tmp\"]\n");
        try (BundleReader reader = BundleReader.open(pack(src, "b.oab"))) {
            assertTrue(reader.manifest().file("model/scratch.tmp").isEmpty());
            assertTrue(reader.manifest().file(".git/HEAD").isEmpty());
            assertTrue(reader.manifest().file("oab.yaml").isEmpty());
        }
    }

    @Test
    void extractionWritesEveryEntryAndRefusesANonEmptyTarget() throws Exception {
        Path src = TestTrees.conventional(tmp.resolve("src"));
        Path bundle = pack(src, "b.oab");
        Path target = tmp.resolve("out");
        try (BundleReader reader = BundleReader.open(bundle)) {
            BundleExtractor.extract(reader, target);
            for (Manifest.FileEntry f : reader.manifest().files()) {
                assertArrayEquals(Files.readAllBytes(src.resolve(f.path())), Files.readAllBytes(target.resolve(f.path())));
            }
            assertArrayEquals(reader.manifestBytes(), Files.readAllBytes(target.resolve("oab.json")));
            BundleExtractor.ExtractionTargetException e = assertThrows(
                    BundleExtractor.ExtractionTargetException.class, () -> BundleExtractor.extract(reader, target));
            assertEquals(target.toAbsolutePath() + " is not empty; extract into a new or empty directory so no "
                    + "existing file is overwritten", e.getMessage());
        }
    }

    @Test
    void extractionOfATamperedBundleLeavesNoFiles() throws Exception {
        Path bundle = tmp.resolve("t.oab");
        RawZip zip = ConformanceVectors.base();
        zip.entries.get(3).content[0] ^= 1;
        // Keep the CRC consistent so only the SHA-256 catches it, as an attacker would.
        Files.write(bundle, zip.build());
        Path target = tmp.resolve("out");
        try (BundleReader reader = BundleReader.open(bundle)) {
            BundleFormatException e = assertThrows(BundleFormatException.class,
                    () -> BundleExtractor.extract(reader, target));
            assertEquals("integrity.digest-mismatch", e.code());
        }
        assertFalse(Files.exists(target));
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(bundle), left.toList());
        }
    }

    @Test
    void extractionRefusesASymlinkTarget() throws Exception {
        Path bundle = pack(TestTrees.conventional(tmp.resolve("src")), "b.oab");
        Path real = Files.createDirectory(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        try (BundleReader reader = BundleReader.open(bundle)) {
            assertThrows(BundleExtractor.ExtractionTargetException.class, () -> BundleExtractor.extract(reader, link));
        }
        try (Stream<Path> left = Files.list(real)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void unzipAndPythonZipfileReadTheBundle() throws Exception {
        Path src = TestTrees.conventional(tmp.resolve("src"));
        Path bundle = pack(src, "b.oab");
        assertEquals("No errors detected in compressed data of " + bundle + ".",
                lastLine(run("unzip", "-t", bundle.toString())));
        String script = "import zipfile,hashlib,json,sys\n"
                + "z=zipfile.ZipFile(sys.argv[1])\n"
                + "assert z.testzip() is None\n"
                + "names=z.namelist()\n"
                + "m=json.loads(z.read('oab.json'))\n"
                + "assert names[0]=='oab.json'\n"
                + "for f in m['files']:\n"
                + "  assert hashlib.sha256(z.read(f['path'])).hexdigest()==f['sha256'], f['path']\n"
                + "print(len(names))\n";
        assertEquals("11", lastLine(run("python3", "-c", script, bundle.toString())));
        for (String line : run("sha256sum", src.resolve("model/model.safetensors").toString()).split("\n")) {
            try (BundleReader reader = BundleReader.open(bundle)) {
                assertEquals(line.substring(0, 64), reader.manifest().file("model/model.safetensors").orElseThrow().sha256());
            }
        }
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + " failed:\n" + out);
        return out;
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
