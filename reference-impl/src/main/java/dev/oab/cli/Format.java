package dev.oab.cli;

import dev.oab.bundle.Manifest;
import dev.oab.bundle.Problem;

import java.io.PrintWriter;
import java.util.List;

/** Text layout shared by the commands. */
final class Format {

    private Format() {
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = n;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    static void printComponents(PrintWriter out, Manifest manifest) {
        out.println("components:");
        if (manifest.components().isEmpty()) {
            out.println("  (none)");
        }
        for (Manifest.Component c : manifest.components()) {
            String where = String.join(" ", c.paths());
            if (!c.external().isEmpty()) {
                where += (where.isEmpty() ? "" : " ") + "+" + c.external().size() + " external";
            }
            out.printf("  %-32s %-24s %s%n", c.id(), c.license(), where);
        }
    }

    static void printProblems(PrintWriter out, List<Problem> problems) {
        for (Problem p : problems) {
            out.printf("  %-32s %s%n", p.code(), p.describe());
        }
    }
}
