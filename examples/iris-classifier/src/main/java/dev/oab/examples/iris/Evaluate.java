package dev.oab.examples.iris;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Evaluation: accuracy, mean cross-entropy and the confusion matrix of the model on the 30
 * held-out rows (and, for comparison, on the 120 training rows), written as JSON.
 * <pre>
 *   java Evaluate MODEL.safetensors DATA.csv HYPERPARAMETERS.json SEEDS.json OUT.json
 * </pre>
 */
public final class Evaluate {

    private Evaluate() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: Evaluate MODEL.safetensors DATA.csv HYPERPARAMETERS.json SEEDS.json OUT.json");
            System.exit(2);
        }
        SoftmaxRegression model = Safetensors.read(Path.of(args[0]));
        IrisData data = IrisData.read(Path.of(args[1]));
        Config config = Config.read(Path.of(args[2]), Path.of(args[3]));
        int[] heldOut = data.heldOut(config.splitSeed());
        int[] training = data.training(heldOut);
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"model\": \"iris-classifier (softmax regression)\",\n");
        json.append("  \"data\": \"data/training/iris.csv\",\n");
        json.append("  \"split\": \"10 rows of each species held out with seed data.split\",\n");
        json.append("  \"held_out_rows\": ").append(rows(heldOut)).append(",\n");
        json.append("  \"held_out\": ").append(metrics(model, data, heldOut)).append(",\n");
        json.append("  \"training\": ").append(metrics(model, data, training)).append("\n}\n");
        Path out = Path.of(args[4]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, json, StandardCharsets.UTF_8);
        System.out.print(json);
    }

    /** 1-based data line numbers (the header is line 1, so row i is line i + 2). */
    private static String rows(int[] rows) {
        StringBuilder sb = new StringBuilder("[");
        for (int k = 0; k < rows.length; k++) {
            sb.append(k == 0 ? "" : ", ").append(rows[k] + 2);
        }
        return sb.append(']').toString();
    }

    private static String metrics(SoftmaxRegression model, IrisData data, int[] rows) {
        int classes = IrisData.CLASSES.size();
        int[][] confusion = new int[classes][classes];
        double loss = 0;
        int correct = 0;
        for (int i : rows) {
            double[] p = model.probabilities(data.x[i]);
            int predicted = model.predict(data.x[i]);
            confusion[data.y[i]][predicted]++;
            correct += predicted == data.y[i] ? 1 : 0;
            loss -= StrictMath.log(p[data.y[i]]);
        }
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("    \"rows\": ").append(rows.length).append(",\n");
        sb.append("    \"accuracy\": ").append(String.format(Locale.ROOT, "%.4f", (double) correct / rows.length)).append(",\n");
        sb.append("    \"correct\": ").append(correct).append(",\n");
        sb.append("    \"mean_cross_entropy\": ").append(String.format(Locale.ROOT, "%.4f", loss / rows.length)).append(",\n");
        sb.append("    \"confusion_matrix\": {\n      \"rows_true_columns_predicted\": [\"")
                .append(String.join("\", \"", IrisData.CLASSES)).append("\"],\n      \"counts\": [");
        for (int c = 0; c < classes; c++) {
            sb.append(c == 0 ? "" : ", ").append('[');
            for (int d = 0; d < classes; d++) {
                sb.append(d == 0 ? "" : ", ").append(confusion[c][d]);
            }
            sb.append(']');
        }
        return sb.append("]\n    }\n  }").toString();
    }
}
