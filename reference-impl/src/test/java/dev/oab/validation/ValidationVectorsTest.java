package dev.oab.validation;

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

/** Runs every vector of spec/vectors/validation and keeps them in sync with the generator. */
class ValidationVectorsTest {

    static final Path VECTORS = Path.of(System.getProperty("oab.spec.dir", "../spec")).resolve("vectors/validation");

    @TestFactory
    Stream<DynamicTest> everyVectorGivesItsExpectedReport() throws Exception {
        JsonNode index = StrictJson.parse(Files.readAllBytes(VECTORS.resolve("index.json")), "index.json");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode v : index.get("vectors")) {
            tests.add(DynamicTest.dynamicTest(v.get("name").asText(), () -> check(v)));
        }
        return tests.stream();
    }

    private static void check(JsonNode v) throws Exception {
        Profile profile = v.has("policy") ? Profiles.load(VECTORS.resolve(v.get("policy").asText()))
                : Profiles.builtIn(v.get("profile").asText());
        ValidationReport report = Validator.of(profile).validate(VECTORS.resolve(v.get("bundle").asText()));
        String description = v.get("description").asText();
        assertEquals(v.get("met").asBoolean(), report.met(), description + "\n" + Reports.text(report));
        for (JsonNode e : v.get("expect")) {
            String component = e.get("component").asText();
            List<Issue> issues = component.isEmpty() ? report.issues()
                    : report.component(component).orElseThrow().issues();
            if (!component.isEmpty()) {
                assertEquals(e.get("status").asText(), report.component(component).orElseThrow().status().id(),
                        component + " in " + v.get("name").asText());
            }
            if (e.get("rule").asText().isEmpty()) {
                continue;
            }
            assertTrue(issues.stream().anyMatch(i -> i.rule().equals(e.get("rule").asText())
                            && i.code().equals(e.get("code").asText())),
                    "expected " + e + " in " + issues);
        }
        assertEquals(new String(Files.readAllBytes(VECTORS.resolve(v.get("report").asText())), "UTF-8"),
                new String(Reports.json(report), "UTF-8"), v.get("report").asText() + " differs");
    }

    @Test
    void committedVectorsMatchTheGenerator(@TempDir Path dir) throws Exception {
        ValidationVectors.write(dir);
        List<Path> generated;
        try (Stream<Path> files = Files.walk(dir)) {
            generated = files.filter(Files::isRegularFile).sorted().toList();
        }
        List<Path> committed;
        try (Stream<Path> files = Files.walk(VECTORS)) {
            committed = files.filter(Files::isRegularFile).sorted().toList();
        }
        assertEquals(generated.stream().map(p -> dir.relativize(p).toString()).toList(),
                committed.stream().map(p -> VECTORS.relativize(p).toString()).toList(),
                "spec/vectors/validation holds other files than the generator writes: regenerate with"
                        + " ValidationVectors.main");
        for (Path g : generated) {
            assertArrayEquals(Files.readAllBytes(g), Files.readAllBytes(VECTORS.resolve(dir.relativize(g).toString())),
                    dir.relativize(g) + " is stale: regenerate with ValidationVectors.main");
        }
    }
}
