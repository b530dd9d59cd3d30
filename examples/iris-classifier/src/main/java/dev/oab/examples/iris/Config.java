package dev.oab.examples.iris;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The values a run takes from {@code config/hyperparameters.json} and {@code config/seeds.json}. */
record Config(int epochs, double learningRate, double l2, int checkpointEvery, long splitSeed, long initSeed) {

    static Config read(Path hyperparameters, Path seeds) throws IOException {
        Map<String, Object> h = Json.object(Json.object(Json.parse(read(hyperparameters)), hyperparameters.toString())
                .get("hyperparameters"), hyperparameters + ": hyperparameters");
        Map<String, Object> s = Json.object(Json.parse(read(seeds)), seeds.toString());
        long split = seed(s, "data.split", seeds);
        long init = seed(s, "training.init", seeds);
        return new Config(((Number) h.get("epochs")).intValue(), ((Number) h.get("learning_rate")).doubleValue(),
                ((Number) h.get("l2")).doubleValue(), ((Number) h.get("checkpoint_every")).intValue(), split, init);
    }

    /** One seed of {@code config/seeds.json} by name. */
    static long seed(Path seeds, String name) throws IOException {
        return seed(Json.object(Json.parse(read(seeds)), seeds.toString()), name, seeds);
    }

    private static long seed(Map<String, Object> doc, String name, Path file) throws IOException {
        for (Object o : (List<?>) doc.get("seeds")) {
            Map<String, Object> seed = Json.object(o, file + ": seeds[]");
            if (name.equals(seed.get("name"))) {
                return ((Number) seed.get("value")).longValue();
            }
        }
        throw new IOException(file + ": no seed named " + name);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
