package dev.oab.mof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.oab.bundle.BundleWriter;
import dev.oab.cli.OabCommand;
import dev.oab.json.StrictJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** oab mof export: a bundle's claims as a mof.yml the MOF schema and the MOF tool accept. */
class MofBundleExportTest {

    @TempDir
    Path tmp;

    @Test
    void exportOfTheTinyModelIsValidAndGradesAsClassI() throws Exception {
        Path bundle = tmp.resolve("tiny-model.oab");
        BundleWriter.builder().timestamp(Instant.parse("2026-01-01T00:00:00Z")).build()
                .pack(Path.of("../examples/tiny-model"), bundle);
        Path yml = tmp.resolve("mof.yml");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = OabCommand.execute(new String[]{"mof", "export", bundle.toString(), "-o", yml.toString()},
                new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        assertEquals("wrote " + yml + ": 14 MOF components of tiny-model 1.0.0\n", out.toString());

        JsonNode schema = StrictJson.parse(Files.readAllBytes(SharedData.mofDir().resolve("schema/mof_schema.json")),
                "mof_schema.json");
        assertEquals(List.of(), JsonSchemas.validateMof(schema, new YAMLMapper().readTree(yml.toFile())));

        MofDocument document = MofReader.read(yml);
        assertEquals("tiny-model", document.release().name());
        assertEquals("2026-01-01", document.release().date());
        assertEquals(new MofDocument.License("Apache-2.0", "LICENSES/Apache-2.0.txt"),
                document.release().licenses().get("distribution"));
        assertEquals(new MofDocument.Component("Model parameters (Final)", null, "CC0-1.0", "LICENSES/CC0-1.0.txt",
                "model/"), document.release().components().stream()
                .filter(c -> c.name().equals("Model parameters (Final)")).findFirst().orElseThrow());
        assertEquals(1, MofClassifier.standard().classify(document).mofClass());
    }

    @Test
    void exportToStandardOutput() throws Exception {
        Path bundle = tmp.resolve("tiny-model.oab");
        BundleWriter.builder().timestamp(Instant.parse("2026-01-01T00:00:00Z")).build()
                .pack(Path.of("../examples/tiny-model"), bundle);
        StringWriter out = new StringWriter();
        int code = OabCommand.execute(new String[]{"mof", "export", bundle.toString()}, new PrintWriter(out),
                new PrintWriter(new StringWriter()));
        assertEquals(0, code);
        MofDocument document = MofReader.parse(out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "stdout");
        assertEquals(14, document.release().components().size());
    }
}
