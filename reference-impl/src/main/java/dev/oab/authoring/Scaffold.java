package dev.oab.authoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the skeleton of a release in the conventional layout: an authoring file, model and data
 * card templates (the Hugging Face templates' sections, each a placeholder until written), empty
 * hyperparameter and seed documents, and notes in {@code env/} and {@code LICENSES/}. Every
 * placeholder fails validation on purpose, so {@code oab validate} lists what is still to do.
 */
public final class Scaffold {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    private Scaffold() {
    }

    /** The files {@link #create} writes, path to content, in writing order. */
    public static Map<String, String> files(String name) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("oab.yaml", AUTHORING.replace("{{name}}", name));
        files.put("cards/MODEL_CARD.md", MODEL_CARD.replace("{{name}}", name));
        files.put("cards/DATA_CARD.md", DATA_CARD.replace("{{name}}", name));
        files.put("config/hyperparameters.json", """
                {
                  "$schema": "https://oab.dev/schema/hyperparameters.schema.json",
                  "hyperparameters": {}
                }
                """);
        files.put("config/seeds.json", """
                {
                  "$schema": "https://oab.dev/schema/seeds.schema.json",
                  "seeds": []
                }
                """);
        files.put("env/README.md", """
                # Software environment

                Put the lockfile of the environment that trained and runs the model here, with exact versions
                (and hashes where the tool records them): `requirements.txt` from `pip freeze` or `pip-compile
                --generate-hashes`, `poetry.lock`, `uv.lock`, `Pipfile.lock`, a conda `environment.yml`,
                `package-lock.json`, the output of `mvn dependency:list`, `Cargo.lock` or `go.sum`.
                """);
        files.put("LICENSES/README.md", """
                # Licence texts

                One file per licence or exception named in oab.yaml, named after its SPDX id as REUSE does:
                `LICENSES/Apache-2.0.txt`, `LICENSES/CDLA-Permissive-2.0.txt`. `reuse download --all` fetches them.
                """);
        return files;
    }

    /**
     * Creates {@code dir} (if needed) and writes the skeleton into it.
     *
     * @param name the release name; null takes the directory's name
     * @throws AuthoringException when {@code dir} is a file or a non-empty directory, or the name is unusable
     */
    public static List<String> create(Path dir, String name) throws AuthoringException, IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new AuthoringException(dir + " is a file; pass a new or empty directory");
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new AuthoringException(dir + " is not empty; oab init only writes into a new or empty"
                            + " directory, so nothing of yours is overwritten");
                }
            }
        }
        String releaseName = name != null ? name
                : dir.toAbsolutePath().normalize().getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!NAME.matcher(releaseName).matches()) {
            throw new AuthoringException("'" + releaseName + "' is not a usable release name: use lower-case letters,"
                    + " digits, '.', '_' and '-' (pass --name)");
        }
        Map<String, String> files = files(releaseName);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = dir.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        }
        return List.copyOf(files.keySet());
    }

    private static final String AUTHORING = """
            # OAB authoring file. Components are found by the conventional layout; put each where it belongs:
            #   model/                    final weights (safetensors, GGUF or ONNX; never pickle)
            #   checkpoints/              intermediate checkpoints
            #   code/architecture/        the model's architecture source
            #   code/training/            training code
            #   code/inference/           inference code
            #   code/evaluation/          evaluation code
            #   code/data-preprocessing/  data preprocessing code
            #   code/tools/               supporting libraries and tools
            #   data/training/ data/validation/ data/test/   the datasets (or external references below)
            #   data/evaluation/          evaluation data
            #   docs/technical-report/  docs/paper/  docs/evaluation/  docs/samples/
            #   cards/MODEL_CARD.md  cards/DATA_CARD.md (or cards/croissant.json)
            #   config/hyperparameters.json  config/seeds.json  env/ (a lockfile)  LICENSES/ (licence texts)
            # Then: oab pack . -o {{name}}.oab && oab validate {{name}}.oab --profile oab-full
            name: {{name}}
            version: "0.1.0"
            producer:
              name: "[More Information Needed]"
            # The distribution licence, and the licence of every component that names none below.
            license: Apache-2.0
            components:
              hyperparameters:
                license: CDLA-Permissive-2.0
              random-seeds:
                license: CDLA-Permissive-2.0
              # Data components need a data licence (one the MOF lists for data). Uncomment each entry once
              # its files are in place (oab pack refuses a component that holds no file):
              # model-parameters-final:
              #   license: CDLA-Permissive-2.0
              # model-parameters-intermediate:
              #   license: CDLA-Permissive-2.0
              # evaluation-data:
              #   license: CDLA-Permissive-2.0
              # datasets:
              #   license: CDLA-Permissive-2.0
              #   # Too large to ship? Reference it instead:
              #   external:
              #     - url: https://example.org/data/train.parquet
              #       size: 123456789
              #       sha256: <64 hex digits>
              #       license: CDLA-Permissive-2.0
            """;

    private static final String MODEL_CARD = """
            ---
            license: apache-2.0
            ---

            # Model Card for {{name}}

            ## Model Details

            ### Model Description

            [More Information Needed]

            ## Uses

            ### Direct Use

            [More Information Needed]

            ### Out-of-Scope Use

            [More Information Needed]

            ## Bias, Risks, and Limitations

            [More Information Needed]

            ## Training Details

            ### Training Data

            [More Information Needed]

            ### Training Procedure

            [More Information Needed]

            #### Training Hyperparameters

            [More Information Needed]

            ## Evaluation

            ### Testing Data, Factors & Metrics

            #### Testing Data

            [More Information Needed]

            #### Factors

            [More Information Needed]

            #### Metrics

            [More Information Needed]

            ### Results

            [More Information Needed]

            ## Environmental Impact

            [More Information Needed]

            ## Citation

            [More Information Needed]
            """;

    private static final String DATA_CARD = """
            ---
            license: cdla-permissive-2.0
            ---

            # Dataset Card for {{name}}

            ## Dataset Description

            [More Information Needed]

            ## Dataset Structure

            [More Information Needed]

            ## Dataset Creation

            ### Source Data

            [More Information Needed]

            ## Considerations for Using the Data

            [More Information Needed]
            """;
}
