package dev.oab.authoring;

import dev.oab.bundle.Manifest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link HuggingFaceLayout} inferred from a Hugging Face model directory: the bundle's
 * identity, the component map, the lineage the card states and everything that stops or weakens
 * a pack. Immutable.
 *
 * @param name        bundle name (the directory's name)
 * @param version     the card's {@code version}, or {@value HuggingFaceLayout#UNVERSIONED}
 * @param producer    the card's {@code model_creator}, or {@value HuggingFaceLayout#UNKNOWN_PRODUCER}
 * @param license     the SPDX expression the card's licence maps to, when it maps to one
 * @param hubLicense  the card's licence as written ("" when absent)
 * @param components  component id → the files that hold it, in vocabulary order
 * @param unassigned  files that are packed but belong to no component
 * @param datasets    the card's {@code datasets}: Hub dataset ids, unpinned (no size, no digest)
 * @param baseModels  the card's {@code base_model}: Hub model ids this model derives from
 * @param annotations what the manifest records of the above
 * @param errors      what stops the pack, each saying what to do
 * @param warnings    what packs but should be fixed (pickle weights, no version, ...)
 */
public record HubInference(String name, String version, Manifest.Producer producer, Optional<String> license,
                           String hubLicense, Map<String, List<String>> components, List<String> unassigned,
                           List<String> datasets, List<String> baseModels, Map<String, String> annotations,
                           List<String> errors, List<String> warnings) {

    public HubInference {
        LinkedHashMap<String, List<String>> copy = new LinkedHashMap<>();
        components.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        components = Collections.unmodifiableMap(copy);
        unassigned = List.copyOf(unassigned);
        datasets = List.copyOf(datasets);
        baseModels = List.copyOf(baseModels);
        annotations = Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** True when nothing stops the pack. */
    public boolean packable() {
        return errors.isEmpty();
    }

    /**
     * The authoring file this inference stands for: every component under the card's licence,
     * listed by its files.
     *
     * @throws AuthoringException naming every error, when the directory cannot be packed as it is
     */
    public AuthoringFile toAuthoring() throws AuthoringException {
        if (!packable()) {
            throw new AuthoringException("cannot pack this Hugging Face model directory as it is:\n  - "
                    + String.join("\n  - ", errors)
                    + "\n(oab pack --dry-run DIR shows the whole inference; an oab.yaml overrides it)");
        }
        Map<String, AuthoringFile.ComponentSpec> specs = new LinkedHashMap<>();
        components.forEach((id, paths) ->
                specs.put(id, new AuthoringFile.ComponentSpec(paths, Optional.empty(), List.of())));
        return new AuthoringFile(name, version, producer, license.orElseThrow(), Optional.empty(), Optional.empty(),
                specs, List.of(".cache"), false, annotations);
    }
}
