package dev.oab.mof;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A starting point for an OAB authoring file ({@code oab.yaml}) made from a release's MOF claims:
 * what the release says it contains, at OAB's conventional paths, with SPDX licences. The notes
 * say what the import could not decide and what the producer must check before packing.
 *
 * @param name       release name
 * @param version    release version, or null when the source has none
 * @param producer   producer, or null
 * @param license    distribution licence as an SPDX expression, or null when there is none
 * @param components component id to its entry, in vocabulary order
 * @param notes      one line each, for the person who completes the file
 */
public record OabAuthoringSkeleton(String name, String version, String producer, String license,
                                   Map<String, ComponentEntry> components, List<String> notes) {

    public OabAuthoringSkeleton {
        Objects.requireNonNull(name, "name");
        components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
        notes = List.copyOf(notes);
    }

    /**
     * One component.
     *
     * @param paths   where the files go in the bundle
     * @param license SPDX licence expression, or null when the producer must still choose one
     */
    public record ComponentEntry(List<String> paths, String license) {
        public ComponentEntry {
            paths = List.copyOf(paths);
        }
    }

    /** The skeleton as YAML, its notes as comments at the top. */
    public byte[] toYaml() {
        StringBuilder out = new StringBuilder();
        for (String note : notes) {
            // A note is one comment line; a newline inside would end the comment and inject YAML.
            out.append("# ").append(note.replace('\r', ' ').replace('\n', ' ')).append('\n');
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("name", name);
        if (version != null) {
            root.put("version", version);
        }
        if (producer != null) {
            root.put("producer", producer);
        }
        if (license != null) {
            root.put("license", license);
        }
        ObjectNode entries = root.putObject("components");
        for (Map.Entry<String, ComponentEntry> component : components.entrySet()) {
            ObjectNode entry = entries.putObject(component.getKey());
            component.getValue().paths().forEach(entry.putArray("paths")::add);
            if (component.getValue().license() != null) {
                entry.put("license", component.getValue().license());
            }
        }
        try {
            out.append(MofWriter.YAML.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a tree of strings as YAML", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
