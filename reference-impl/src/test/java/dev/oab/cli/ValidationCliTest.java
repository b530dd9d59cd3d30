package dev.oab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.oab.bundle.BundleWriter;
import dev.oab.json.StrictJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static dev.oab.cli.CliTest.oab;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** oab validate and oab init, end to end on the tiny-model example and on a fresh skeleton. */
class ValidationCliTest {

    static final Path TINY_MODEL = Path.of("../examples/tiny-model");

    @TempDir
    Path tmp;

    private Path tinyModel() throws Exception {
        Path bundle = tmp.resolve("tiny-model.oab");
        BundleWriter.builder().timestamp(Instant.parse("2026-01-01T00:00:00Z")).build().pack(TINY_MODEL, bundle);
        return bundle;
    }

    @Test
    void theTinyModelExampleMeetsEveryProfile() throws Exception {
        Path bundle = tinyModel();
        for (String profile : List.of("mof-class-iii", "mof-class-ii", "mof-class-i", "osaid-1.0", "oab-full")) {
            CliTest.Result r = oab("validate", bundle.toString(), "--profile", profile);
            assertEquals(0, r.code(), profile + "\n" + r.out() + r.err());
            assertTrue(r.out().contains("\nMOF class from the evidence: Class I - Open Science Model (Class III 100%,"
                    + " Class II 100%, Class I 100%)\n"), r.out());
        }
    }

    @Test
    void theTextReportListsEachComponentWithStatusLicenceAndFiles() throws Exception {
        CliTest.Result r = oab("validate", tinyModel().toString(), "--profile", "oab-full");
        assertEquals(0, r.code());
        assertEquals("""
                tiny-model 1.0.0 (tiny-model.oab) against oab-full - OAB full release
                MET: all 18 required components are present with evidence

                Required components
                  ok    Model architecture (model-architecture)                          present    Apache-2.0
                        files: code/architecture/model.py
                  ok    Model parameters (Final) (model-parameters-final)                present    CC0-1.0
                        files: model/model.safetensors
                  ok    Model card (model-card)                                          present    Apache-2.0
                        files: cards/MODEL_CARD.md
                  ok    Data card (data-card)                                            present    Apache-2.0
                        files: cards/DATA_CARD.md
                  ok    Technical report (technical-report)                              missing - satisfied by research-paper
                  ok    Evaluation results (evaluation-results)                          present    Apache-2.0
                        files: docs/evaluation/metrics.json
                  ok    Training code (training-code)                                    present    Apache-2.0
                        files: code/training/train.py
                  ok    Inference code (inference-code)                                  present    Apache-2.0
                        files: code/inference/predict.py
                  ok    Evaluation code (evaluation-code)                                present    Apache-2.0
                        files: code/evaluation/evaluate.py
                  ok    Evaluation data (evaluation-data)                                present    CC0-1.0
                        files: data/evaluation/points.csv
                  ok    Datasets (datasets)                                              present    CC0-1.0
                        files: data/training/points.csv
                  ok    Data preprocessing code (data-preprocessing-code)                present    Apache-2.0
                        files: code/data-preprocessing/make_data.py
                  ok    Model parameters (Intermediate) (model-parameters-intermediate)  present    CC0-1.0
                        files: checkpoints/epoch-10.safetensors, checkpoints/epoch-20.safetensors
                  ok    Research paper (research-paper)                                  present    Apache-2.0
                        files: docs/paper/tiny-model.md
                  ok    Hyperparameters (hyperparameters)                                present    CC0-1.0
                        files: config/hyperparameters.json
                  ok    Random seeds (random-seeds)                                      present    CC0-1.0
                        files: config/seeds.json
                  ok    Software environment (software-environment)                      present    Apache-2.0
                        files: env/requirements.txt
                  ok    Licence texts (licenses)                                         present    Apache-2.0
                        files: LICENSES/Apache-2.0.txt, LICENSES/CC0-1.0.txt

                Optional components
                  -     Sample model outputs (sample-model-outputs)                      missing
                  ok    Supporting libraries and tools (supporting-libraries-and-tools)  present    Apache-2.0
                        files: code/tools/common.py
                  -     Model metadata (model-metadata)                                  missing

                MOF class from the evidence: Class I - Open Science Model (Class III 100%, Class II 100%, Class I 100%)
                MOF class the Model Openness Tool grades from the claims alone: Class I - Open Science Model (Class III\
                 100%, Class II 100%, Class I 100%)
                """, r.out());
    }

    @Test
    void jsonHtmlAndBadge() throws Exception {
        Path html = tmp.resolve("report.html");
        Path badge = tmp.resolve("badge.svg");
        CliTest.Result r = oab("validate", tinyModel().toString(), "--profile", "mof-class-ii", "--json",
                "--html", html.toString(), "--badge", badge.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode report = StrictJson.parse(r.out().getBytes(StandardCharsets.UTF_8), "stdout");
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaIdResolvers(resolvers -> resolvers.mapPrefix("https://oab.dev/spec/schema/",
                        "classpath:dev/oab/spec/schema/")));
        Schema schema = registry.getSchema(SchemaLocation.of("https://oab.dev/spec/schema/validation-report.schema.json"));
        assertEquals(List.of(), schema.validate(report).stream().map(Object::toString).toList());
        assertTrue(report.get("met").asBoolean());
        assertEquals(1, report.at("/mof/evidence/class").asInt());
        assertEquals("training-code", report.at("/components/6/id").asText());
        assertEquals("mof-class-ii", report.at("/components/6/requiredBy").asText());

        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
        assertTrue(page.contains("<span>MET</span>") && page.contains("Class I - Open Science Model"));
        assertFalse(page.contains("<script") || page.contains("<link") || page.contains("src="),
                "the page is self-contained");
        String svg = Files.readString(badge);
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
        assertTrue(svg.contains(">MOF Class I \u00b7 mof-class-ii \u2713</text>"), svg);
    }

    @Test
    void aFailingProfileExitsOneAndNamesWhatIsMissing() throws Exception {
        Path src = tmp.resolve("src");
        copy(TINY_MODEL, src);
        try (var walk = Files.walk(src.resolve("code/training"))) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        Path bundle = tmp.resolve("no-training.oab");
        assertEquals(0, oab("pack", src.toString(), "-o", bundle.toString()).code());
        CliTest.Result r = oab("validate", bundle.toString(), "--profile", "mof-class-ii");
        assertEquals(1, r.code());
        assertTrue(r.out().contains("NOT MET: 1 of 10 required components fails\n"), r.out());
        assertTrue(r.out().contains("  FAIL  Training code (training-code)"), r.out());
        assertTrue(r.out().contains("error (rule component.present, component.missing): mof-class-ii requires the"
                + " Training code"), r.out());
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        Path bundle = tinyModel();
        CliTest.Result unknown = oab("validate", bundle.toString(), "--profile", "mof-class-iv");
        assertEquals(2, unknown.code());
        assertEquals("oab validate: error: unknown profile 'mof-class-iv'; the built-in profiles are mof-class-iii,"
                + " mof-class-ii, mof-class-i, osaid-1.0, oab-full (or pass a policy file with --policy)\n",
                unknown.err());
        assertEquals(2, oab("validate", bundle.toString()).code(), "--profile or --policy is required");
        assertEquals(2, oab("validate", bundle.toString(), "--profile", "oab-full", "--policy", "p.json").code());
        CliTest.Result noPolicy = oab("validate", bundle.toString(), "--policy", tmp.resolve("none.json").toString());
        assertEquals(2, noPolicy.code());
        assertEquals("oab validate: error: " + tmp.resolve("none.json") + ": no such policy file\n", noPolicy.err());
    }

    @Test
    void initWritesASkeletonThatValidateExplains() throws Exception {
        Path dir = tmp.resolve("my-model");
        CliTest.Result r = oab("init", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("created " + dir + ": oab.yaml, cards/MODEL_CARD.md, cards/DATA_CARD.md,"
                + " config/hyperparameters.json, config/seeds.json, env/README.md, LICENSES/README.md\n"
                + "next: add the weights, code and data, fill in the cards and configs, then\n"
                + "  oab pack " + dir + " -o release.oab && oab validate release.oab --profile oab-full\n", r.out());

        CliTest.Result again = oab("init", dir.toString());
        assertEquals(2, again.code());
        assertEquals("oab init: error: " + dir + " is not empty; oab init only writes into a new or empty directory,"
                + " so nothing of yours is overwritten\n", again.err());

        Path bundle = tmp.resolve("skeleton.oab");
        assertEquals(0, oab("pack", dir.toString(), "-o", bundle.toString()).code());
        CliTest.Result report = oab("validate", bundle.toString(), "--profile", "oab-full", "--json");
        assertEquals(1, report.code());
        JsonNode json = StrictJson.parse(report.out().getBytes(StandardCharsets.UTF_8), "stdout");
        StringBuilder statuses = new StringBuilder();
        for (JsonNode c : json.get("components")) {
            if (c.get("role").asText().equals("required")) {
                java.util.Set<String> codes = new java.util.LinkedHashSet<>();
                c.get("issues").forEach(i -> codes.add(i.get("code").asText()));
                statuses.append(c.get("id").asText()).append(' ').append(c.get("status").asText()).append(' ')
                        .append(String.join(",", codes)).append('\n');
            }
        }
        assertEquals("""
                model-architecture missing component.missing
                model-parameters-final missing component.missing
                model-card unlicensed license.text-missing,model-card.section-placeholder
                data-card unlicensed license.text-missing,data-card.section-placeholder
                technical-report missing component.missing
                evaluation-results missing component.missing
                training-code missing component.missing
                inference-code missing component.missing
                evaluation-code missing component.missing
                evaluation-data missing component.missing
                datasets missing component.missing
                data-preprocessing-code missing component.missing
                model-parameters-intermediate missing component.missing
                research-paper missing component.missing
                hyperparameters unlicensed license.text-missing,hyperparameters.schema-violation
                random-seeds unlicensed license.text-missing,seeds.schema-violation
                software-environment unlicensed license.text-missing,environment.no-lockfile
                licenses invalid license.text-missing
                """, statuses.toString());
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
