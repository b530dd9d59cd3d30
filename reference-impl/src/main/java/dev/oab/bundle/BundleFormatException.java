package dev.oab.bundle;

import dev.oab.OabException;

import java.util.List;

/**
 * The archive or its manifest breaks the OAB profile, or its content does not match its manifest.
 * Carries every problem found, each with its spec code, so reports and tests can name them.
 */
public class BundleFormatException extends OabException {

    private final List<Problem> problems;

    public BundleFormatException(Problem problem) {
        this(List.of(problem));
    }

    public BundleFormatException(List<Problem> problems) {
        super(Category.CHECK_FAILED, summarise(problems));
        this.problems = List.copyOf(problems);
    }

    public BundleFormatException(Problem problem, Throwable cause) {
        super(Category.CHECK_FAILED, problem.describe(), cause);
        this.problems = List.of(problem);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The first problem's code, the one a single-line report leads with. */
    public String code() {
        return problems.get(0).code();
    }

    private static String summarise(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a format error needs at least one problem");
        }
        if (problems.size() == 1) {
            return problems.get(0).describe();
        }
        return problems.get(0).describe() + " (and " + (problems.size() - 1) + " more problem"
                + (problems.size() == 2 ? "" : "s") + ")";
    }
}
