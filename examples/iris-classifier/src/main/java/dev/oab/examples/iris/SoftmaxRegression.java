package dev.oab.examples.iris;

/**
 * The model's architecture: multinomial logistic (softmax) regression on standardised features.
 * <pre>
 *   z = (x - feature_mean) / feature_std            4 inputs, standardised with training statistics
 *   logits = weight · z + bias                      weight F64[3, 4], bias F64[3]
 *   p = softmax(logits)                             one probability per species
 * </pre>
 * Every operation is plain IEEE 754 double arithmetic in a fixed order, and the only
 * transcendental function is {@link StrictMath#exp}, so the same inputs give bit-identical
 * outputs on every Java 17+ platform.
 */
final class SoftmaxRegression {

    final double[] featureMean;
    final double[] featureStd;
    final double[][] weight;
    final double[] bias;

    SoftmaxRegression(double[] featureMean, double[] featureStd, double[][] weight, double[] bias) {
        this.featureMean = featureMean;
        this.featureStd = featureStd;
        this.weight = weight;
        this.bias = bias;
    }

    int classes() {
        return bias.length;
    }

    int features() {
        return featureMean.length;
    }

    double[] standardise(double[] x) {
        double[] z = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            z[j] = (x[j] - featureMean[j]) / featureStd[j];
        }
        return z;
    }

    /** Class probabilities for the standardised input {@code z}. */
    double[] probabilitiesOfStandardised(double[] z) {
        double[] logits = new double[classes()];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes(); c++) {
            double s = bias[c];
            for (int j = 0; j < z.length; j++) {
                s += weight[c][j] * z[j];
            }
            logits[c] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int c = 0; c < classes(); c++) {
            logits[c] = StrictMath.exp(logits[c] - max);
            sum += logits[c];
        }
        for (int c = 0; c < classes(); c++) {
            logits[c] /= sum;
        }
        return logits;
    }

    /** Class probabilities for raw measurements (centimetres). */
    double[] probabilities(double[] x) {
        return probabilitiesOfStandardised(standardise(x));
    }

    int predict(double[] x) {
        double[] p = probabilities(x);
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }
}
