package dev.oab.mof;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Model Openness Tool {@code mof.yml}: the claims a producer makes about a release, in the
 * tool's own vocabulary. Read one with {@link MofReader}, write one with {@link MofWriter}.
 * Text fields are null when the file leaves them out; an empty string is kept as given, because
 * the tool treats an empty component licence ("unlicensed") differently from a missing one
 * (inherited).
 *
 * @param framework the framework the claims are made against
 * @param release   the release and its components
 */
public record MofDocument(Framework framework, Release release) {

    /** The only framework name the MOF schema allows. */
    public static final String FRAMEWORK_NAME = "Model Openness Framework";

    /** The release-wide licence keys, in the order the tool resolves them after a component's own. */
    public static final List<String> LICENSE_SCOPES = List.of("distribution", "code", "data", "document");

    public MofDocument {
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(release, "release");
    }

    /** @param date ISO date (YYYY-MM-DD) of the framework version */
    public record Framework(String name, String version, String date) {
        /** MOF 1.0 as the tool's own files name it. */
        public static Framework mof10() {
            return new Framework(FRAMEWORK_NAME, "1.0", "2024-12-15");
        }
    }

    /** A licence by name (normally an SPDX id, but the tool accepts any text) and where its text is. */
    public record License(String name, String path) {
    }

    /**
     * One component claim.
     *
     * @param name          the MOF component name, e.g. {@code Model parameters (Final)}
     * @param license       the component's own licence; null inherits the release licence for its
     *                      content type (then the distribution licence); {@code unlicensed} or empty
     *                      means it has none
     * @param licensePath   where the licence text is
     * @param componentPath where the component is
     */
    public record Component(String name, String description, String license, String licensePath,
                            String componentPath) {
        public Component {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * The release.
     *
     * @param licenses release-wide licences keyed by scope ({@code distribution}, {@code code},
     *                 {@code data}, {@code document}; other keys are kept as found)
     */
    public record Release(String name, String version, String date, String type, String architecture,
                          String treatment, String origin, String producer, String contact, String repository,
                          String huggingface, Map<String, License> licenses, List<Component> components) {
        public Release {
            Objects.requireNonNull(name, "name");
            licenses = Collections.unmodifiableMap(new LinkedHashMap<>(licenses));
            components = List.copyOf(components);
        }

        public static Builder builder(String name) {
            return new Builder(name);
        }
    }

    /** Fills a {@link Release} field by field; unset fields stay null. */
    public static final class Builder {
        private final String name;
        private String version;
        private String date;
        private String type;
        private String architecture;
        private String treatment;
        private String origin;
        private String producer;
        private String contact;
        private String repository;
        private String huggingface;
        private final Map<String, License> licenses = new LinkedHashMap<>();
        private final List<Component> components = new ArrayList<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        public Builder version(String value) { this.version = value; return this; }

        public Builder date(String value) { this.date = value; return this; }

        public Builder type(String value) { this.type = value; return this; }

        public Builder architecture(String value) { this.architecture = value; return this; }

        public Builder treatment(String value) { this.treatment = value; return this; }

        public Builder origin(String value) { this.origin = value; return this; }

        public Builder producer(String value) { this.producer = value; return this; }

        public Builder contact(String value) { this.contact = value; return this; }

        public Builder repository(String value) { this.repository = value; return this; }

        public Builder huggingface(String value) { this.huggingface = value; return this; }

        /** Sets the release-wide licence for a scope ({@code distribution}, {@code code}, {@code data}, {@code document}). */
        public Builder license(String scope, License license) {
            licenses.put(Objects.requireNonNull(scope, "scope"), Objects.requireNonNull(license, "license"));
            return this;
        }

        public Builder component(Component component) {
            components.add(Objects.requireNonNull(component, "component"));
            return this;
        }

        public Release build() {
            return new Release(name, version, date, type, architecture, treatment, origin, producer, contact,
                    repository, huggingface, licenses, components);
        }
    }
}
