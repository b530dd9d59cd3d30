package dev.oab.export;

import dev.oab.bundle.BundleReader;
import dev.oab.bundle.BundleWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The exports of the example release, packed with a fixed timestamp, are the golden files under
 * spec/vectors/exports/, byte for byte. Run with -Doab.exports.regenerate=true to rewrite them.
 */
class ExportGoldenTest {

    /** The creation time the example is packed with. */
    static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    static Path tmp;

    static Path bundle;

    static Path specDir() {
        return Path.of(System.getProperty("oab.spec.dir", "../spec"));
    }

    static Path example() {
        return specDir().resolveSibling("examples").resolve("tiny-model");
    }

    @BeforeAll
    static void pack() throws Exception {
        bundle = tmp.resolve("tiny-model.oab");
        BundleWriter.builder().timestamp(CREATED).build().pack(example(), bundle);
    }

    @Test
    void cyclonedx() throws Exception {
        try (BundleReader reader = BundleReader.open(bundle)) {
            check("tiny-model.cdx.json", CycloneDxExporter.export(reader));
        }
    }

    @Test
    void spdx() throws Exception {
        try (BundleReader reader = BundleReader.open(bundle)) {
            check("tiny-model.spdx.json", SpdxExporter.export(reader));
        }
    }

    @Test
    void croissant() throws Exception {
        try (BundleReader reader = BundleReader.open(bundle)) {
            check("tiny-model.croissant.json", CroissantExporter.export(reader));
        }
    }

    private static void check(String name, byte[] actual) throws Exception {
        Path golden = specDir().resolve("vectors").resolve("exports").resolve(name);
        if (Boolean.getBoolean("oab.exports.regenerate")) {
            Files.createDirectories(golden.getParent());
            Files.write(golden, actual);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8),
                golden + " differs; if the change is intended, rerun with -Doab.exports.regenerate=true");
        assertEquals(Files.size(golden), actual.length);
    }
}
