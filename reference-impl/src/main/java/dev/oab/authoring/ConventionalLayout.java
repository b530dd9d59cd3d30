package dev.oab.authoring;

import dev.oab.components.ComponentCatalog;
import dev.oab.components.OabComponent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conventional bundle layout (spec §5): where each component lives when an authoring file does
 * not say. The folders and files are the evidence paths of the component vocabulary
 * ({@code components.json}); a path ending in '/' claims a folder, any other path one file.
 */
public final class ConventionalLayout {

    private ConventionalLayout() {
    }

    /**
     * Components found in {@code files} by the conventional paths: component id → the paths that
     * matched at least one file, in vocabulary order.
     */
    public static Map<String, List<String>> infer(Collection<String> files) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (OabComponent component : ComponentCatalog.bundled().all()) {
            for (String path : component.evidencePaths()) {
                boolean matches = files.stream().anyMatch(f -> path.endsWith("/") ? f.startsWith(path) : f.equals(path));
                if (matches) {
                    result.computeIfAbsent(component.id(), k -> new ArrayList<>()).add(path);
                }
            }
        }
        return result;
    }
}
