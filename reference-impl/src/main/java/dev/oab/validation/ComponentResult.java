package dev.oab.validation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one component of the vocabulary fared.
 *
 * @param id          the component id
 * @param name        the MOF's name for it, or OAB's title for the components it adds
 * @param contentType {@code code}, {@code data} or {@code document}
 * @param role        whether the profile requires it
 * @param requiredBy  the profile that states the requirement, or "" when not required
 * @param status      what the evidence shows about the component itself
 * @param license     the licence the manifest declares for it ("" when the bundle does not declare it)
 * @param files       the bundle's files that hold it, in file-table order
 * @param external    URLs of external references that hold it
 * @param satisfiedBy the component that satisfies the requirement instead of this one (a substitution)
 * @param met         whether the requirement is met (always true for components the profile does not require)
 * @param issues      errors and warnings, in the order found
 */
public record ComponentResult(String id, String name, String contentType, Role role, String requiredBy,
                              Status status, String license, List<String> files, List<String> external,
                              Optional<String> satisfiedBy, boolean met, List<Issue> issues) {

    /** What the evidence shows about a component. */
    public enum Status {
        /** Its files (or complete external references) are there, its licence holds and its content passes. */
        PRESENT,
        /** No file and no external reference holds it. */
        MISSING,
        /** It is there, but its licence is absent, invalid, without its text, or not allowed by the profile. */
        UNLICENSED,
        /** It is there and licensed, but its content fails its evidence check. */
        INVALID;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What the profile asks of the component. */
    public enum Role {
        REQUIRED, OPTIONAL, NOT_REQUIRED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public ComponentResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(requiredBy, "requiredBy");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(license, "license");
        files = List.copyOf(files);
        external = List.copyOf(external);
        Objects.requireNonNull(satisfiedBy, "satisfiedBy");
        issues = List.copyOf(issues);
    }

    /** The first error's message, or "" when there is none: why the component is not present. */
    public String reason() {
        return issues.stream().filter(Issue::isError).map(Issue::message).findFirst().orElse("");
    }
}
