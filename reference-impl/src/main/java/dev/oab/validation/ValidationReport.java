package dev.oab.validation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of validating a bundle against a profile. Immutable; render it with {@link Reports}.
 *
 * @param bundle      the bundle's file name
 * @param name        the bundle's name from its manifest
 * @param version     the bundle's version
 * @param license     the distribution licence
 * @param profile     the profile's id
 * @param title       the profile's title
 * @param met         whether every requirement and every bundle-wide rule holds
 * @param components  every component of the vocabulary, required ones first in the profile's order
 * @param issues      bundle-wide findings: integrity, forbidden weight formats, limits, signatures
 * @param evidence    the MOF class reached by the components the evidence backs
 * @param claims      the MOF class the Model Openness Tool would grade from the manifest's claims alone
 */
public record ValidationReport(String bundle, String name, String version, String license, String profile,
                               String title, boolean met, List<ComponentResult> components, List<Issue> issues,
                               MofGrade evidence, MofGrade claims) {

    public ValidationReport {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(license, "license");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(title, "title");
        components = List.copyOf(components);
        issues = List.copyOf(issues);
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(claims, "claims");
    }

    /** The result for a component id. */
    public Optional<ComponentResult> component(String id) {
        return components.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The required components whose requirement is not met. */
    public List<ComponentResult> unmet() {
        return components.stream().filter(c -> !c.met()).toList();
    }
}
