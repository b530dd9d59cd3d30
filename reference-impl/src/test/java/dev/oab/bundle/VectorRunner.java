package dev.oab.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oab.json.StrictJson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every conformance vector in this JVM and prints "file code millis" per vector: the forked
 * run of {@link HostileInputBoundsTest} uses it to show each rejection completes in a small heap.
 */
final class VectorRunner {

    private VectorRunner() {
    }

    public static void main(String[] args) throws Exception {
        Path vectors = Path.of(args[0]);
        JsonNode index = StrictJson.parse(Files.readAllBytes(vectors.resolve("index.json")), "index.json");
        for (JsonNode v : index.get("vectors")) {
            List<Path> keys = new ArrayList<>();
            v.path("trustedKeys").forEach(k -> keys.add(vectors.resolve(k.asText())));
            long start = System.nanoTime();
            String outcome = ConformanceVectorsTest.outcome(vectors.resolve(v.get("file").asText()), keys);
            System.out.println(v.get("file").asText() + " " + outcome + " " + (System.nanoTime() - start) / 1_000_000);
        }
    }
}
