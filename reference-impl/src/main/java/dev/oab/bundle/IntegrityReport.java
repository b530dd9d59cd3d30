package dev.oab.bundle;

import java.util.List;

/**
 * The result of checking every file's size, CRC-32 and SHA-256 against the manifest.
 *
 * @param files    files checked
 * @param bytes    bytes hashed
 * @param problems what did not match, ordered by path; empty when the bundle is intact
 */
public record IntegrityReport(int files, long bytes, List<Problem> problems) {

    public IntegrityReport {
        problems = List.copyOf(problems);
    }

    public boolean intact() {
        return problems.isEmpty();
    }
}
