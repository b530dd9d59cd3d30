package dev.oab.evidence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sections a kind of card is expected to have, each with a stable id and the headings that
 * name it. A heading matches by its normalised words: first against exact names, then by key
 * phrases in catalogue order, so specific sections ("training data") are tried before general
 * ones ("training").
 */
final class SectionCatalog {

    /**
     * One section.
     *
     * @param id       stable id used in results and findings
     * @param title    the heading the template uses, for messages
     * @param parent   the id of the enclosing section, or null; a parent counts as present when any child is
     * @param required whether a complete card must have it
     * @param names    normalised headings that name it exactly
     * @param phrases  normalised phrases that name it when they occur in a heading
     */
    record Entry(String id, String title, String parent, boolean required, List<String> names, List<String> phrases) {
    }

    private final List<Entry> entries;
    private final Map<String, Entry> byName = new LinkedHashMap<>();

    private SectionCatalog(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (Entry entry : entries) {
            for (String name : entry.names()) {
                byName.putIfAbsent(name, entry);
            }
        }
    }

    List<Entry> entries() {
        return entries;
    }

    Optional<Entry> match(String heading) {
        String normalized = MarkdownSections.normalize(heading);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        Entry exact = byName.get(normalized);
        if (exact != null) {
            return Optional.of(exact);
        }
        String padded = " " + normalized + " ";
        for (Entry entry : entries) {
            for (String phrase : entry.phrases()) {
                if (padded.contains(" " + phrase + " ")) {
                    return Optional.of(entry);
                }
            }
        }
        return Optional.empty();
    }

    private static final class Builder {
        private final List<Entry> entries = new ArrayList<>();

        Builder section(String id, String title, String parent, boolean required, List<String> names,
                        List<String> phrases) {
            entries.add(new Entry(id, title, parent, required, names, phrases));
            return this;
        }

        SectionCatalog build() {
            return new SectionCatalog(entries);
        }
    }

    /** The Hugging Face model card template (after Mitchell et al., "Model Cards for Model Reporting"). */
    static final SectionCatalog MODEL_CARD = new Builder()
            .section("model-details", "Model Details", null, true,
                    List.of("model details", "model description", "model summary", "model information",
                            "model overview", "overview", "model"),
                    List.of("model details", "model description", "model summary"))
            .section("uses", "Uses", null, true,
                    List.of("uses", "intended uses", "intended use", "direct use", "downstream use",
                            "out of scope use", "intended uses and limitations", "how to use", "usage"),
                    List.of("intended use", "intended uses", "use cases", "out of scope"))
            .section("bias-risks-limitations", "Bias, Risks, and Limitations", null, true,
                    List.of("bias risks and limitations", "risks and limitations", "limitations",
                            "ethical considerations", "caveats and recommendations", "recommendations",
                            "limitations and bias", "limitations and biases", "bias"),
                    List.of("bias", "biases", "risks", "limitations", "ethical"))
            .section("training-data", "Training Data", "training-details", true,
                    List.of("training data", "training dataset", "training datasets", "pretraining data"),
                    List.of("training data", "training dataset", "training corpus", "pretraining data"))
            .section("training-hyperparameters", "Training Hyperparameters", "training-details", true,
                    List.of("training hyperparameters", "hyperparameters"),
                    List.of("hyperparameters", "hyper parameters"))
            .section("training-procedure", "Training Procedure", "training-details", true,
                    List.of("training procedure", "training process", "training regime", "preprocessing"),
                    List.of("training procedure", "training process", "training setup"))
            .section("training-details", "Training Details", null, true,
                    List.of("training details", "training"),
                    List.of("training"))
            .section("testing-data", "Testing Data", "evaluation", true,
                    List.of("testing data", "test data", "evaluation data", "evaluation dataset", "evaluation datasets"),
                    List.of("testing data", "test data", "evaluation data", "evaluation dataset"))
            .section("evaluation-factors", "Factors", "evaluation", true,
                    List.of("factors", "evaluation factors"),
                    List.of())
            .section("evaluation-metrics", "Metrics", "evaluation", true,
                    List.of("metrics", "evaluation metrics"),
                    List.of())
            .section("evaluation-results", "Results", "evaluation", true,
                    List.of("results", "evaluation results"),
                    List.of("results"))
            .section("evaluation", "Evaluation", null, true,
                    List.of("evaluation", "evaluations", "benchmarks", "testing data factors and metrics"),
                    List.of("evaluation", "benchmark", "benchmarks"))
            .section("environmental-impact", "Environmental Impact", null, true,
                    List.of("environmental impact", "carbon emissions", "carbon footprint", "co2 emissions"),
                    List.of("environmental", "carbon", "co2", "emissions"))
            .section("technical-specifications", "Technical Specifications", null, false,
                    List.of("technical specifications", "model architecture and objective", "compute infrastructure",
                            "hardware", "software", "architecture"),
                    List.of("technical specifications", "architecture"))
            .section("getting-started", "How to Get Started with the Model", null, false,
                    List.of("how to get started with the model", "getting started", "quick start", "quickstart"),
                    List.of("get started", "getting started"))
            .section("citation", "Citation", null, true,
                    List.of("citation", "citations", "bibtex", "cite", "how to cite", "citing"),
                    List.of("citation", "bibtex", "cite"))
            .section("glossary", "Glossary", null, false, List.of("glossary"), List.of())
            .section("model-card-authors", "Model Card Authors", null, false,
                    List.of("model card authors", "authors"), List.of("card authors"))
            .section("model-card-contact", "Model Card Contact", null, false,
                    List.of("model card contact", "contact"), List.of("contact"))
            .build();

    /** The Hugging Face dataset card template; subsections fold into their top-level section. */
    static final SectionCatalog DATASET_CARD = new Builder()
            .section("dataset-description", "Dataset Description", null, true,
                    List.of("dataset description", "dataset details", "dataset summary", "description", "summary",
                            "supported tasks and leaderboards", "languages"),
                    List.of("dataset description", "dataset details", "dataset summary"))
            .section("dataset-structure", "Dataset Structure", null, true,
                    List.of("dataset structure", "data structure", "data instances", "data fields", "data splits",
                            "structure"),
                    List.of("structure", "data fields", "data instances", "data splits"))
            .section("dataset-creation", "Dataset Creation", null, true,
                    List.of("dataset creation", "curation rationale", "source data", "annotations",
                            "data collection and processing", "annotation process", "who are the annotators",
                            "who are the source data producers", "personal and sensitive information",
                            "initial data collection and normalization"),
                    List.of("creation", "curation", "source data", "collection", "annotation", "annotations"))
            .section("considerations", "Considerations for Using the Data", null, true,
                    List.of("considerations for using the data", "bias risks and limitations", "considerations",
                            "social impact of dataset", "discussion of biases", "other known limitations",
                            "limitations", "recommendations"),
                    List.of("considerations", "bias", "biases", "risks", "limitations", "social impact"))
            .section("uses", "Uses", null, false,
                    List.of("uses", "direct use", "out of scope use", "intended uses"),
                    List.of("intended use", "out of scope"))
            .section("licensing", "Licensing Information", null, false,
                    List.of("licensing information", "license", "licence", "licensing"),
                    List.of("licensing", "license", "licence"))
            .section("citation", "Citation", null, false,
                    List.of("citation", "citation information", "bibtex", "cite"),
                    List.of("citation", "bibtex"))
            .build();
}
