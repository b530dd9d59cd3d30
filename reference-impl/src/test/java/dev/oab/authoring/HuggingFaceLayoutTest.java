package dev.oab.authoring;

import dev.oab.bundle.BundleReader;
import dev.oab.bundle.BundleWriter;
import dev.oab.bundle.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.oab.authoring.HubFixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HuggingFaceLayoutTest {

    @TempDir
    Path tmp;

    private static final Map<String, List<String>> SHARDED_MAP = map(
            "model-architecture", List.of("configuration_tiny.py", "modeling_tiny.py"),
            "model-parameters-final", List.of("model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors",
                    "model.safetensors.index.json", "special_tokens_map.json", "tokenizer.json",
                    "tokenizer_config.json"),
            "model-card", List.of("README.md"),
            "inference-code", List.of("generate.py"),
            "model-metadata", List.of("config.json", "generation_config.json"),
            "licenses", List.of("LICENSE"));

    @Test
    void shardedWithIndexInfersTheComponentMapAndLineage() throws Exception {
        Path dir = HubFixtures.write(tmp.resolve("tiny-hub-model"), HubFixtures.sharded());
        assertTrue(HuggingFaceLayout.looksLikeHub(dir));
        HubInference inf = HuggingFaceLayout.infer(dir);
        assertEquals(List.of(), inf.errors());
        assertEquals(SHARDED_MAP, inf.components());
        assertEquals(List.copyOf(SHARDED_MAP.keySet()), List.copyOf(inf.components().keySet()), "vocabulary order");
        assertEquals(List.of(), inf.unassigned());
        assertEquals("tiny-hub-model", inf.name());
        assertEquals("unversioned", inf.version());
        assertEquals("Example Lab", inf.producer().name());
        assertEquals("Apache-2.0", inf.license().orElseThrow());
        assertEquals(List.of("example-org/synthetic-text", "example-org/synthetic-eval"), inf.datasets());
        assertEquals(List.of("example-org/tiny-base"), inf.baseModels());
        assertEquals(Map.of(
                "dev.oab.hf.base-model", "example-org/tiny-base",
                "dev.oab.hf.datasets", "example-org/synthetic-text,example-org/synthetic-eval",
                "dev.oab.hf.license", "apache-2.0",
                "dev.oab.hf.license-file", "LICENSE"), inf.annotations());
        assertEquals(List.of("the card states no version: recorded as 'unversioned' (add version: to the front "
                + "matter or write an oab.yaml)"), inf.warnings());
    }

    @Test
    void shardedDirectoryPacksWithoutAnAuthoringFile() throws Exception {
        Map<String, byte[]> files = HubFixtures.sharded();
        // What the Hub client leaves in a downloaded directory is not part of the model.
        files.put(".cache/huggingface/download/config.json.metadata", utf8("abc\n1700000000.0\n"));
        Path dir = HubFixtures.write(tmp.resolve("tiny-hub-model"), files);
        assertEquals(List.of(), HuggingFaceLayout.infer(dir).unassigned());
        Path out = tmp.resolve("tiny.oab");
        BundleWriter.builder().timestamp(Instant.parse("2026-01-01T00:00:00Z")).build().pack(dir, out);
        try (BundleReader reader = BundleReader.open(out)) {
            Manifest m = reader.manifest();
            assertEquals("tiny-hub-model", m.name());
            assertEquals("Apache-2.0", m.license());
            Map<String, List<String>> packed = new LinkedHashMap<>();
            m.components().forEach(c -> packed.put(c.id(), c.paths()));
            assertEquals(SHARDED_MAP, packed);
            assertTrue(m.components().stream().allMatch(c -> c.license().equals("Apache-2.0")));
            assertFalse(m.file(".gitattributes").isPresent(), "git names are left out");
            assertEquals(13, m.files().size());
            assertEquals("example-org/tiny-base", m.annotations().get("dev.oab.hf.base-model"));
        }
    }

    @Test
    void singleFileWithOtherLicenceBecomesALicenseRef() throws Exception {
        Map<String, byte[]> files = HubFixtures.common("""
                license: other
                license_name: tiny-model-licence
                license_link: LICENSE
                version: "2.1"
                """);
        files.put("model.safetensors", HubFixtures.safetensors("w"));
        Path dir = HubFixtures.write(tmp.resolve("single"), files);
        HubInference inf = HuggingFaceLayout.infer(dir);
        assertEquals(List.of(), inf.errors());
        assertEquals("LicenseRef-tiny-model-licence", inf.license().orElseThrow());
        assertEquals("2.1", inf.version());
        assertEquals(withParameters(List.of("model.safetensors", "special_tokens_map.json", "tokenizer.json",
                "tokenizer_config.json")), inf.components());
        assertEquals(List.of(
                "the card names no model_creator: producer recorded as 'unknown' (add model_creator: to the front "
                        + "matter or write an oab.yaml)",
                "no SPDX id: recorded as LicenseRef-tiny-model-licence for the licence at LICENSE"), inf.warnings());
        assertEquals(List.of(), inf.baseModels());
        assertEquals(List.of(), inf.datasets());
    }

    @Test
    void shardsWithoutAnIndexMustBeComplete() throws Exception {
        Map<String, byte[]> files = HubFixtures.common(HubFixtures.FRONT_MATTER);
        files.put("model-00001-of-00003.safetensors", HubFixtures.safetensors("a"));
        files.put("model-00003-of-00003.safetensors", HubFixtures.safetensors("c"));
        HubInference inf = HuggingFaceLayout.infer(HubFixtures.write(tmp.resolve("partial"), files));
        assertEquals(List.of("shard model-00002-of-00003.safetensors is missing from the set "
                + "model-*-of-00003.safetensors; download it"), inf.errors());

        files.put("model-00002-of-00003.safetensors", HubFixtures.safetensors("b"));
        inf = HuggingFaceLayout.infer(HubFixtures.write(tmp.resolve("complete"), files));
        assertEquals(List.of(), inf.errors());
        assertTrue(inf.warnings().contains("shards model-*-of-00003.safetensors have no index "
                + "(*.safetensors.index.json): loaders need it to find each tensor; add the index the model was "
                + "saved with"), inf.warnings()::toString);
    }

    @Test
    void indexNamingAMissingShardIsAnErrorNamingTheFile() throws Exception {
        Map<String, byte[]> files = HubFixtures.sharded();
        files.remove("model-00002-of-00002.safetensors");
        Path dir = HubFixtures.write(tmp.resolve("missing"), files);
        HubInference inf = HuggingFaceLayout.infer(dir);
        assertEquals(List.of("model.safetensors.index.json maps 1 tensor(s) (first 'layers.1.weight') to "
                + "model-00002-of-00002.safetensors, which is not in the directory; download the missing shard"),
                inf.errors());
        AuthoringException e = assertThrows(AuthoringException.class, () -> HuggingFaceLayout.authoringFor(dir));
        assertTrue(e.getMessage().contains("model-00002-of-00002.safetensors, which is not in the directory"));
        assertFalse(Files.exists(tmp.resolve("missing.oab")));
        assertThrows(AuthoringException.class, () -> BundleWriter.builder().build().pack(dir, tmp.resolve("missing.oab")));
        assertFalse(Files.exists(tmp.resolve("missing.oab")), "nothing written");
    }

    @Test
    void strayShardAndMisplacedTensorsAreErrors() throws Exception {
        Map<String, byte[]> files = HubFixtures.sharded();
        files.put("model-00003-of-00002.safetensors", HubFixtures.safetensors("extra"));
        files.put("model-00002-of-00002.safetensors", HubFixtures.safetensors("layers.1.weight", "lm_head.weight"));
        HubInference inf = HuggingFaceLayout.infer(HubFixtures.write(tmp.resolve("stray"), files));
        assertEquals(List.of(
                "model-00002-of-00002.safetensors holds tensor 'lm_head.weight' that model.safetensors.index.json "
                        + "does not map to it; regenerate the index",
                "model-00003-of-00002.safetensors is a stray shard: model.safetensors.index.json maps no tensor to "
                        + "it; remove it or regenerate the index"), inf.errors());
    }

    @Test
    void pickleOnlyRepositoryPacksButIsFlagged() throws Exception {
        Map<String, byte[]> files = HubFixtures.common(HubFixtures.FRONT_MATTER);
        files.put("pytorch_model.bin", HubFixtures.pickle());
        Path dir = HubFixtures.write(tmp.resolve("pickled"), files);
        HubInference inf = HuggingFaceLayout.infer(dir);
        assertEquals(List.of(), inf.errors());
        assertEquals(withParameters(List.of("pytorch_model.bin", "special_tokens_map.json", "tokenizer.json",
                "tokenizer_config.json")), inf.components());
        assertTrue(inf.warnings().contains("pytorch_model.bin is a Python pickle: loading it can run arbitrary code; "
                + "it is packed, but convert it to safetensors"), inf.warnings()::toString);
        BundleWriter.builder().build().pack(dir, tmp.resolve("pickled.oab"));
        assertTrue(Files.exists(tmp.resolve("pickled.oab")));
    }

    @Test
    void licencesAreMappedOrReportedNeverGuessed() throws Exception {
        assertEquals(List.of("the card's licence 'gpl-3.0' does not say whether later versions are allowed "
                + "(GPL-3.0-only or GPL-3.0-or-later); write an oab.yaml with the exact SPDX id"), licenceErrors(
                "license: gpl-3.0\n"));
        assertEquals(List.of("the card's licence 'llama3' (Llama 3 Community License) has no SPDX id and the card "
                + "gives no license_link; add them to the front matter (OAB then records LicenseRef-<name>) or write "
                + "an oab.yaml"), licenceErrors("license: llama3\n"));
        assertEquals(List.of("the card's licence 'my-own' is not a Hugging Face Hub licence id OAB knows "
                + "(spec/data/hf-licenses.json); use a Hub id, or 'other' with license_name and license_link, or "
                + "write an oab.yaml with the SPDX expression"), licenceErrors("license: my-own\n"));
        assertEquals(List.of("the card's licence 'other' names no licence and the card gives no license_name and "
                + "license_link; add them to the front matter (OAB then records LicenseRef-<name>) or write an "
                + "oab.yaml"), licenceErrors("license: other\n"));
        assertEquals(List.of("the card's front matter has no 'license'; add the Hub licence id (e.g. license: "
                + "apache-2.0) or write an oab.yaml that names the SPDX licence"), licenceErrors("tags: [x]\n"));
        HubLicenses table = HubLicenses.bundled();
        assertEquals("LicenseRef-llama3", table.resolve("llama3", null, "LICENSE").spdx().orElseThrow());
        assertEquals("CC-BY-4.0", table.resolve("cc-by-4.0", null, null).spdx().orElseThrow());
        assertEquals("MIT", table.resolve("mit", null, null).spdx().orElseThrow());
        assertEquals("ODbL-1.0", table.spdxId("odbl").orElseThrow());
    }

    private List<String> licenceErrors(String frontMatter) throws Exception {
        Map<String, byte[]> files = HubFixtures.common(frontMatter + "model_creator: x\n");
        files.put("model.safetensors", HubFixtures.safetensors("w"));
        Path dir = HubFixtures.write(Files.createTempDirectory(tmp, "lic"), files);
        return HuggingFaceLayout.infer(dir).errors();
    }

    @Test
    void anAuthoringFileOverridesInference() throws Exception {
        Map<String, byte[]> files = HubFixtures.sharded();
        files.put("oab.yaml", utf8("""
                name: authored
                version: "1.0"
                producer: Example Lab
                license: MIT
                layout: none
                components:
                  model-parameters-final:
                    paths: [model-00001-of-00002.safetensors, model-00002-of-00002.safetensors]
                """));
        Path dir = HubFixtures.write(tmp.resolve("authored-dir"), files);
        Path out = tmp.resolve("authored.oab");
        BundleWriter.builder().build().pack(dir, out);
        try (BundleReader reader = BundleReader.open(out)) {
            Manifest m = reader.manifest();
            assertEquals("authored", m.name());
            assertEquals("MIT", m.license());
            assertEquals(List.of("model-parameters-final"), m.components().stream().map(Manifest.Component::id).toList());
            assertEquals(Map.of(), m.annotations());
        }
    }

    @Test
    void aDirectoryThatIsNotAHubRepositoryStillNeedsAnAuthoringFile() throws Exception {
        Path dir = HubFixtures.write(tmp.resolve("plain"), Map.of("notes.txt", utf8("hello\n")));
        assertFalse(HuggingFaceLayout.looksLikeHub(dir));
        AuthoringException e = assertThrows(AuthoringException.class, () -> HuggingFaceLayout.authoringFor(dir));
        assertTrue(e.getMessage().startsWith("no authoring file in "), e.getMessage());
    }

    /** The sharded map with other weight files. */
    private static Map<String, List<String>> withParameters(List<String> parameters) {
        Map<String, List<String>> m = new LinkedHashMap<>(SHARDED_MAP);
        m.put("model-parameters-final", parameters);
        return m;
    }

    private static Map<String, List<String>> map(Object... kv) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            @SuppressWarnings("unchecked") List<String> v = (List<String>) kv[i + 1];
            m.put((String) kv[i], v);
        }
        return m;
    }
}
