package dev.oab.evidence;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of validating a configuration document. Immutable.
 *
 * @param path     the document's path as the caller named it
 * @param kind     which schema it was validated against
 * @param document the parsed document as unmodifiable maps and lists (empty when it did not parse)
 * @param findings schema violations and other problems, in document order
 */
public record ConfigReport(String path, ConfigKind kind, Map<String, Object> document, List<Finding> findings) {

    public ConfigReport {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        document = Collections.unmodifiableMap(new LinkedHashMap<>(document));
        findings = List.copyOf(findings);
    }

    /** True when no finding is an {@link Severity#ERROR}. */
    public boolean isValid() {
        return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
    }
}
