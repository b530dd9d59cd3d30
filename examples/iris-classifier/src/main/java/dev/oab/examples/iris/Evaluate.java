package dev.oab.examples.iris;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Evaluation: accuracy, mean cross-entropy and the confusion matrix of the model on the 30
 * held-out rows of {@code data/evaluation/iris-evaluation.csv} (and, for comparison, on the 120
 * training rows of {@code data/training/iris-train.csv}), written as JSON.
 * <pre>
 *   java Evaluate MODEL.safetensors TRAINING.csv EVALUATION.csv OUT.json
 * </pre>
 */
public final class Evaluate {

    private Evaluate() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: Evaluate MODEL.safetensors TRAINING.csv EVALUATION.csv OUT.json");
            System.exit(2);
        }
        SoftmaxRegression model = Safetensors.read(Path.of(args[0]));
        IrisData training = IrisData.read(Path.of(args[1]));
        IrisData evaluation = IrisData.read(Path.of(args[2]));
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"model\": \"iris-classifier (softmax regression)\",\n");
        json.append("  \"evaluation_data\": \"data/evaluation/iris-evaluation.csv\",\n");
        json.append("  \"training_data\": \"data/training/iris-train.csv\",\n");
        json.append("  \"split\": \"10 rows of each species held out with seed data.split (code/data-preprocessing/Preprocess.java)\",\n");
        json.append("  \"held_out\": ").append(metrics(model, evaluation)).append(",\n");
        json.append("  \"training\": ").append(metrics(model, training)).append("\n}\n");
        Path out = Path.of(args[3]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, json, StandardCharsets.UTF_8);
        System.out.print(json);
    }

    private static String metrics(SoftmaxRegression model, IrisData data) {
        int[] rows = new int[data.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
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
