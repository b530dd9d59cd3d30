package dev.oab.examples.iris;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainTest {

    private static final Path ROOT = Path.of("src/main/oab");

    private static IrisData data() throws Exception {
        return IrisData.read(ROOT.resolve("data/training/iris.csv"));
    }

    private static Config config() throws Exception {
        return Config.read(ROOT.resolve("config/hyperparameters.json"), ROOT.resolve("config/seeds.json"));
    }

    /** The 120 training rows, as Preprocess splits them off. */
    private static IrisData training() throws Exception {
        IrisData data = data();
        return data.subset(data.training(data.heldOut(config().splitSeed())));
    }

    @Test
    void theDataIsFishersIris() throws Exception {
        IrisData data = data();
        assertEquals(150, data.size());
        int[] perClass = new int[3];
        double[] sums = new double[4];
        for (int i = 0; i < data.size(); i++) {
            perClass[data.y[i]]++;
            for (int j = 0; j < 4; j++) {
                sums[j] += data.x[i][j];
            }
        }
        assertArrayEquals(new int[] {50, 50, 50}, perClass);
        assertArrayEquals(new double[] {876.5, 458.6, 563.7, 179.9}, sums, 1e-9);
    }

    @Test
    void theSplitIsStratifiedAndFixedBySeed() throws Exception {
        IrisData data = data();
        int[] heldOut = data.heldOut(config().splitSeed());
        assertEquals(30, heldOut.length);
        int[] perClass = new int[3];
        for (int i : heldOut) {
            perClass[data.y[i]]++;
        }
        assertArrayEquals(new int[] {10, 10, 10}, perClass);
        assertArrayEquals(heldOut, data.heldOut(config().splitSeed()));
        assertEquals(120, data.training(heldOut).length);
    }

    @Test
    void trainingIsDeterministicAndLearns(@TempDir Path tmp) throws Exception {
        IrisData data = data();
        Config config = config();
        Path a = tmp.resolve("a.safetensors");
        Path b = tmp.resolve("b.safetensors");
        Safetensors.write(Train.train(training(), config), Map.of("k", "v"), a);
        Safetensors.write(Train.train(training(), config), Map.of("k", "v"), b);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));

        SoftmaxRegression model = Safetensors.read(a);
        int correct = 0;
        int[] heldOut = data.heldOut(config.splitSeed());
        for (int i : heldOut) {
            correct += model.predict(data.x[i]) == data.y[i] ? 1 : 0;
        }
        assertTrue(correct >= 27, "held-out accuracy " + correct + "/30");
        double[] p = model.probabilities(new double[] {5.1, 3.5, 1.4, 0.2});
        assertEquals(1.0, Arrays.stream(p).sum(), 1e-12);
        assertEquals(0, model.predict(new double[] {5.1, 3.5, 1.4, 0.2}));
    }

    @Test
    void checkpointsComeEveryHundredEpochsAndLeadToTheFinalWeights(@TempDir Path tmp) throws Exception {
        java.util.List<Integer> epochs = new java.util.ArrayList<>();
        Map<Integer, byte[]> saved = new java.util.TreeMap<>();
        Path file = tmp.resolve("c.safetensors");
        SoftmaxRegression last = Train.train(training(), config(), (epoch, model) -> {
            epochs.add(epoch);
            Safetensors.write(model, Map.of(), file);
            saved.put(epoch, Files.readAllBytes(file));
        });
        assertEquals(java.util.List.of(100, 200, 300, 400), epochs);
        // Each checkpoint is a snapshot, not the final weights, and training resumed from it.
        Safetensors.write(last, Map.of(), file);
        byte[] finalBytes = Files.readAllBytes(file);
        for (byte[] checkpoint : saved.values()) {
            assertTrue(!Arrays.equals(checkpoint, finalBytes));
        }
        Path plain = tmp.resolve("p.safetensors");
        Safetensors.write(Train.train(training(), config()), Map.of(), plain);
        assertArrayEquals(finalBytes, Files.readAllBytes(plain), "checkpointing must not change the final weights");
    }

    @Test
    void preprocessWritesTheSplitAsRowsOfTheDataSet(@TempDir Path tmp) throws Exception {
        Preprocess.main(new String[] {ROOT.resolve("data/training/iris.csv").toString(),
                ROOT.resolve("config/seeds.json").toString(), tmp.toString()});
        java.util.List<String> all = Files.readAllLines(ROOT.resolve("data/training/iris.csv"));
        java.util.List<String> train = Files.readAllLines(tmp.resolve(Preprocess.TRAINING));
        java.util.List<String> evaluation = Files.readAllLines(tmp.resolve(Preprocess.EVALUATION));
        assertEquals(all.get(0), train.get(0));
        assertEquals(all.get(0), evaluation.get(0));
        assertEquals(121, train.size());
        assertEquals(31, evaluation.size());
        IrisData data = data();
        int[] heldOut = data.heldOut(config().splitSeed());
        for (int k = 0; k < heldOut.length; k++) {
            assertEquals(all.get(heldOut[k] + 1), evaluation.get(k + 1));
        }
        assertEquals(150, train.size() - 1 + evaluation.size() - 1);
    }

    @Test
    void safetensorsHeaderIsAlignedAndOffsetsAreContiguous(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("m.safetensors");
        Safetensors.write(Train.train(training(), config()), Map.of(), file);
        byte[] bytes = Files.readAllBytes(file);
        long headerLength = java.nio.ByteBuffer.wrap(bytes, 0, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, headerLength % 8);
        // 3 + 4 + 4 + 12 doubles after the header, nothing else.
        assertEquals(8 + headerLength + 8 * 23, bytes.length);
    }
}
