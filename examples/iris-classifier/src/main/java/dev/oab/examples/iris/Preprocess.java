package dev.oab.examples.iris;

import java.nio.file.Path;

/**
 * Data preprocessing: splits the Iris data set into the rows that train the model and the rows
 * held out to evaluate it, deterministically from the seed {@code data.split}.
 * <pre>
 *   java Preprocess DATA.csv SEEDS.json OUT_DIR
 * </pre>
 * Writes {@code OUT_DIR/training/iris-train.csv} (120 rows) and
 * {@code OUT_DIR/evaluation/iris-evaluation.csv} (30 rows: {@value IrisData#HELD_OUT_PER_CLASS} of
 * each species, chosen by {@link IrisData#heldOut}), each row copied unchanged from DATA.csv and kept
 * in its order. Feature standardisation is not done here: it belongs to the model
 * ({@link SoftmaxRegression}), which stores the training rows' means and deviations.
 */
public final class Preprocess {

    static final String TRAINING = "training/iris-train.csv";
    static final String EVALUATION = "evaluation/iris-evaluation.csv";

    private Preprocess() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: Preprocess DATA.csv SEEDS.json OUT_DIR");
            System.exit(2);
        }
        IrisData data = IrisData.read(Path.of(args[0]));
        long seed = Config.seed(Path.of(args[1]), "data.split");
        int[] heldOut = data.heldOut(seed);
        int[] training = data.training(heldOut);
        Path out = Path.of(args[2]);
        data.subset(training).write(out.resolve(TRAINING));
        data.subset(heldOut).write(out.resolve(EVALUATION));
        StringBuilder lines = new StringBuilder();
        for (int i : heldOut) {
            lines.append(lines.length() == 0 ? "" : " ").append(i + 2);
        }
        System.out.println("split " + data.size() + " rows with seed data.split=" + seed + ": " + training.length
                + " -> " + out.resolve(TRAINING) + ", " + heldOut.length + " (lines " + lines + " of " + args[0]
                + ") -> " + out.resolve(EVALUATION));
    }
}
