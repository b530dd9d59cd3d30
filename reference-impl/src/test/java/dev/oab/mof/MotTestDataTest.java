package dev.oab.mof;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Model Openness Tool's own 27 test models: OAB must compute exactly the class and progress the tool did. */
class MotTestDataTest {

    @TestFactory
    Stream<DynamicTest> everyMotTestModelMatchesTheToolsResult() throws Exception {
        Path dir = SharedData.mofDir().resolve("mot-test-data");
        // The tool's expected_results.json has trailing commas, which StrictJson rightly refuses;
        // this third-party fixture is read leniently here and nowhere else.
        JsonNode expected = JsonMapper.builder().enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build()
                .readTree(Files.readAllBytes(dir.resolve("expected_results.json")));

        Map<String, Path> filesByReleaseName = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                filesByReleaseName.put(MofReader.read(file).release().name(), file);
            }
        }
        assertEquals(27, expected.path("models").size(), "expected_results.json should hold 27 models");
        assertEquals(27, filesByReleaseName.size(), "mot-test-data should hold 27 mof.yml files");

        MofClassifier classifier = MofClassifier.standard();
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode model : expected.path("models")) {
            String name = model.path("release").path("name").asText();
            JsonNode classification = model.path("classification");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Path file = filesByReleaseName.get(name);
                assertNotNull(file, "no test file with release name " + name);
                MofClassification result = classifier.classify(MofReader.read(file));
                assertEquals(classification.path("class").asInt(), result.mofClass(), "class");
                assertEquals(classification.path("label").asText(), result.label(), "label");
                for (int mofClass = 1; mofClass <= 3; mofClass++) {
                    JsonNode progress = classification.path("progress").path(String.valueOf(mofClass));
                    assertTrue(progress.isNumber(), "progress " + mofClass + " missing in expected results");
                    // Exact: the tool's figures are IEEE doubles computed the same way.
                    assertEquals(progress.asDouble(), result.progress(mofClass), 0.0, "progress toward class " + mofClass);
                }
                assertTrue(result.ignoredComponentNames().isEmpty(), "all test components have MOF names");
            }));
        }
        return tests.stream();
    }

    @org.junit.jupiter.api.Test
    void theToolsFileNamesAgreeWithItsResultsOnComponentCount() throws IOException, dev.oab.OabException {
        // The file names encode "<n>C" components; a cheap check that the reader sees every component.
        Path dir = SharedData.mofDir().resolve("mot-test-data");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("_(\\d+)C_").matcher(file.getFileName().toString());
                assertTrue(m.find(), file.toString());
                assertEquals(Integer.parseInt(m.group(1)), MofReader.read(file).release().components().size(), file.toString());
            }
        }
    }
}
