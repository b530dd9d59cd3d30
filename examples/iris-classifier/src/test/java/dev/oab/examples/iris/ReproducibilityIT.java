package dev.oab.examples.iris;

import dev.oab.bundle.BundleCheck;
import dev.oab.bundle.BundleReader;
import dev.oab.bundle.Manifest;
import dev.oab.bundle.TrustPolicy;
import dev.oab.signing.PemKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The release proves its own reproducibility: from the signed bundle alone (verified, then
 * extracted), compile the bundled code with the JDK's compiler, run the bundled preprocessing code
 * on the bundled data set with the bundled seeds, then the bundled training code on the split it
 * made with the bundled hyperparameters and seeds, and get split files, checkpoints and weights
 * whose SHA-256s are the ones {@code oab.json} records for the bundled files. The bundled
 * evaluation code, run on those weights and splits, gives the bundled evaluation results byte for
 * byte too.
 */
class ReproducibilityIT {

    private static final String WEIGHTS = "model/iris-classifier.safetensors";
    private static final String METRICS = "docs/evaluation/metrics.json";
    private static final String TRAINING = "data/training/iris-train.csv";
    private static final String EVALUATION = "data/evaluation/iris-evaluation.csv";

    @Test
    void retrainingFromTheBundleGivesTheBundledWeights(@TempDir Path tmp) throws Exception {
        Path bundle = Path.of(System.getProperty("oab.bundle"));
        Path trustedKey = Path.of(System.getProperty("oab.trustedKey"));
        Path extracted = tmp.resolve("bundle");
        BundleCheck.Result check = BundleCheck.builder()
                .policy(TrustPolicy.ofKeys(Map.of("producer", PemKeys.readPublicKey(trustedKey)))
                        .requiring(Optional.of("iris-classifier"), Optional.empty()))
                .build().check(bundle, extracted);
        assertTrue(check.passed(), () -> "the bundle did not verify: " + check.problems());
        Manifest manifest;
        try (BundleReader reader = BundleReader.open(bundle)) {
            manifest = reader.manifest();
        }

        Path classes = compile(extracted.resolve("code"), tmp.resolve("classes"));
        Path data = tmp.resolve("data");
        Path weights = tmp.resolve("retrained.safetensors");
        Path checkpoints = tmp.resolve("checkpoints");
        Path metrics = tmp.resolve("metrics.json");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            run(loader, "dev.oab.examples.iris.Preprocess", extracted.resolve("data/training/iris.csv").toString(),
                    extracted.resolve("config/seeds.json").toString(), data.toString());
            run(loader, "dev.oab.examples.iris.Train", data.resolve("training/iris-train.csv").toString(),
                    extracted.resolve("config/hyperparameters.json").toString(),
                    extracted.resolve("config/seeds.json").toString(), weights.toString(), checkpoints.toString());
            run(loader, "dev.oab.examples.iris.Evaluate", weights.toString(),
                    data.resolve("training/iris-train.csv").toString(),
                    data.resolve("evaluation/iris-evaluation.csv").toString(), metrics.toString());
        }

        assertEquals(recorded(manifest, TRAINING), sha256(data.resolve("training/iris-train.csv")),
                "the re-made training split differs from the bundled one");
        assertEquals(recorded(manifest, EVALUATION), sha256(data.resolve("evaluation/iris-evaluation.csv")),
                "the re-made evaluation split differs from the bundled one");
        List<String> bundledCheckpoints = manifest.files().stream().map(f -> f.path())
                .filter(p -> p.startsWith("checkpoints/")).sorted().toList();
        List<String> retrainedCheckpoints;
        try (Stream<Path> files = Files.list(checkpoints)) {
            retrainedCheckpoints = files.map(p -> "checkpoints/" + p.getFileName()).sorted().toList();
        }
        assertEquals(List.of("checkpoints/epoch-100.safetensors", "checkpoints/epoch-200.safetensors",
                "checkpoints/epoch-300.safetensors", "checkpoints/epoch-400.safetensors"), bundledCheckpoints);
        assertEquals(bundledCheckpoints, retrainedCheckpoints);
        for (String checkpoint : bundledCheckpoints) {
            assertEquals(recorded(manifest, checkpoint), sha256(tmp.resolve(checkpoint)),
                    checkpoint + ": the retrained checkpoint differs from the bundled one");
        }
        assertEquals(recorded(manifest, WEIGHTS), sha256(weights), "retrained weights differ from the bundled ones");
        assertEquals(recorded(manifest, METRICS), sha256(metrics), "re-run evaluation differs from the bundled one");
    }

    private static Path compile(Path sources, Path out) throws Exception {
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "--release", "17"));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> args.add(p.toString()));
        }
        Files.createDirectories(out);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, null, errors, args.toArray(new String[0]));
        assertEquals(0, status, () -> "the bundled code does not compile: " + errors);
        return out;
    }

    private static void run(ClassLoader loader, String mainClass, String... args) throws Exception {
        Method main = loader.loadClass(mainClass).getMethod("main", String[].class);
        main.invoke(null, (Object) args);
    }

    private static String recorded(Manifest manifest, String path) {
        return manifest.files().stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError(path + " is not in the bundle")).sha256();
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
