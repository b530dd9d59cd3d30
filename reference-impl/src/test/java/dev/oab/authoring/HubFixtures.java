package dev.oab.authoring;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** Builds small directories laid out as the Hugging Face Hub serves model repositories. */
public final class HubFixtures {

    private HubFixtures() {
    }

    public static final String CARD_BODY = """

            # tiny-hub-model

            ## Model Details
            A two-layer toy transformer used to test the Hugging Face import of OAB.

            ## Uses
            Testing packers and bill-of-materials exporters; not for any real prediction.

            ## Bias, Risks, and Limitations
            The model was trained on synthetic text and knows nothing. Outputs are meaningless.

            ## Training Details
            ### Training Data
            Synthetic sequences generated from a fixed seed.
            ### Training Procedure
            Ten steps of AdamW on one CPU.
            #### Training Hyperparameters
            learning_rate 0.001, batch_size 4, epochs 1.

            ## Evaluation
            ### Testing Data, Factors & Metrics
            #### Testing Data
            A held-out synthetic split of 100 sequences.
            #### Factors
            None: the data has no sub-populations.
            #### Metrics
            Perplexity on the held-out split.
            ### Results
            Perplexity 812.4 on the held-out split.

            ## Environmental Impact
            Under one watt-hour on a laptop CPU.

            ## Citation
            Not published.
            """;

    public static String card(String frontMatter) {
        return "---\n" + frontMatter + "---\n" + CARD_BODY;
    }

    /** A safetensors file holding F32 tensors of shape [2] with these names. */
    public static byte[] safetensors(String... tensors) {
        StringJoiner header = new StringJoiner(",", "{\"__metadata__\":{\"format\":\"pt\"},", "}");
        for (int i = 0; i < tensors.length; i++) {
            header.add("\"" + tensors[i] + "\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[" + (8 * i) + ","
                    + (8 * i + 8) + "]}");
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(8 + json.length + 8 * tensors.length).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(json.length).put(json);
        for (int i = 0; i < tensors.length * 2; i++) {
            out.putFloat(0.5f * i);
        }
        return out.array();
    }

    /** A weight index mapping tensor → shard. */
    public static String index(Map<String, String> weightMap) {
        StringJoiner map = new StringJoiner(",\n    ", "{\n  \"metadata\": {\"total_size\": 24},\n  \"weight_map\": {\n    ",
                "\n  }\n}\n");
        weightMap.forEach((t, s) -> map.add("\"" + t + "\": \"" + s + "\""));
        return map.toString();
    }

    /** A pickle stream (protocol 2) holding an empty dict. */
    public static byte[] pickle() {
        return new byte[]{(byte) 0x80, 0x02, '}', 'q', 0x00, '.'};
    }

    public static final String FRONT_MATTER = """
            license: apache-2.0
            model_creator: Example Lab
            base_model: example-org/tiny-base
            datasets:
            - example-org/synthetic-text
            - example-org/synthetic-eval
            pipeline_tag: text-generation
            """;

    /** The files every fixture shares: card, configs, tokenizer, licence, code. */
    public static Map<String, byte[]> common(String frontMatter) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("README.md", utf8(card(frontMatter)));
        files.put("config.json", utf8("""
                {"architectures": ["TinyForCausalLM"], "model_type": "tiny", "hidden_size": 2,
                 "num_hidden_layers": 2, "vocab_size": 8, "torch_dtype": "float32"}
                """));
        files.put("generation_config.json", utf8("{\"max_new_tokens\": 16, \"temperature\": 0.7}\n"));
        files.put("tokenizer.json", utf8("{\"version\": \"1.0\", \"model\": {\"type\": \"BPE\", \"vocab\": {}}}\n"));
        files.put("tokenizer_config.json", utf8("{\"model_max_length\": 64}\n"));
        files.put("special_tokens_map.json", utf8("{\"eos_token\": \"</s>\"}\n"));
        files.put("LICENSE", utf8("Apache License\nVersion 2.0, January 2004\n"));
        files.put("modeling_tiny.py", utf8("class TinyForCausalLM:\n    pass\n"));
        files.put("configuration_tiny.py", utf8("class TinyConfig:\n    pass\n"));
        files.put("generate.py", utf8("print('hello')\n"));
        files.put(".gitattributes", utf8("*.safetensors filter=lfs diff=lfs merge=lfs -text\n"));
        return files;
    }

    /** Sharded: two shards and their index. */
    public static Map<String, byte[]> sharded() {
        Map<String, byte[]> files = common(FRONT_MATTER);
        files.put("model-00001-of-00002.safetensors", safetensors("embed.weight", "layers.0.weight"));
        files.put("model-00002-of-00002.safetensors", safetensors("layers.1.weight"));
        Map<String, String> map = new LinkedHashMap<>();
        map.put("embed.weight", "model-00001-of-00002.safetensors");
        map.put("layers.0.weight", "model-00001-of-00002.safetensors");
        map.put("layers.1.weight", "model-00002-of-00002.safetensors");
        files.put("model.safetensors.index.json", utf8(index(map)));
        return files;
    }

    public static Path write(Path dir, Map<String, byte[]> files) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
        }
        return dir;
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
