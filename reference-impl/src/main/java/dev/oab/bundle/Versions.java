package dev.oab.bundle;

/**
 * Orders bundle versions for rollback protection: dot-separated parts compared numerically when
 * both are numbers, else as text; a pre-release ("1.0.0-rc1") sorts before its release, and
 * build metadata after '+' is ignored, as in Semantic Versioning.
 */
public final class Versions {

    private Versions() {
    }

    public static int compare(String a, String b) {
        String[] pa = splitRelease(a);
        String[] pb = splitRelease(b);
        int c = compareParts(pa[0], pb[0]);
        if (c != 0) {
            return c;
        }
        if (pa[1] == null || pb[1] == null) {
            return pa[1] == null ? (pb[1] == null ? 0 : 1) : -1;
        }
        return compareParts(pa[1], pb[1]);
    }

    private static String[] splitRelease(String version) {
        String withoutBuild = version.contains("+") ? version.substring(0, version.indexOf('+')) : version;
        int dash = withoutBuild.indexOf('-');
        return dash < 0 ? new String[]{withoutBuild, null}
                : new String[]{withoutBuild.substring(0, dash), withoutBuild.substring(dash + 1)};
    }

    private static int compareParts(String a, String b) {
        String[] xs = a.split("\\.");
        String[] ys = b.split("\\.");
        for (int i = 0; i < Math.max(xs.length, ys.length); i++) {
            String x = i < xs.length ? xs[i] : "0";
            String y = i < ys.length ? ys[i] : "0";
            boolean xn = x.chars().allMatch(Character::isDigit) && !x.isEmpty();
            boolean yn = y.chars().allMatch(Character::isDigit) && !y.isEmpty();
            int c;
            if (xn && yn) {
                c = new java.math.BigInteger(x).compareTo(new java.math.BigInteger(y));
            } else if (xn != yn) {
                c = xn ? -1 : 1;
            } else {
                c = x.compareTo(y);
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
