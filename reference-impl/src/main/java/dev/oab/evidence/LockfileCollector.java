package dev.oab.evidence;

import java.util.ArrayList;
import java.util.List;

/** Gathers the dependencies of one lockfile and turns each unpinned one into a warning. */
final class LockfileCollector {

    private final String path;
    private final LockfileKind kind;
    private final List<Dependency> dependencies = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();

    LockfileCollector(String path, LockfileKind kind) {
        this.path = path;
        this.kind = kind;
    }

    void pinned(String name, String version, int line, String declaration) {
        dependencies.add(new Dependency(name, version, true, line, declaration));
    }

    /**
     * Records a dependency that does not name exactly one version.
     *
     * @param advice what to do about it, for this format
     */
    void unpinned(String name, int line, String declaration, String advice) {
        dependencies.add(new Dependency(name, "", false, line, declaration));
        String where = line > 0 ? "line " + line + ": " : "";
        findings.add(Finding.warning("lockfile.unpinned", path, where + "'" + declaration
                + "' is not pinned to one version; " + advice));
    }

    void unreadable(String message) {
        findings.add(Finding.error("lockfile.unreadable", path, message));
    }

    void malformedLine(int line, String text, String expected) {
        findings.add(Finding.warning("lockfile.malformed-line", path, "line " + line + ": '" + text
                + "' is not " + expected + "; fix or remove the line"));
    }

    LockfileReport build() {
        boolean unreadable = findings.stream().anyMatch(f -> f.code().equals("lockfile.unreadable"));
        if (dependencies.isEmpty() && !unreadable) {
            findings.add(Finding.warning("lockfile.no-dependencies", path, "no dependencies were found; a software"
                    + " environment needs its full, pinned dependency list"));
        }
        return new LockfileReport(path, kind, dependencies, findings);
    }
}
