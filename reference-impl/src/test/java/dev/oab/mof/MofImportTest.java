package dev.oab.mof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MofImportTest {

    private static final String SOURCE = """
            framework: {name: Model Openness Framework, version: '1.0', date: '2024-12-15'}
            release:
              name: Example
              version: ''
              producer: Example Lab
              license:
                distribution: {name: apache-2.0, path: LICENSE}
                data: {name: CC-BY-4.0}
              components:
                - name: Model architecture
                - name: Model parameters (Final)
                - name: Datasets
                  license: Component not included
                - name: Training code
                  license: Llama 2 Community License
                  component_path: https://example.org/train
                - name: Model card
                  license: unlicensed
            """;

    @Test
    void claimsBecomeComponentsAtConventionalPathsWithSpdxLicences() throws Exception {
        MofDocument document = MofReader.parse(SOURCE.getBytes(StandardCharsets.UTF_8), "example.yml");
        OabAuthoringSkeleton skeleton = MofImporter.standard().importDocument(document, "example.yml");

        assertEquals("Example", skeleton.name());
        assertEquals(null, skeleton.version());
        assertEquals("Apache-2.0", skeleton.license(), "licence ids come back in SPDX spelling");
        assertEquals(List.of("model-architecture", "model-parameters-final", "model-card", "training-code"),
                List.copyOf(skeleton.components().keySet()), "vocabulary order; 'not included' is left out");
        assertEquals("Apache-2.0", skeleton.components().get("model-architecture").license(), "distribution for code");
        assertEquals("CC-BY-4.0", skeleton.components().get("model-parameters-final").license(), "data licence for data");
        assertEquals(List.of("model/"), skeleton.components().get("model-parameters-final").paths());
        assertEquals("LicenseRef-Llama-2-Community-License", skeleton.components().get("training-code").license());
        assertEquals(null, skeleton.components().get("model-card").license(), "unlicensed: the producer must choose");

        String notes = String.join("\n", skeleton.notes());
        assertTrue(notes.contains("version: the mof.yml gives none"), notes);
        assertTrue(notes.contains("datasets: the mof.yml lists it with licence \"Component not included\""), notes);
        assertTrue(notes.contains("\"Llama 2 Community License\" (training-code) is not an SPDX expression; written as "
                + "LicenseRef-Llama-2-Community-License: put its text in LICENSES/LicenseRef-Llama-2-Community-License.txt"),
                notes);
        assertTrue(notes.contains("training-code: the mof.yml points to https://example.org/train."), notes);
        assertTrue(notes.contains("model-card: no licence in the mof.yml; choose one."), notes);
    }

    @Test
    void theSkeletonIsYamlWithTheNotesAsComments() throws Exception {
        MofDocument document = MofReader.parse(SOURCE.getBytes(StandardCharsets.UTF_8), "example.yml");
        byte[] yaml = MofImporter.standard().importDocument(document, "example.yml").toYaml();
        String text = new String(yaml, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("# Imported from example.yml"), text);
        JsonNode tree = new YAMLMapper().readTree(yaml);
        assertEquals("Example", tree.path("name").asText());
        assertEquals("Example Lab", tree.path("producer").asText());
        assertFalse(tree.has("version"));
        assertEquals("code/training/", tree.path("components").path("training-code").path("paths").path(0).asText());
        assertEquals("LicenseRef-Llama-2-Community-License",
                tree.path("components").path("training-code").path("license").asText());
        assertFalse(tree.path("components").path("model-card").has("license"));
    }

    @Test
    void everyRealModelImports() throws Exception {
        try (var files = java.nio.file.Files.list(SharedData.mofDir().resolve("models"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                byte[] yaml = MofImporter.standard().importDocument(MofReader.read(file), file.getFileName().toString()).toYaml();
                JsonNode tree = new YAMLMapper().readTree(yaml);
                assertTrue(tree.path("name").isTextual(), file.toString());
                for (JsonNode component : tree.path("components")) {
                    if (component.has("license")) {
                        // Whatever the claim said, the skeleton holds a valid SPDX expression.
                        dev.oab.licenses.SpdxLicenseList.bundled().parse(component.path("license").asText());
                    }
                }
            }
        }
    }
}
