package dev.oab.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oab.json.StrictJson;
import dev.oab.signing.PemKeys;
import dev.oab.signing.SignatureVerifier;
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
            List<Path> keys = new ArrayList<>();
            v.path("trustedKeys").forEach(k -> keys.add(VECTORS.resolve(k.asText())));
            tests.add(DynamicTest.dynamicTest(file + " -> " + expect,
                    () -> assertEquals(expect, outcome(VECTORS.resolve(file), keys), v.get("description").asText())));
        }
        return tests.stream();
    }

    @Test
    void everyValidVectorsManifestMatchesTheManifestSchema() throws Exception {
        JsonNode index = StrictJson.parse(Files.readAllBytes(VECTORS.resolve("index.json")), "index.json");
        int checked = 0;
        for (JsonNode v : index.get("vectors")) {
            if (v.get("expect").asText().equals("valid")) {
                try (BundleReader reader = BundleReader.open(VECTORS.resolve(v.get("file").asText()))) {
                    JsonNode manifest = StrictJson.parse(reader.manifestBytes(), "oab.json");
                    assertEquals(List.of(), dev.oab.mof.JsonSchemas.validateOab("oab-manifest.schema.json", manifest),
                            v.get("file").asText());
                    checked++;
                }
            }
        }
        assertTrue(checked >= 5, "valid vectors checked: " + checked);
    }

    @Test
    void committedVectorsMatchTheGenerator(@TempDir Path dir) throws Exception {
        ConformanceVectors.write(dir);
        assertArrayEquals(Files.readAllBytes(dir.resolve("index.json")), Files.readAllBytes(VECTORS.resolve("index.json")),
                "spec/vectors/index.json is stale: regenerate with ConformanceVectors.main");
        List<Path> generatedFiles;
        try (Stream<Path> bundles = Files.list(dir.resolve("bundles")); Stream<Path> keys = Files.list(dir.resolve("keys"))) {
            generatedFiles = Stream.concat(bundles, keys).toList();
        }
        for (Path generated : generatedFiles) {
            Path committed = VECTORS.resolve(dir.relativize(generated).toString());
            assertTrue(Files.exists(committed), "missing vector " + committed);
            assertArrayEquals(Files.readAllBytes(generated), Files.readAllBytes(committed),
                    "vector " + committed.getFileName() + " is stale: regenerate with ConformanceVectors.main");
        }
    }

    /**
     * "valid", or the code of the first problem found by opening, verifying integrity and, when
     * keys are given, requiring a signature by one of them.
     */
    static String outcome(Path bundle, List<Path> trustedKeys) throws Exception {
        try (BundleReader reader = BundleReader.open(bundle)) {
            IntegrityReport report = BundleVerifier.create().verify(reader);
            if (!report.intact()) {
                return report.problems().get(0).code();
            }
            if (trustedKeys.isEmpty()) {
                return "valid";
            }
            List<SignatureVerifier> verifiers = new ArrayList<>();
            for (Path key : trustedKeys) {
                verifiers.add(SignatureVerifier.forPublicKey(PemKeys.readPublicKey(key)));
            }
            List<BundleSignatures.SignatureCheck> checks = BundleSignatures.verify(reader, verifiers);
            if (checks.stream().anyMatch(BundleSignatures.SignatureCheck::accepted)) {
                return "valid";
            }
            return checks.isEmpty() ? "signature.none-trusted" : checks.get(0).problems().get(0).code();
        } catch (BundleFormatException e) {
            return e.code();
        }
    }
}
