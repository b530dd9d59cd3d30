package dev.oab.examples.iris;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Rows of the Iris data set (Fisher, 1936) as read from a CSV file with the header of
 * {@code data/training/iris.csv}: the whole data set, or the training or evaluation split that
 * {@link Preprocess} writes. Also the deterministic split itself.
 */
final class IrisData {

    static final List<String> CLASSES = List.of("Iris-setosa", "Iris-versicolor", "Iris-virginica");
    static final List<String> FEATURES = List.of("sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm");
    /** Rows of each class held out for evaluation. */
    static final int HELD_OUT_PER_CLASS = 10;

    static final String HEADER = String.join(",", FEATURES) + ",species";

    final double[][] x;
    final int[] y;
    /** The data lines as read, so a subset is written back byte for byte. */
    private final List<String> lines;

    private IrisData(double[][] x, int[] y, List<String> lines) {
        this.x = x;
        this.y = y;
        this.lines = lines;
    }

    static IrisData read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IOException(csv + ": expected the header " + HEADER);
        }
        List<double[]> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            if (f.length != 5 || !CLASSES.contains(f[4])) {
                throw new IOException(csv + " line " + (i + 1) + ": expected four measurements and a species");
            }
            double[] row = new double[4];
            for (int j = 0; j < 4; j++) {
                row[j] = Double.parseDouble(f[j]);
            }
            xs.add(row);
            ys.add(CLASSES.indexOf(f[4]));
        }
        return new IrisData(xs.toArray(new double[0][]), ys.stream().mapToInt(Integer::intValue).toArray(),
                List.copyOf(lines.subList(1, lines.size())));
    }

    /** The given rows, in the order given. */
    IrisData subset(int[] rows) {
        double[][] xs = new double[rows.length][];
        int[] ys = new int[rows.length];
        List<String> kept = new ArrayList<>();
        for (int k = 0; k < rows.length; k++) {
            xs[k] = x[rows[k]];
            ys[k] = y[rows[k]];
            kept.add(lines.get(rows[k]));
        }
        return new IrisData(xs, ys, List.copyOf(kept));
    }

    /** Writes the rows as CSV: the header, then each data line as it was read, LF line ends, UTF-8. */
    void write(Path csv) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (String line : lines) {
            sb.append(line).append('\n');
        }
        Path parent = csv.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(csv, sb, StandardCharsets.UTF_8);
    }

    int size() {
        return y.length;
    }

    /**
     * Row indices held out for evaluation: {@value #HELD_OUT_PER_CLASS} of each class, chosen by
     * shuffling each class's rows with {@code java.util.Random(seed)} (a fully specified generator,
     * the same on every JVM) and taking the first ones; returned in ascending order.
     */
    int[] heldOut(long seed) {
        Random random = new Random(seed);
        List<Integer> chosen = new ArrayList<>();
        for (int c = 0; c < CLASSES.size(); c++) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < y.length; i++) {
                if (y[i] == c) {
                    rows.add(i);
                }
            }
            // Fisher–Yates with the generator above, written out so the order never depends on a library.
            for (int i = rows.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Integer t = rows.get(i);
                rows.set(i, rows.get(j));
                rows.set(j, t);
            }
            chosen.addAll(rows.subList(0, HELD_OUT_PER_CLASS));
        }
        int[] result = chosen.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(result);
        return result;
    }

    /** The rows not in {@code heldOut}, in file order. */
    int[] training(int[] heldOut) {
        boolean[] out = new boolean[y.length];
        for (int i : heldOut) {
            out[i] = true;
        }
        int[] result = new int[y.length - heldOut.length];
        int k = 0;
        for (int i = 0; i < y.length; i++) {
            if (!out[i]) {
                result[k++] = i;
            }
        }
        return result;
    }
}
