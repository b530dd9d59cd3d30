package dev.oab.validation;

import java.util.List;
import java.util.Objects;

/**
 * A Model Openness Framework class with the progress toward each class, as the Model Openness Tool
 * computes them.
 *
 * @param mofClass   1, 2 or 3, or 0 when no class is reached
 * @param label      the tool's label, e.g. {@code Class II - Open Tooling Model}
 * @param progress   percent met of Class I, II and III, in that order
 * @param components the ids of the MOF components that counted
 */
public record MofGrade(int mofClass, String label, List<Double> progress, List<String> components) {
    public MofGrade {
        Objects.requireNonNull(label, "label");
        progress = List.copyOf(progress);
        components = List.copyOf(components);
        if (progress.size() != 3) {
            throw new IllegalArgumentException("progress has one value per class I, II and III");
        }
    }

    /** Progress toward class 1, 2 or 3, in percent. */
    public double progress(int mofClass) {
        return progress.get(mofClass - 1);
    }

    /** "Class II" or "no class", for badges and headings. */
    public String shortLabel() {
        return switch (mofClass) {
            case 1 -> "Class I";
            case 2 -> "Class II";
            case 3 -> "Class III";
            default -> "no class";
        };
    }
}
