package dev.oab.mof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.oab.json.StrictJson;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 273 real mof.yml files published with the Model Openness Tool. */
class RealModelsTest {

    @Test
    void everyRealModelParsesClassifiesAndRoundTrips() throws Exception {
        List<Path> files;
        try (Stream<Path> listing = Files.list(SharedData.mofDir().resolve("models"))) {
            files = listing.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        }
        assertEquals(273, files.size());
        JsonNode mofSchema = StrictJson.parse(Files.readAllBytes(SharedData.mofDir().resolve("schema/mof_schema.json")),
                "mof_schema.json");
        MofClassifier classifier = MofClassifier.standard();
        Map<String, Integer> histogram = new TreeMap<>();
        int schemaValidSources = 0;
        for (Path file : files) {
            MofDocument document = MofReader.read(file);
            MofClassification result = classifier.classify(document);
            assertTrue(result.ignoredComponentNames().isEmpty(), file + ": " + result.ignoredComponentNames());
            histogram.merge(result.label(), 1, Integer::sum);

            // Writing and reading back loses nothing the tool uses.
            byte[] written = MofWriter.toYaml(document);
            assertEquals(document, MofReader.parse(written, file + " (rewritten)"), file.toString());

            // A file that satisfies the MOF schema still does after OAB rewrites it.
            JsonNode source = new YAMLMapper().readTree(Files.readAllBytes(file));
            if (JsonSchemas.validateMof(mofSchema, source).isEmpty()) {
                schemaValidSources++;
                assertEquals(List.of(), JsonSchemas.validateMof(mofSchema, new YAMLMapper().readTree(written)), file.toString());
            }
        }
        System.out.println("MOF class histogram of " + files.size() + " real models: " + histogram);
        System.out.println(schemaValidSources + " of " + files.size() + " real models satisfy the MOF schema as published");
        assertEquals(files.size(), histogram.values().stream().mapToInt(Integer::intValue).sum());
    }
}
