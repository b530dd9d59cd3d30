package dev.oab.authoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conventional bundle layout (spec §5): where each component lives when an authoring file does
 * not say. A rule ending in '/' claims a folder, any other rule one file. Rules may overlap (the
 * evaluation data is also data); a file may serve several components.
 */
public final class ConventionalLayout {

    /** Rule path → component id, in the order the spec lists them. */
    private static final Map<String, String> RULES = rules(
            "model/", "model-parameters-final",
            "model/intermediate/", "model-parameters-intermediate",
            "code/architecture/", "model-architecture",
            "code/data-preprocessing/", "data-preprocessing-code",
            "code/training/", "training-code",
            "code/inference/", "inference-code",
            "code/evaluation/", "evaluation-code",
            "code/libraries/", "supporting-libraries-and-tools",
            "data/", "datasets",
            "data/evaluation/", "evaluation-data",
            "cards/MODEL_CARD.md", "model-card",
            "cards/DATA_CARD.md", "data-card",
            "cards/croissant.json", "data-card",
            "config/model-metadata.json", "model-metadata",
            "config/hyperparameters.json", "hyperparameters",
            "config/seeds.json", "random-seeds",
            "results/evaluation/", "evaluation-results",
            "results/samples/", "sample-model-outputs",
            "docs/technical-report/", "technical-report",
            "docs/research-paper/", "research-paper",
            "env/", "software-environment",
            "LICENSES/", "licenses");

    private ConventionalLayout() {
    }

    /** The conventional rules, rule path → component id. */
    public static Map<String, String> rules() {
        return RULES;
    }

    /**
     * Components found in {@code files} by the conventional rules: component id → the rule paths
     * that matched at least one file, in rule order.
     */
    public static Map<String, List<String>> infer(Collection<String> files) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        RULES.forEach((rule, id) -> {
            boolean matches = files.stream().anyMatch(f -> rule.endsWith("/") ? f.startsWith(rule) : f.equals(rule));
            if (matches) {
                result.computeIfAbsent(id, k -> new ArrayList<>()).add(rule);
            }
        });
        return result;
    }

    private static Map<String, String> rules(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
