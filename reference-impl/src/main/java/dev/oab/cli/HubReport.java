package dev.oab.cli;

import dev.oab.authoring.AuthoringFile;
import dev.oab.authoring.HubInference;
import dev.oab.authoring.HuggingFaceLayout;
import dev.oab.components.ComponentCatalog;
import dev.oab.components.OabComponent;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** What {@code oab pack --dry-run} shows of a Hugging Face model directory before any byte is written. */
final class HubReport {

    private HubReport() {
    }

    /**
     * Prints the inference when {@code source} has no authoring file and looks like a Hub
     * repository (its errors too: the plan that follows then fails with them).
     */
    static void printIfInferred(Path source, PrintWriter out) throws Exception {
        if (AuthoringFile.locate(source).isEmpty() && HuggingFaceLayout.looksLikeHub(source)) {
            print(HuggingFaceLayout.infer(source), out);
        }
    }

    static void print(HubInference inf, PrintWriter out) throws IOException {
        out.println("Hugging Face model directory, no authoring file: components inferred (spec/ecosystem.md)");
        out.printf("  %-10s %s%n", "name", inf.name());
        out.printf("  %-10s %s%n", "version", inf.version());
        out.printf("  %-10s %s%n", "producer", inf.producer().name());
        out.printf("  %-10s %s%n", "licence", inf.license().map(l -> l + " (card: " + inf.hubLicense() + ")")
                .orElse("none (card: " + (inf.hubLicense().isEmpty() ? "no license" : inf.hubLicense()) + ")"));
        out.println("component map:");
        inf.components().forEach((id, paths) -> {
            out.printf("  %s%n", id);
            paths.forEach(p -> out.printf("    %s%n", p));
        });
        if (!inf.unassigned().isEmpty()) {
            out.println("in no component (packed all the same):");
            inf.unassigned().forEach(p -> out.printf("    %s%n", p));
        }
        if (!inf.baseModels().isEmpty()) {
            out.println("lineage (annotation " + HuggingFaceLayout.ANNOTATION_BASE_MODEL + "):");
            inf.baseModels().forEach(b -> out.printf("    base model %s%n", b));
        }
        if (!inf.datasets().isEmpty()) {
            out.println("unpinned datasets (no size or digest: annotation " + HuggingFaceLayout.ANNOTATION_DATASETS
                    + ", not the datasets component):");
            inf.datasets().forEach(d -> out.printf("    %s%n", d));
        }
        List<String> missing = ComponentCatalog.bundled().all().stream().map(OabComponent::id)
                .filter(id -> !inf.components().containsKey(id)).toList();
        if (!missing.isEmpty()) {
            out.println("missing components:");
            missing.forEach(id -> out.printf("    %s%n", id));
        }
        if (!inf.warnings().isEmpty()) {
            out.println("warnings:");
            inf.warnings().forEach(w -> out.printf("    %s%n", w));
        }
        if (!inf.errors().isEmpty()) {
            out.println("errors (nothing can be packed until they are fixed):");
            inf.errors().forEach(e -> out.printf("    %s%n", e));
        }
        out.flush();
    }
}
