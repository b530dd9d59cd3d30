package dev.oab.cli;

import dev.oab.authoring.HubFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HubPackCliTest {

    @TempDir
    Path tmp;

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = OabCommand.execute(args, new PrintWriter(out), new PrintWriter(err), name -> null);
        return new String[]{String.valueOf(code), out.toString(), err.toString()};
    }

    static final String SHARDED_DRY_RUN = """
            Hugging Face model directory, no authoring file: components inferred (spec/ecosystem.md)
              name       tiny-hub-model
              version    unversioned
              producer   Example Lab
              licence    Apache-2.0 (card: apache-2.0)
            component map:
              model-architecture
                configuration_tiny.py
                modeling_tiny.py
              model-parameters-final
                model-00001-of-00002.safetensors
                model-00002-of-00002.safetensors
                model.safetensors.index.json
                special_tokens_map.json
                tokenizer.json
                tokenizer_config.json
              model-card
                README.md
              inference-code
                generate.py
              model-metadata
                config.json
                generation_config.json
              licenses
                LICENSE
            lineage (annotation dev.oab.hf.base-model):
                base model example-org/tiny-base
            unpinned datasets (no size or digest: annotation dev.oab.hf.datasets, not the datasets component):
                example-org/synthetic-text
                example-org/synthetic-eval
            missing components:
                evaluation-results
                data-card
                technical-report
                sample-model-outputs
                training-code
                evaluation-code
                evaluation-data
                supporting-libraries-and-tools
                datasets
                data-preprocessing-code
                model-parameters-intermediate
                research-paper
                hyperparameters
                random-seeds
                software-environment
            warnings:
                the card states no version: recorded as 'unversioned' (add version: to the front matter or write an oab.yaml)
            tiny-hub-model unversioned: 13 files, %s
            components:
              inference-code                   Apache-2.0               generate.py
              licenses                         Apache-2.0               LICENSE
              model-architecture               Apache-2.0               configuration_tiny.py modeling_tiny.py
              model-card                       Apache-2.0               README.md
              model-metadata                   Apache-2.0               config.json generation_config.json
              model-parameters-final           Apache-2.0               model-00001-of-00002.safetensors model-00002-of-00002.safetensors model.safetensors.index.json special_tokens_map.json tokenizer.json tokenizer_config.json
            """;

    @Test
    void dryRunPrintsTheInferredComponentMapAndWritesNothing() throws Exception {
        Path dir = HubFixtures.write(tmp.resolve("tiny-hub-model"), HubFixtures.sharded());
        Path out = tmp.resolve("tiny.oab");
        String[] r = run("pack", "--dry-run", dir.toString(), "-o", out.toString());
        assertEquals("0", r[0], r[2]);
        String size = r[1].lines().filter(l -> l.startsWith("tiny-hub-model unversioned: 13 files, ")).findFirst()
                .orElseThrow().substring("tiny-hub-model unversioned: 13 files, ".length());
        assertEquals(SHARDED_DRY_RUN.formatted(size), r[1]);
        assertFalse(Files.exists(out));
    }

    @Test
    void dryRunShowsErrorsThenFails() throws Exception {
        Map<String, byte[]> files = HubFixtures.sharded();
        files.remove("model-00002-of-00002.safetensors");
        Path dir = HubFixtures.write(tmp.resolve("broken"), files);
        String[] r = run("pack", "--dry-run", dir.toString(), "-o", tmp.resolve("b.oab").toString());
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("errors (nothing can be packed until they are fixed):\n    model.safetensors.index.json"
                + " maps 1 tensor(s) (first 'layers.1.weight') to model-00002-of-00002.safetensors, which is not in "
                + "the directory; download the missing shard\n"), r[1]);
        assertTrue(r[2].startsWith("oab pack: error: cannot pack this Hugging Face model directory as it is:"), r[2]);
    }

    @Test
    void packWritesTheBundle() throws Exception {
        Path dir = HubFixtures.write(tmp.resolve("tiny-hub-model"), HubFixtures.sharded());
        Path out = tmp.resolve("tiny.oab");
        String[] r = run("pack", dir.toString(), "-o", out.toString(), "--timestamp", "2026-01-01T00:00:00Z",
                "--progress", "none");
        assertEquals("0", r[0], r[2]);
        assertTrue(Files.exists(out));
        r = run("verify", out.toString());
        assertEquals("0", r[0], r[1] + r[2]);
    }

    @Test
    void packedHubDirectoriesAreValidatedAndExported() throws Exception {
        Path dir = HubFixtures.write(tmp.resolve("tiny-hub-model"), HubFixtures.sharded());
        Path bundle = tmp.resolve("hub.oab");
        assertEquals("0", run("pack", dir.toString(), "-o", bundle.toString(), "--timestamp", "2026-01-01T00:00:00Z",
                "--progress", "none")[0]);
        String[] report = run("validate", bundle.toString(), "--profile", "mof-class-iii");
        // The root LICENSE counts as the text of the card's one licence; the card stands in for the
        // data card; but Apache-2.0 is no data licence for weights, and a Hub repository has no report.
        assertEquals("1", report[0], report[1] + report[2]);
        assertTrue(report[1].contains("NOT MET: 2 of 6 required components fail"), report[1]);
        assertTrue(report[1].matches("(?s).*ok +Model architecture \\(model-architecture\\) +present +Apache-2.0.*"),
                report[1]);
        assertTrue(report[1].matches("(?s).*FAIL +Model parameters \\(Final\\) \\(model-parameters-final\\) +unlicensed"
                + " +Apache-2.0.*license.not-type-appropriate.*"), report[1]);
        assertTrue(report[1].matches("(?s).*ok +Data card \\(data-card\\) +missing - satisfied by model-card.*"), report[1]);
        assertTrue(report[1].matches("(?s).*FAIL +Technical report \\(technical-report\\) +missing.*"), report[1]);
        assertFalse(report[1].contains("weights.format-unknown"), "tokenizer and index files are not weights");
        for (String format : new String[]{"cyclonedx", "spdx"}) {
            String[] export = run("export", format, bundle.toString(), "-o", tmp.resolve("hub." + format).toString());
            assertEquals("0", export[0], format + ": " + export[2]);
        }

        Map<String, byte[]> pickled = HubFixtures.common("license: apache-2.0\nmodel_creator: Example Lab\n");
        pickled.put("pytorch_model.bin", HubFixtures.pickle());
        Path pickleDir = HubFixtures.write(tmp.resolve("pickled"), pickled);
        Path pickleBundle = tmp.resolve("pickled.oab");
        assertEquals("0", run("pack", pickleDir.toString(), "-o", pickleBundle.toString(), "--progress", "none")[0]);
        String[] pickleReport = run("validate", pickleBundle.toString(), "--profile", "oab-full");
        assertEquals("1", pickleReport[0]);
        assertTrue(pickleReport[1].contains("error (rule policy.forbidden-weight-formats, policy.forbidden-weight-format): "
                + "pytorch_model.bin is pickle, a weight format oab-full forbids"), pickleReport[1]);
    }
}
