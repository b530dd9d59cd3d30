package dev.oab.evidence;

import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigSchemasTest {

    private static final String HYPERPARAMETERS = "config/hyperparameters.json";
    private static final String SEEDS = "config/seeds.json";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertOnly(ConfigReport report, String code, String path, String message) {
        assertEquals(1, report.findings().size(), report.findings()::toString);
        Finding finding = report.findings().get(0);
        assertEquals(Severity.ERROR, finding.severity());
        assertEquals(code, finding.code());
        assertEquals(path, finding.path());
        assertEquals(message, finding.message());
    }

    @Test
    void validHyperparameters() throws Exception {
        String json = """
                {
                  "hyperparameters": {"learning_rate": 3e-4, "batch_size": 512, "epochs": 3, "bf16": true,
                                      "betas": [0.9, 0.95]},
                  "optimizer": {"name": "AdamW", "parameters": {"weight_decay": 0.1, "eps": 1e-8}},
                  "schedule": {"name": "cosine", "warmupSteps": 2000, "totalSteps": 100000},
                  "stages": [{"name": "sft", "hyperparameters": {"learning_rate": 1e-5}}]
                }
                """;
        ConfigReport report = ConfigSchemas.checkHyperparameters(utf8(json), HYPERPARAMETERS);
        assertEquals(List.of(), report.findings());
        assertTrue(report.isValid());
        assertEquals(ConfigKind.HYPERPARAMETERS, report.kind());
        assertEquals(BigInteger.valueOf(512), ((Map<?, ?>) report.document().get("hyperparameters")).get("batch_size"));
    }

    @Test
    void hyperparametersMustNameTheOptimizer() throws Exception {
        String json = "{\"hyperparameters\": {\"lr\": 1}, \"optimizer\": {\"parameters\": {}}}";
        assertOnly(ConfigSchemas.checkHyperparameters(utf8(json), HYPERPARAMETERS),
                "hyperparameters.schema-violation", HYPERPARAMETERS,
                "/optimizer: required property 'name' not found (schema hyperparameters.schema.json)");
    }

    @Test
    void hyperparameterValuesMayNotBeNull() throws Exception {
        assertOnly(ConfigSchemas.checkHyperparameters(utf8("{\"hyperparameters\": {\"lr\": null}}"), HYPERPARAMETERS),
                "hyperparameters.schema-violation", HYPERPARAMETERS,
                "/hyperparameters/lr: null found, [string, number, boolean, array, object] expected"
                        + " (schema hyperparameters.schema.json)");
    }

    @Test
    void duplicateKeysAreRefusedBeforeValidation() throws Exception {
        ConfigReport report = ConfigSchemas.checkHyperparameters(
                utf8("{\"hyperparameters\": {\"lr\": 1, \"lr\": 2}}"), HYPERPARAMETERS);
        assertEquals(1, report.findings().size());
        assertEquals("hyperparameters.invalid-json", report.findings().get(0).code());
        assertTrue(report.findings().get(0).message().contains("Duplicate field 'lr'"),
                report.findings().get(0).message());
    }

    @Test
    void validSeedsFromAChannel() throws Exception {
        String json = """
                {
                  "seeds": [
                    {"name": "python.random", "value": 42, "scope": "global", "appliedWith": "random.seed(42)"},
                    {"name": "numpy.random", "value": 42, "scope": "global"},
                    {"name": "torch.manual_seed", "value": 42, "scope": "per-process", "derivation": "value + rank"},
                    {"name": "data.shuffle", "value": 18446744073709551615, "scope": "component",
                     "component": "train dataloader"}
                  ],
                  "deterministic": true
                }
                """;
        ConfigReport report = ConfigSchemas.check(ConfigKind.SEEDS, new SeekableInMemoryByteChannel(utf8(json)), SEEDS);
        assertEquals(List.of(), report.findings());
    }

    @Test
    void seedValueMustBeAnInteger() throws Exception {
        String json = "{\"seeds\": [{\"name\": \"python.random\", \"value\": \"42\", \"scope\": \"global\"}]}";
        assertOnly(ConfigSchemas.checkSeeds(utf8(json), SEEDS), "seeds.schema-violation", SEEDS,
                "/seeds/0/value: string found, integer expected (schema seeds.schema.json)");
    }

    @Test
    void seedNeedsAScope() throws Exception {
        String json = "{\"seeds\": [{\"name\": \"python.random\", \"value\": 42}]}";
        assertOnly(ConfigSchemas.checkSeeds(utf8(json), SEEDS), "seeds.schema-violation", SEEDS,
                "/seeds/0: required property 'scope' not found (schema seeds.schema.json)");
    }

    @Test
    void seedBeyond64Bits() throws Exception {
        String json = "{\"seeds\": [{\"name\": \"x\", \"value\": 18446744073709551616, \"scope\": \"global\"}]}";
        assertOnly(ConfigSchemas.checkSeeds(utf8(json), SEEDS), "seeds.schema-violation", SEEDS,
                "/seeds/0/value: must have a maximum value of 18446744073709551615 (schema seeds.schema.json)");
    }

    @Test
    void componentScopeNamesTheComponent() throws Exception {
        String json = "{\"seeds\": [{\"name\": \"dropout\", \"value\": 1, \"scope\": \"component\"}]}";
        assertOnly(ConfigSchemas.checkSeeds(utf8(json), SEEDS), "seeds.schema-violation", SEEDS,
                "/seeds/0: required property 'component' not found (schema seeds.schema.json)");
    }

    @Test
    void eachGeneratorOnce() throws Exception {
        String json = "{\"seeds\": [{\"name\": \"numpy.random\", \"value\": 1, \"scope\": \"global\"},"
                + "{\"name\": \"numpy.random\", \"value\": 2, \"scope\": \"global\"}]}";
        assertOnly(ConfigSchemas.checkSeeds(utf8(json), SEEDS), "seeds.duplicate-name", SEEDS,
                "the generator 'numpy.random' is listed twice; give each generator one entry");
    }
}
