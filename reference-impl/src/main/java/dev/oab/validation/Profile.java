package dev.oab.validation;

import dev.oab.licenses.ContentType;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A completeness profile or registry policy with its {@code extends} chain already resolved: the
 * components a bundle must carry, the licence rules, and the registry checks (weight formats,
 * limits, signatures). Immutable; load one with {@link Profiles}.
 *
 * @param id                     the profile's id, e.g. {@code mof-class-ii}
 * @param title                  its title
 * @param description            what it asks for ("" when the file says nothing)
 * @param lineage                the ids of the profiles it includes, nearest first (not itself)
 * @param required               what the bundle must carry, the included profiles' requirements first
 * @param optional               components reported when present that never fail the bundle
 * @param licenses               the licence rules
 * @param forbiddenWeightFormats weight formats the bundle must not contain (profile schema names)
 * @param limits                 size limits, if any
 * @param signatures             signature requirements, if any
 */
public record Profile(String id, String title, String description, List<String> lineage, List<Requirement> required,
                      List<String> optional, LicensePolicy licenses, Set<String> forbiddenWeightFormats,
                      Optional<Limits> limits, Optional<SignaturePolicy> signatures) {

    public Profile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(licenses, "licenses");
        lineage = List.copyOf(lineage);
        required = List.copyOf(required);
        optional = List.copyOf(optional);
        forbiddenWeightFormats = Set.copyOf(forbiddenWeightFormats);
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(signatures, "signatures");
    }

    /** The requirement for {@code componentId}, if this profile requires it. */
    public Optional<Requirement> requirement(String componentId) {
        return required.stream().filter(r -> r.component().equals(componentId)).findFirst();
    }

    /**
     * One required component.
     *
     * @param component   the component id
     * @param satisfiedBy components whose presence satisfies the requirement instead, in order of preference
     * @param note        why, or what counts ("" when none)
     * @param profile     the id of the profile that states the requirement (this one or an included one)
     */
    public record Requirement(String component, List<String> satisfiedBy, String note, String profile) {
        public Requirement {
            Objects.requireNonNull(component, "component");
            satisfiedBy = List.copyOf(satisfiedBy);
            Objects.requireNonNull(note, "note");
            Objects.requireNonNull(profile, "profile");
        }
    }

    /** How a licence is judged; every rule includes {@link #SPDX_VALID}. */
    public enum LicenseRule {
        /** A valid SPDX expression whose every licence has its text under LICENSES/. */
        SPDX_VALID,
        /** Also open: OSI-approved, FSF-libre, or listed by the MOF for some content type. */
        OPEN,
        /** Also listed by the MOF for the component's content type. */
        OPEN_TYPE_APPROPRIATE,
        /** Also OSI-approved (one alternative of an OR suffices, every part of an AND must be). */
        OSI_APPROVED;

        /** The name used in profile files, e.g. {@code open-type-appropriate}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<LicenseRule> fromId(String id) {
            for (LicenseRule rule : values()) {
                if (rule.id().equals(id)) {
                    return Optional.of(rule);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * The licence rules.
     *
     * @param rule          the rule for every content type without its own
     * @param byContentType rules per content type
     * @param allow         if not empty, the only licence ids allowed
     * @param deny          licence ids that must not appear
     */
    public record LicensePolicy(LicenseRule rule, Map<ContentType, LicenseRule> byContentType, Set<String> allow,
                                Set<String> deny) {
        public LicensePolicy {
            Objects.requireNonNull(rule, "rule");
            byContentType = byContentType.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(byContentType));
            allow = Set.copyOf(allow);
            deny = Set.copyOf(deny);
        }

        /** The rule that applies to a component of this content type. */
        public LicenseRule ruleFor(ContentType type) {
            return byContentType.getOrDefault(type, rule);
        }
    }

    /** A registry's size limits; each is absent when the policy sets none. */
    public record Limits(OptionalLong maxBundleBytes, OptionalLong maxFileBytes, OptionalLong maxFiles,
                         OptionalDouble maxCompressionRatio) {
        public Limits {
            Objects.requireNonNull(maxBundleBytes, "maxBundleBytes");
            Objects.requireNonNull(maxFileBytes, "maxFileBytes");
            Objects.requireNonNull(maxFiles, "maxFiles");
            Objects.requireNonNull(maxCompressionRatio, "maxCompressionRatio");
        }
    }

    /**
     * What signatures a registry requires.
     *
     * @param minimum         how many valid embedded signatures by trusted signers
     * @param methods         the methods that count ({@code key}, {@code certificate}, {@code sigstore}); empty means any
     * @param requiredSigners signer names whose valid signature must be present
     * @param requireOpenPgp  whether a detached OpenPGP signature of the .oab file is required
     */
    public record SignaturePolicy(int minimum, Set<String> methods, Set<String> requiredSigners, boolean requireOpenPgp) {
        public SignaturePolicy {
            methods = Set.copyOf(methods);
            requiredSigners = Set.copyOf(requiredSigners);
        }
    }
}
