package dev.oab.examples.iris;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Trains the Iris classifier and writes its weights as safetensors.
 * <pre>
 *   java Train TRAINING.csv HYPERPARAMETERS.json SEEDS.json OUT.safetensors [CHECKPOINT_DIR]
 * </pre>
 * Full-batch gradient descent on the mean cross-entropy plus L2 on the weights (not the biases),
 * over every row of TRAINING.csv (the 120-row split {@link Preprocess} writes); weights start as
 * 0.01·N(0,1) draws of {@code java.util.Random(training.init)}, biases at 0. With CHECKPOINT_DIR,
 * the weights after every {@code checkpoint_every} epochs before the last are written there as
 * {@code epoch-<n>.safetensors}. The run is deterministic: the same files give the same bytes on
 * any Java 17+ platform.
 */
public final class Train {

    private Train() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4 && args.length != 5) {
            System.err.println("usage: Train TRAINING.csv HYPERPARAMETERS.json SEEDS.json OUT.safetensors [CHECKPOINT_DIR]");
            System.exit(2);
        }
        IrisData data = IrisData.read(Path.of(args[0]));
        Config config = Config.read(Path.of(args[1]), Path.of(args[2]));
        Path checkpoints = args.length == 5 ? Path.of(args[4]) : null;
        SoftmaxRegression model = train(data, config, (epoch, m) -> {
            if (checkpoints != null) {
                Path file = checkpoints.resolve("epoch-" + epoch + ".safetensors");
                Safetensors.write(m, metadata(epoch), file);
                System.out.println("checkpoint after epoch " + epoch + " -> " + file);
            }
        });
        Safetensors.write(model, metadata(config.epochs()), Path.of(args[3]));
        System.out.println("trained on " + data.size() + " rows for " + config.epochs() + " epochs -> " + args[3]);
    }

    /** Receives the model after an epoch that {@code checkpoint_every} divides, before the last one. */
    interface Checkpoints {
        void save(int epoch, SoftmaxRegression model) throws IOException;
    }

    private static Map<String, String> metadata(int epochs) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("architecture", "softmax-regression");
        metadata.put("classes", String.join(",", IrisData.CLASSES));
        metadata.put("features", String.join(",", IrisData.FEATURES));
        metadata.put("epochs", Integer.toString(epochs));
        return metadata;
    }

    static SoftmaxRegression train(IrisData data, Config config) throws IOException {
        return train(data, config, (epoch, model) -> { });
    }

    /** Trains on every row of {@code data}, in order. */
    static SoftmaxRegression train(IrisData data, Config config, Checkpoints checkpoints) throws IOException {
        int n = data.size();
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        int features = IrisData.FEATURES.size();
        int classes = IrisData.CLASSES.size();

        double[] mean = new double[features];
        double[] std = new double[features];
        for (int j = 0; j < features; j++) {
            double sum = 0;
            for (int i : rows) {
                sum += data.x[i][j];
            }
            mean[j] = sum / n;
            double squares = 0;
            for (int i : rows) {
                double d = data.x[i][j] - mean[j];
                squares += d * d;
            }
            std[j] = StrictMath.sqrt(squares / n);
        }

        double[][] weight = new double[classes][features];
        double[] bias = new double[classes];
        Random init = new Random(config.initSeed());
        for (int c = 0; c < classes; c++) {
            for (int j = 0; j < features; j++) {
                weight[c][j] = 0.01 * init.nextGaussian();
            }
        }
        SoftmaxRegression model = new SoftmaxRegression(mean, std, weight, bias);
        double[][] z = new double[n][];
        for (int k = 0; k < n; k++) {
            z[k] = model.standardise(data.x[rows[k]]);
        }

        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            double[][] gradW = new double[classes][features];
            double[] gradB = new double[classes];
            for (int k = 0; k < n; k++) {
                double[] p = model.probabilitiesOfStandardised(z[k]);
                int label = data.y[rows[k]];
                for (int c = 0; c < classes; c++) {
                    double error = p[c] - (c == label ? 1.0 : 0.0);
                    gradB[c] += error;
                    for (int j = 0; j < features; j++) {
                        gradW[c][j] += error * z[k][j];
                    }
                }
            }
            for (int c = 0; c < classes; c++) {
                for (int j = 0; j < features; j++) {
                    weight[c][j] -= config.learningRate() * (gradW[c][j] / n + config.l2() * weight[c][j]);
                }
                bias[c] -= config.learningRate() * (gradB[c] / n);
            }
            int done = epoch + 1;
            if (done < config.epochs() && done % config.checkpointEvery() == 0) {
                checkpoints.save(done, model);
            }
        }
        return model;
    }
}
