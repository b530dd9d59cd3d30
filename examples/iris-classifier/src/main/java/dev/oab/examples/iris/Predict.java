package dev.oab.examples.iris;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Inference: classifies one flower from its four measurements in centimetres.
 * <pre>
 *   java Predict MODEL.safetensors SEPAL_LENGTH SEPAL_WIDTH PETAL_LENGTH PETAL_WIDTH
 * </pre>
 * Prints the predicted species, then each species' probability.
 */
public final class Predict {

    private Predict() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: Predict MODEL.safetensors SEPAL_LENGTH SEPAL_WIDTH PETAL_LENGTH PETAL_WIDTH");
            System.exit(2);
        }
        SoftmaxRegression model = Safetensors.read(Path.of(args[0]));
        double[] x = new double[4];
        for (int j = 0; j < 4; j++) {
            x[j] = Double.parseDouble(args[j + 1]);
        }
        double[] p = model.probabilities(x);
        System.out.println(IrisData.CLASSES.get(model.predict(x)));
        for (int c = 0; c < p.length; c++) {
            System.out.println(String.format(Locale.ROOT, "  %-16s %.4f", IrisData.CLASSES.get(c), p[c]));
        }
    }
}
