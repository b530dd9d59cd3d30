package dev.oab.mof;

import java.util.List;
import java.util.Objects;

/**
 * The class and progress the Model Openness Tool computes for a {@code mof.yml}: a grade of the
 * producer's claims, not of evidence.
 *
 * @param mofClass               1, 2 or 3, or 0 when no class is met
 * @param classIProgress         percentage of Class I met (0 unless Classes II and III are met)
 * @param classIIProgress        percentage of Class II met (0 unless Class III is met)
 * @param classIIIProgress       percentage of Class III met
 * @param components             how each claimed MOF component was judged
 * @param ignoredComponentNames  component names that are not MOF component names, which the
 *                               classification leaves out
 */
public record MofClassification(int mofClass, double classIProgress, double classIIProgress, double classIIIProgress,
                                List<ComponentVerdict> components, List<String> ignoredComponentNames) {

    public MofClassification {
        if (mofClass < 0 || mofClass > 3) {
            throw new IllegalArgumentException("MOF class must be 0..3, not " + mofClass);
        }
        components = List.copyOf(components);
        ignoredComponentNames = List.copyOf(ignoredComponentNames);
    }

    /** The tool's label for the class, e.g. {@code Class II - Open Tooling Model}. */
    public String label() {
        return switch (mofClass) {
            case 1 -> "Class I - Open Science Model";
            case 2 -> "Class II - Open Tooling Model";
            case 3 -> "Class III - Open Model";
            default -> "Unclassified";
        };
    }

    /** Progress toward class 1, 2 or 3, in percent. */
    public double progress(int mofClass) {
        return switch (mofClass) {
            case 1 -> classIProgress;
            case 2 -> classIIProgress;
            case 3 -> classIIIProgress;
            default -> throw new IllegalArgumentException("MOF classes are 1, 2 and 3, not " + mofClass);
        };
    }

    /** Where a component's licence came from, in the tool's resolution order. */
    public enum LicenseSource {
        /** The component's own {@code license}. */
        COMPONENT,
        /** The release licence for the component's content type ({@code release.license.code} etc.). */
        CONTENT_TYPE,
        /** The release's {@code distribution} licence. */
        DISTRIBUTION,
        /** None at any level. */
        NONE
    }

    /** How the tool judges a component's licence. Only the two OPEN statuses count toward a class. */
    public enum Status {
        /** Open and listed by the MOF for the component's content type. */
        OPEN,
        /** Open, but not a licence the MOF lists for the content type: counts, with a warning. */
        OPEN_NOT_TYPE_APPROPRIATE,
        /** Declared {@code unlicensed} (or empty), or no licence at any level. */
        UNLICENSED,
        /** A licence the tool does not consider open (or text it does not know). */
        NOT_OPEN;

        public boolean counts() {
            return this == OPEN || this == OPEN_NOT_TYPE_APPROPRIATE;
        }
    }

    /**
     * One claimed component.
     *
     * @param license the resolved licence as written, or null when there is none
     */
    public record ComponentVerdict(String componentId, String mofName, String license, LicenseSource source,
                                   Status status) {
        public ComponentVerdict {
            Objects.requireNonNull(componentId, "componentId");
            Objects.requireNonNull(mofName, "mofName");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(status, "status");
        }
    }
}
