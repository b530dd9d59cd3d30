package dev.oab.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oab.internal.zip.StrictZipReader;
import dev.oab.internal.zip.ZipLimits;
import dev.oab.internal.zip.ZipProfileException;
import dev.oab.json.StrictJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rejection, bombs included, completes in a 64 MiB heap within seconds; declared counts are bounded. */
class HostileInputBoundsTest {

    @Test
    void everyVectorIsDecidedInA64MiBHeap() throws Exception {
        Path vectors = ConformanceVectorsTest.VECTORS;
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), VectorRunner.class.getName(),
                vectors.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the forked run did not finish");
        assertEquals(0, p.exitValue(), output);
        Map<String, String[]> results = new HashMap<>();
        for (String line : output.strip().split("\n")) {
            String[] parts = line.split(" ");
            if (parts.length == 3 && parts[0].startsWith("bundles/")) {
                results.put(parts[0], parts);
            }
        }
        JsonNode index = StrictJson.parse(Files.readAllBytes(vectors.resolve("index.json")), "index.json");
        for (JsonNode v : index.get("vectors")) {
            String[] result = results.get(v.get("file").asText());
            assertTrue(result != null, "no result for " + v.get("file").asText() + " in:\n" + output);
            assertEquals(v.get("expect").asText(), result[1], v.get("file").asText());
            assertTrue(Long.parseLong(result[2]) < 5_000, v.get("file").asText() + " took " + result[2] + " ms");
        }
    }

    @Test
    void declaredEntryCountIsBoundedBeforeAnythingIsRead(@TempDir Path tmp) throws Exception {
        Path bundle = tmp.resolve("b.oab");
        Files.write(bundle, ConformanceVectors.base().build());
        try (FileChannel channel = FileChannel.open(bundle, StandardOpenOption.READ)) {
            ZipProfileException e = assertThrows(ZipProfileException.class,
                    () -> StrictZipReader.open(channel, new ZipLimits(3, 1 << 20, 1 << 20, 100)));
            assertEquals("archive.too-many-entries", e.code());
            assertEquals("the archive declares 4 entries; the limit is 3", e.problems().get(0).message());
        }
        try (FileChannel channel = FileChannel.open(bundle, StandardOpenOption.READ)) {
            ZipProfileException e = assertThrows(ZipProfileException.class,
                    () -> StrictZipReader.open(channel, new ZipLimits(100, 64, 1 << 20, 100)));
            assertEquals("archive.too-many-entries", e.code());
        }
    }

}
