package dev.oab.mof;

import dev.oab.components.ComponentCatalog;
import dev.oab.components.OabComponent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.oab.json.StrictJson;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an exporter fills in a MofDocument is written as a mof.yml the MOF schema and the tool accept. */
class MofExportTest {

    private static MofDocument exportedRelease() {
        MofDocument.Builder release = MofDocument.Release.builder("Example-7B")
                .version("1.0")
                .date("2026-11-27")
                .type("language")
                .architecture("transformer decoder")
                .treatment("pre-trained")
                .origin("")
                .producer("Example Lab")
                .contact("models@example.org")
                .repository("https://example.org/example-7b")
                .license("distribution", new MofDocument.License("Apache-2.0", "LICENSES/Apache-2.0.txt"))
                .license("data", new MofDocument.License("CC-BY-4.0", "LICENSES/CC-BY-4.0.txt"))
                .license("document", new MofDocument.License("CC-BY-4.0", "LICENSES/CC-BY-4.0.txt"));
        for (OabComponent component : ComponentCatalog.bundled().mofComponents()) {
            release.component(new MofDocument.Component(component.mofName(), null,
                    component.contentType().id().equals("code") ? "Apache-2.0" : null, null,
                    component.evidencePaths().get(0)));
        }
        return new MofDocument(MofDocument.Framework.mof10(), release.build());
    }

    @Test
    void anExportValidatesAgainstTheMofSchema() throws Exception {
        byte[] yaml = MofWriter.toYaml(exportedRelease());
        JsonNode schema = StrictJson.parse(Files.readAllBytes(SharedData.mofDir().resolve("schema/mof_schema.json")),
                "mof_schema.json");
        assertEquals(List.of(), JsonSchemas.validateMof(schema, new YAMLMapper().readTree(yaml)));
    }

    @Test
    void anExportReadsBackUnchangedAndGradesAsTheToolWould() throws Exception {
        MofDocument document = exportedRelease();
        MofDocument read = MofReader.parse(MofWriter.toYaml(document), "export");
        assertEquals(document, read);
        MofClassification classification = MofClassifier.standard().classify(read);
        assertEquals(1, classification.mofClass(), "all 17 components under open licences is Class I");
    }

    @Test
    void versionLikeStringsStayStringsAndKeyOrderFollowsTheToolsFiles() {
        String yaml = new String(MofWriter.toYaml(exportedRelease()), StandardCharsets.UTF_8);
        assertTrue(yaml.startsWith("framework:\n  name: Model Openness Framework\n  version: \"1.0\"\n"), yaml);
        assertTrue(yaml.indexOf("release:") < yaml.indexOf("  license:"), yaml);
        assertTrue(yaml.indexOf("  license:") < yaml.indexOf("  components:"), yaml);
        assertFalse(yaml.contains("\r"), "LF line ends on every OS");
    }

    @Test
    void aMissingSchemaFieldIsCaughtByTheSchema() throws Exception {
        JsonNode schema = StrictJson.parse(Files.readAllBytes(SharedData.mofDir().resolve("schema/mof_schema.json")),
                "mof_schema.json");
        JsonNode incomplete = MofWriter.toTree(new MofDocument(new MofDocument.Framework("Another framework", "1", "2024-01-01"),
                MofDocument.Release.builder("x").build()));
        assertFalse(JsonSchemas.validateMof(schema, incomplete).isEmpty(), "the enum on framework.name must bite");
    }

    @Test
    void theToolsSampleFileRoundTrips() throws Exception {
        MofDocument sample = MofReader.read(SharedData.mofDir().resolve("schema/sample_model.yml"));
        assertEquals(sample, MofReader.parse(MofWriter.toYaml(sample), "rewritten sample"));
        assertEquals("unlicensed", sample.release().components().get(0).license());
        assertEquals(null, sample.release().components().get(2).license(), "an omitted licence stays omitted");
    }
}
