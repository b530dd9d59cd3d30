package dev.oab.evidence;

import java.util.List;
import java.util.Objects;

/**
 * What a lockfile pins. Immutable.
 *
 * @param path         the file's path as the caller named it
 * @param kind         the format it was read as
 * @param dependencies every dependency found, in file order
 * @param findings     unpinned dependencies (warnings) and unreadable content (errors)
 */
public record LockfileReport(String path, LockfileKind kind, List<Dependency> dependencies, List<Finding> findings) {

    public LockfileReport {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        dependencies = List.copyOf(dependencies);
        findings = List.copyOf(findings);
    }

    /** True when no finding is an {@link Severity#ERROR}. */
    public boolean isValid() {
        return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
    }

    /** True when every dependency is pinned and there is at least one. */
    public boolean fullyPinned() {
        return !dependencies.isEmpty() && dependencies.stream().allMatch(Dependency::pinned);
    }
}
