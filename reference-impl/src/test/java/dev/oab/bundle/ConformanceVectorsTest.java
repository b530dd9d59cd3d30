package dev.oab.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oab.json.StrictJson;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs every vector of spec/vectors through the reader and verifier, and keeps them in sync with the code. */
class ConformanceVectorsTest {

    static final Path VECTORS = Path.of(System.getProperty("oab.spec.dir", "../spec")).resolve("vectors");

    @TestFactory
    Stream<DynamicTest> everyVectorGivesItsExpectedResult() throws Exception {
        JsonNode index = StrictJson.parse(Files.readAllBytes(VECTORS.resolve("index.json")), "index.json");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode v : index.get("vectors")) {
            String file = v.get("file").asText();
            String expect = v.get("expect").asText();
            tests.add(DynamicTest.dynamicTest(file + " -> " + expect,
                    () -> assertEquals(expect, outcome(VECTORS.resolve(file)), v.get("description").asText())));
        }
        return tests.stream();
    }

    @Test
    void committedVectorsMatchTheGenerator(@TempDir Path dir) throws Exception {
        ConformanceVectors.write(dir);
        assertArrayEquals(Files.readAllBytes(dir.resolve("index.json")), Files.readAllBytes(VECTORS.resolve("index.json")),
                "spec/vectors/index.json is stale: regenerate with ConformanceVectors.main");
        try (Stream<Path> files = Files.list(dir.resolve("bundles"))) {
            for (Path generated : files.toList()) {
                Path committed = VECTORS.resolve("bundles").resolve(generated.getFileName());
                assertTrue(Files.exists(committed), "missing vector " + committed);
                assertArrayEquals(Files.readAllBytes(generated), Files.readAllBytes(committed),
                        "vector " + committed.getFileName() + " is stale: regenerate with ConformanceVectors.main");
            }
        }
    }

    /** "valid", or the code of the first problem found by opening then verifying. */
    static String outcome(Path bundle) throws Exception {
        try (BundleReader reader = BundleReader.open(bundle)) {
            IntegrityReport report = BundleVerifier.create().verify(reader);
            return report.intact() ? "valid" : report.problems().get(0).code();
        } catch (BundleFormatException e) {
            return e.code();
        }
    }
}
