package dev.oab.validation;

import dev.oab.bundle.BundleWriter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Source trees of releases in the conventional layout, complete or with one thing wrong, packed deterministically. */
final class Releases {

    static final Instant TIMESTAMP = Instant.parse("2026-01-01T00:00:00Z");

    private final Map<String, byte[]> files = new TreeMap<>();
    /** Component licences for oab.yaml; written only for components whose conventional paths hold files. */
    private final Map<String, String> licences = new java.util.LinkedHashMap<>();

    private Releases() {
    }

    /** Everything oab-full asks for: MOF Class I, hyperparameters, seeds, a lockfile and every licence text. */
    static Releases complete() {
        Releases r = new Releases();
        r.licence("model-parameters-final", "CC0-1.0").licence("model-parameters-intermediate", "CC0-1.0")
                .licence("datasets", "CC0-1.0").licence("evaluation-data", "CC0-1.0")
                .licence("hyperparameters", "CC0-1.0").licence("random-seeds", "CC0-1.0");
        r.put("model/model.safetensors", safetensors(new float[]{0.5f, -0.25f}, new float[]{0.125f}));
        r.put("checkpoints/step-100.safetensors", safetensors(new float[]{0.25f, -0.125f}, new float[]{0.0625f}));
        r.put("code/architecture/model.py", "def probability(w, b, x1, x2):\n    import math\n"
                + "    return 1 / (1 + math.exp(-(w[0] * x1 + w[1] * x2 + b)))\n");
        r.put("code/training/train.py", "# trains the model with config/hyperparameters.json and config/seeds.json\n");
        r.put("code/inference/predict.py", "# predicts a label with model/model.safetensors\n");
        r.put("code/evaluation/evaluate.py", "# writes docs/evaluation/results.json\n");
        r.put("code/data-preprocessing/prepare.py", "# generates data/training and data/evaluation\n");
        r.put("code/tools/tokenize.py", "# splits a CSV line into features\n");
        r.put("data/training/train.csv", "x1,x2,label\n0.5,0.1,1\n-0.5,0.2,0\n");
        r.put("data/evaluation/eval.csv", "x1,x2,label\n0.4,0.3,1\n-0.6,0.1,0\n");
        r.put("docs/technical-report/report.md", "# Technical report\n\nHow the model was built and evaluated.\n");
        r.put("docs/paper/paper.md", "# Paper\n\nA logistic regression released with everything needed to rebuild it.\n");
        r.put("docs/evaluation/results.json", "{\"accuracy\": 1.0, \"examples\": 2}\n");
        r.put("cards/MODEL_CARD.md", MODEL_CARD);
        r.put("cards/DATA_CARD.md", DATA_CARD);
        r.put("config/hyperparameters.json", "{\"hyperparameters\": {\"epochs\": 30, \"learning_rate\": 0.1}}\n");
        r.put("config/seeds.json", "{\"seeds\": [{\"name\": \"python.random\", \"value\": 42, \"scope\": \"global\"}]}\n");
        r.put("env/requirements.txt", "numpy==2.1.0\n");
        r.put("LICENSES/Apache-2.0.txt", "Apache License, Version 2.0 (text abridged for the test vectors)\n");
        r.put("LICENSES/CC0-1.0.txt", "Creative Commons Zero v1.0 Universal (text abridged for the test vectors)\n");
        return r;
    }

    /** Only what MOF Class III asks for. */
    static Releases classIII() {
        return complete().removeAll("checkpoints/", "code/training/", "code/inference/", "code/evaluation/",
                "code/data-preprocessing/", "code/tools/", "data/", "docs/paper/", "config/", "env/");
    }

    /** Only what MOF Class II asks for. */
    static Releases classII() {
        return complete().removeAll("checkpoints/", "code/data-preprocessing/", "code/tools/", "data/training/",
                "docs/paper/", "config/", "env/");
    }

    /** Only what MOF Class I asks for. */
    static Releases classI() {
        return complete().removeAll("code/tools/", "config/", "env/");
    }

    /** What OSAID 1.0 asks for: data information, all the code, the parameters; no report or paper. */
    static Releases osaid() {
        return complete().removeAll("docs/", "checkpoints/", "config/", "env/", "data/");
    }

    /** External references for oab.yaml, component to YAML list items. */
    private final Map<String, String> externals = new java.util.LinkedHashMap<>();

    /** Declares an external reference of a component in oab.yaml. */
    Releases external(String component, String url, long size, String sha256, String license) {
        externals.merge(component, "      - url: " + url + "\n        size: " + size + "\n        sha256: " + sha256
                + "\n        license: " + license + "\n", String::concat);
        return this;
    }

    /** Declares a component's licence in oab.yaml. */
    Releases licence(String component, String license) {
        licences.put(component, license);
        return this;
    }

    /** The authoring file: the fixed header and the licences of components that have files. */
    private String authoring() {
        StringBuilder yaml = new StringBuilder("""
                name: vector-model
                version: "1.0.0"
                producer:
                  name: OAB conformance vectors
                  url: https://oab.dev
                license: Apache-2.0
                """);
        StringBuilder components = new StringBuilder();
        for (Map.Entry<String, String> c : licences.entrySet()) {
            List<String> paths = dev.oab.components.ComponentCatalog.bundled().byId(c.getKey()).orElseThrow()
                    .evidencePaths();
            boolean present = files.keySet().stream().anyMatch(f -> paths.stream()
                    .anyMatch(p -> p.endsWith("/") ? f.startsWith(p) : f.equals(p)));
            if (present || externals.containsKey(c.getKey())) {
                components.append("  ").append(c.getKey()).append(":\n    license: ").append(c.getValue()).append('\n');
                if (externals.containsKey(c.getKey())) {
                    components.append("    external:\n").append(externals.get(c.getKey()));
                }
            }
        }
        if (components.length() > 0) {
            yaml.append("components:\n").append(components);
        }
        return yaml.toString();
    }

    Releases put(String path, String content) {
        return put(path, content.getBytes(StandardCharsets.UTF_8));
    }

    Releases put(String path, byte[] content) {
        files.put(path, content);
        return this;
    }

    /** Removes every file equal to or under each prefix. */
    Releases removeAll(String... prefixes) {
        for (String prefix : prefixes) {
            if (files.keySet().removeIf(p -> prefix.endsWith("/") ? p.startsWith(prefix) : p.equals(prefix)) == false) {
                throw new IllegalArgumentException("nothing to remove at " + prefix);
            }
        }
        return this;
    }

    /** Replaces {@code from} by {@code to} in a text file. */
    Releases edit(String path, String from, String to) {
        String text = new String(files.get(path), StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(path + " does not contain " + from);
        }
        return put(path, text.replace(from, to));
    }

    /** Cuts a file to its first {@code length} bytes. */
    Releases truncate(String path, int length) {
        return put(path, Arrays.copyOf(files.get(path), length));
    }

    void write(Path dir) throws IOException {
        Files.writeString(dir.resolve("oab.yaml"), authoring(), StandardCharsets.UTF_8);
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path target = dir.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, f.getValue());
        }
    }

    /** Writes the tree to a temporary folder and packs it into {@code bundle} with the fixed timestamp. */
    Path pack(Path bundle) throws Exception {
        Path src = Files.createTempDirectory("oab-release");
        try {
            write(src);
            BundleWriter.builder().timestamp(TIMESTAMP).build().pack(src, bundle);
            return bundle;
        } finally {
            try (var walk = Files.walk(src)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** A safetensors file with F32 tensors {@code bias} and {@code weight}. */
    static byte[] safetensors(float[] weight, float[] bias) {
        String header = "{\"bias\":{\"dtype\":\"F32\",\"shape\":[" + bias.length + "],\"data_offsets\":[0,"
                + 4 * bias.length + "]},\"weight\":{\"dtype\":\"F32\",\"shape\":[" + weight.length
                + "],\"data_offsets\":[" + 4 * bias.length + "," + 4 * (bias.length + weight.length) + "]}}";
        while (header.length() % 8 != 0) {
            header += " ";
        }
        ByteBuffer out = ByteBuffer.allocate(8 + header.length() + 4 * (bias.length + weight.length))
                .order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        for (float f : bias) {
            out.putFloat(f);
        }
        for (float f : weight) {
            out.putFloat(f);
        }
        return out.array();
    }

    /** A pickle stream as torch.save's legacy format starts (protocol 2): loading it runs code. */
    static byte[] pickle() {
        return new byte[]{(byte) 0x80, 0x02, '}', 'q', 0x00, '.'};
    }

    static final String MODEL_CARD = """
            ---
            license: apache-2.0
            ---

            # Model Card for vector-model

            ## Model Details

            A logistic regression on two features with three parameters, released for the OAB test vectors.

            ## Uses

            Exercising release tooling: packing, signing and validating bundles.

            ## Bias, Risks, and Limitations

            Trained on four synthetic points; it says nothing about any real data.

            ## Training Details

            ### Training Data

            `data/training/train.csv`, two synthetic points; see `cards/DATA_CARD.md`.

            ### Training Procedure

            Stochastic gradient descent on the logistic loss, one example at a time.

            #### Training Hyperparameters

            30 epochs at learning rate 0.1 (`config/hyperparameters.json`).

            ## Evaluation

            ### Testing Data, Factors & Metrics

            #### Testing Data

            `data/evaluation/eval.csv`, two further synthetic points.

            #### Factors

            None: the inputs have no subgroups.

            #### Metrics

            Accuracy.

            ### Results

            Accuracy 1.0 on the two evaluation points.

            ## Environmental Impact

            Training takes milliseconds on one CPU core.

            ## Citation

            OAB conformance vectors, "vector-model", 2026.
            """;

    static final String DATA_CARD = """
            ---
            license: cc0-1.0
            ---

            # Dataset Card for vector-model points

            ## Dataset Description

            Synthetic points (x1, x2) labelled by the side of a line they fall on.

            ## Dataset Structure

            CSV with a header `x1,x2,label`, one point per line.

            ## Dataset Creation

            Generated by `code/data-preprocessing/prepare.py`.

            ## Considerations for Using the Data

            Synthetic and noise-free; for tests only.
            """;
}
