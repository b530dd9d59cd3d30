package dev.oab.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Small source trees in the conventional layout, made fresh by each test. */
final class TestTrees {

    private TestTrees() {
    }

    /** A tree with weights, code, cards, configs, an environment and a licence. */
    static Path conventional(Path root) throws IOException {
        write(root, "oab.yaml", """
                name: tiny-model
                version: "1.0.0"
                producer:
                  name: OAB tests
                  url: https://oab.dev
                license: Apache-2.0
                description: A tiny model for tests.
                components:
                  datasets:
                    license: CC-BY-4.0
                """);
        byte[] weights = new byte[20_000];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (byte) (i * 7919);
        }
        Files.createDirectories(root.resolve("model"));
        Files.write(root.resolve("model/model.safetensors"), weights);
        write(root, "code/inference/predict.py", "def predict(x):\n    return x\n");
        write(root, "code/training/train.py", "print('train')\n");
        write(root, "data/training/train.csv", "a,b\n1,2\n");
        write(root, "cards/MODEL_CARD.md", "---\nlicense: apache-2.0\n---\n# Tiny model\n");
        write(root, "config/hyperparameters.json", "{\"learning_rate\": 0.1}\n");
        write(root, "config/seeds.json", "{\"seeds\": [{\"name\": \"java.util.Random\", \"value\": 42}]}\n");
        write(root, "env/requirements.txt", "numpy==2.1.0\n");
        write(root, "LICENSES/Apache-2.0.txt", "Apache License 2.0\n");
        write(root, "LICENSES/CC-BY-4.0.txt", "Creative Commons Attribution 4.0\n");
        return root;
    }

    static void write(Path root, String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
