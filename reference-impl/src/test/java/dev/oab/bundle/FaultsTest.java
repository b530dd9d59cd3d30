package dev.oab.bundle;

import dev.oab.OabException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Crashes, full disks, inputs that change and bundles replaced while read: never a silent partial result. */
class FaultsTest {

    @TempDir
    Path tmp;

    @Test
    void packKilledMidWriteLeavesNothingAtTheDestination() throws Exception {
        Path src = TestTrees.conventional(tmp.resolve("src"));
        // A large sparse input keeps the pack busy long enough to be killed in the middle.
        try (RandomAccessFile big = new RandomAccessFile(src.resolve("model/big.safetensors").toFile(), "rw")) {
            big.setLength(3L << 30);
        }
        Path out = tmp.resolve("out/killed.oab");
        Files.createDirectories(out.getParent());
        Process pack = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.oab.cli.OabCommand", "pack", src.toString(),
                "-o", out.toString(), "--progress=none").redirectErrorStream(true).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (partials(out.getParent()).isEmpty() && pack.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(pack.isAlive(), "the pack ended before it could be killed");
        Thread.sleep(200);
        pack.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hook, no finally block
        assertFalse(Files.exists(out), "a killed pack must not leave a bundle at the destination");
        List<Path> left = partials(out.getParent());
        assertEquals(1, left.size(), "only the temporary file may remain: " + left);
        for (Path partial : left) {
            Files.delete(partial);
        }
    }

    private static List<Path> partials(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".partial")).toList();
        }
    }

    @Test
    void inputThatShrinksWhilePackingFailsWithoutOutput() throws Exception {
        Path src = TestTrees.conventional(tmp.resolve("src"));
        BundlePlan plan = BundlePlan.of(src, java.util.Optional.of(Instant.parse("2026-01-01T00:00:00Z")));
        Files.writeString(src.resolve("code/training/train.py"), "x");
        Path out = tmp.resolve("shrunk.oab");
        BundleWriter.InputChangedException e = assertThrows(BundleWriter.InputChangedException.class,
                () -> BundleWriter.builder().build().write(plan, out));
        assertEquals(OabException.Category.IO, e.category());
        assertEquals("code/training/train.py shrank while it was being packed; pack again once nothing writes to the "
                + "source directory", e.getMessage());
        assertOnlySourceLeft();
    }

    @Test
    void inputRemovedWhilePackingFailsWithoutOutput() throws Exception {
        Path src = TestTrees.conventional(tmp.resolve("src"));
        BundlePlan plan = BundlePlan.of(src, java.util.Optional.empty());
        Files.delete(src.resolve("data/training/train.csv"));
        IOException e = assertThrows(IOException.class,
                () -> BundleWriter.builder().build().write(plan, tmp.resolve("removed.oab")));
        assertTrue(e instanceof java.nio.file.NoSuchFileException, e.toString());
        assertOnlySourceLeft();
    }

    private void assertOnlySourceLeft() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(tmp.resolve("src")), files.toList());
        }
    }

    @Test
    void fullDiskFailsWithAClearErrorAndNoPartialFile() throws Exception {
        Path mount = Files.createDirectory(tmp.resolve("small-disk"));
        Process m = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "oab-test", mount.toString())
                .redirectErrorStream(true).start();
        String why = new String(m.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        boolean mounted = m.waitFor() == 0;
        if (!mounted) {
            System.out.println("FaultsTest: full-disk case skipped, cannot mount a small tmpfs here: " + why);
        }
        Assumptions.assumeTrue(mounted, "needs permission to mount a tmpfs: " + why);
        try {
            Path src = TestTrees.conventional(tmp.resolve("src"));
            Files.write(src.resolve("model/large.safetensors"), new byte[3 << 20]);
            Path out = mount.resolve("full.oab");
            IOException e = assertThrows(IOException.class, () -> BundleWriter.builder().build().pack(src, out));
            assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
            try (Stream<Path> files = Files.list(mount)) {
                assertEquals(List.of(), files.toList(), "nothing may be left on the full disk");
            }
        } finally {
            new ProcessBuilder("umount", mount.toString()).start().waitFor();
        }
    }

    @Test
    void bundleOverwrittenWhileOpenIsDetected() throws Exception {
        Path bundle = tmp.resolve("b.oab");
        BundleWriter.builder().build().pack(TestTrees.conventional(tmp.resolve("src")), bundle);
        try (BundleReader reader = BundleReader.open(bundle)) {
            long offset = reader.entry("model/model.safetensors").orElseThrow().dataOffset();
            try (RandomAccessFile other = new RandomAccessFile(bundle.toFile(), "rw")) {
                other.seek(offset + 10);
                other.write(0x5a);
            }
            IntegrityReport report = BundleVerifier.create().verify(reader);
            assertEquals(List.of("integrity.digest-mismatch"), report.problems().stream().map(Problem::code).toList());
        }
    }

    @Test
    void bundleTruncatedWhileOpenIsDetected() throws Exception {
        Path bundle = tmp.resolve("b.oab");
        BundleWriter.builder().build().pack(TestTrees.conventional(tmp.resolve("src")), bundle);
        try (BundleReader reader = BundleReader.open(bundle)) {
            long offset = reader.entry("model/model.safetensors").orElseThrow().dataOffset();
            try (RandomAccessFile other = new RandomAccessFile(bundle.toFile(), "rw")) {
                other.setLength(offset + 100);
            }
            IntegrityReport report = BundleVerifier.create().verify(reader);
            assertTrue(report.problems().stream().anyMatch(p -> p.code().equals("integrity.unreadable")
                    && p.where().equals("model/model.safetensors")), report.problems().toString());
        }
    }

    @Test
    void bundleReplacedByRenameWhileOpenIsReadWholeFromTheOriginal() throws Exception {
        Path bundle = tmp.resolve("b.oab");
        BundleWriter.builder().build().pack(TestTrees.conventional(tmp.resolve("src")), bundle);
        Path other = tmp.resolve("other.oab");
        Files.write(other, ConformanceVectors.base().build());
        try (BundleReader reader = BundleReader.open(bundle)) {
            Files.move(other, bundle, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            // The open channel still reads the original file: nothing of the replacement is mixed in.
            assertTrue(BundleVerifier.create().verify(reader).intact());
            assertEquals("tiny-model", reader.manifest().name());
        }
    }

    @Test
    void extractionRefusesATargetUnderASymlinkedFolder() throws Exception {
        Path bundle = tmp.resolve("b.oab");
        BundleWriter.builder().build().pack(TestTrees.conventional(tmp.resolve("src")), bundle);
        Path real = Files.createDirectory(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        try (BundleReader reader = BundleReader.open(bundle)) {
            BundleExtractor.ExtractionTargetException e = assertThrows(BundleExtractor.ExtractionTargetException.class,
                    () -> BundleExtractor.extract(reader, link.resolve("out")));
            assertTrue(e.getMessage().contains("goes through a symbolic link"), e.getMessage());
        }
        try (Stream<Path> files = Files.list(real)) {
            assertEquals(0, files.count());
        }
    }
}
