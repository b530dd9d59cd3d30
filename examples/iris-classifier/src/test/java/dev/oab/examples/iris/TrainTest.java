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
        Safetensors.write(Train.train(data, config), Map.of("k", "v"), a);
        Safetensors.write(Train.train(data, config), Map.of("k", "v"), b);
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
    void safetensorsHeaderIsAlignedAndOffsetsAreContiguous(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("m.safetensors");
        Safetensors.write(Train.train(data(), config()), Map.of(), file);
        byte[] bytes = Files.readAllBytes(file);
        long headerLength = java.nio.ByteBuffer.wrap(bytes, 0, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, headerLength % 8);
        // 3 + 4 + 4 + 12 doubles after the header, nothing else.
        assertEquals(8 + headerLength + 8 * 23, bytes.length);
    }
}
