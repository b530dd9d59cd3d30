package dev.oab.evidence;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a card checker found: the card's metadata, its recognised sections and what is missing.
 * Immutable.
 *
 * @param path                the card's path as the caller named it
 * @param kind                the kind of card it was read as
 * @param metadata            the YAML front matter of a Markdown card, or the top-level properties of
 *                            a Croissant document; nested maps and lists are unmodifiable too
 * @param sections            recognised sections in catalogue order (empty for Croissant)
 * @param missingSections     ids of required sections the card does not have
 * @param placeholderSections ids of required sections that hold only template leftovers
 * @param findings            what is wrong, most serious first as found
 */
public record CardReport(String path, CardKind kind, Map<String, Object> metadata, List<CardSection> sections,
                         List<String> missingSections, List<String> placeholderSections, List<Finding> findings) {

    public CardReport {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        // Insertion order is kept (it is the card's order) and YAML nulls are allowed, so no Map.copyOf.
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        sections = List.copyOf(sections);
        missingSections = List.copyOf(missingSections);
        placeholderSections = List.copyOf(placeholderSections);
        findings = List.copyOf(findings);
    }

    /** True when no finding is an {@link Severity#ERROR}. */
    public boolean isValid() {
        return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
    }

    /** The section with this id, if the card has it (substantive or not). */
    public Optional<CardSection> section(String id) {
        return sections.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
