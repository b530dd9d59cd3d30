package dev.oab.mof;

import dev.oab.mof.MofClassification.ComponentVerdict;
import dev.oab.mof.MofClassification.LicenseSource;
import dev.oab.mof.MofClassification.Status;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The tool's rules one at a time, on small hand-made documents. Expected percentages are written
 * as the tool computes them, (counted / total) * 100, because the order of operations shows in
 * the last bit (83.33333333333334, not 83.33333333333333).
 */
class MofClassifierTest {

    private static final MofClassifier CLASSIFIER = MofClassifier.standard();

    private static MofDocument.Builder release() {
        return MofDocument.Release.builder("t").producer("p");
    }

    private static MofDocument.Component claim(String name, String license) {
        return new MofDocument.Component(name, null, license, null, null);
    }

    private static MofClassification classify(MofDocument.Builder release) {
        return CLASSIFIER.classify(new MofDocument(MofDocument.Framework.mof10(), release.build()));
    }

    private static ComponentVerdict verdict(MofClassification result, String componentId) {
        return result.components().stream().filter(v -> v.componentId().equals(componentId)).findFirst().orElseThrow();
    }

    @Test
    void licencesResolveFromComponentThenContentTypeThenDistribution() {
        MofClassification result = classify(release()
                .license("distribution", new MofDocument.License("Apache-2.0", null))
                .license("data", new MofDocument.License("CDLA-Permissive-2.0", null))
                .component(claim("Model architecture", null))
                .component(claim("Datasets", null))
                .component(claim("Training code", "MIT"))
                .component(claim("Inference code", "unlicensed"))
                .component(claim("Evaluation code", "")));
        assertEquals(new ComponentVerdict("model-architecture", "Model architecture", "Apache-2.0",
                LicenseSource.DISTRIBUTION, Status.OPEN), verdict(result, "model-architecture"));
        assertEquals(new ComponentVerdict("datasets", "Datasets", "CDLA-Permissive-2.0",
                LicenseSource.CONTENT_TYPE, Status.OPEN), verdict(result, "datasets"));
        assertEquals(LicenseSource.COMPONENT, verdict(result, "training-code").source());
        // "unlicensed" and "" stop the search: the distribution licence does not apply.
        assertEquals(Status.UNLICENSED, verdict(result, "inference-code").status());
        assertEquals(Status.UNLICENSED, verdict(result, "evaluation-code").status());
    }

    @Test
    void anOpenLicenceOfTheWrongTypeStillCounts() {
        MofClassification result = classify(release()
                .component(claim("Model parameters (Final)", "MIT"))
                .component(claim("Model card", "CC-BY-NC-4.0"))
                .component(claim("Data card", "Llama 2 Community License")));
        assertEquals(Status.OPEN_NOT_TYPE_APPROPRIATE, verdict(result, "model-parameters-final").status());
        assertEquals(Status.NOT_OPEN, verdict(result, "model-card").status());
        assertEquals(Status.NOT_OPEN, verdict(result, "data-card").status());
        assertEquals(1.0 / 6 * 100, result.classIIIProgress(), 0.0);
    }

    @Test
    void theToolKeepsOnlyTheLastContentTypeOfALicenceListedTwice() {
        // mof-licenses.json lists CC0-1.0 for data, then for documents; the tool's store keeps the second.
        MofClassification result = classify(release()
                .component(claim("Datasets", "CC0-1.0"))
                .component(claim("Model card", "CC0-1.0")));
        assertEquals(Status.OPEN_NOT_TYPE_APPROPRIATE, verdict(result, "datasets").status());
        assertEquals(Status.OPEN, verdict(result, "model-card").status());
    }

    private static MofDocument.Builder classThreeWithout(String left) {
        MofDocument.Builder release = release().license("distribution", new MofDocument.License("Apache-2.0", null));
        for (String name : List.of("Model architecture", "Model parameters (Final)", "Model card", "Data card",
                "Technical report", "Evaluation results")) {
            if (!name.equals(left)) {
                release.component(claim(name, null));
            }
        }
        return release;
    }

    @Test
    void aResearchPaperStandsInForTheTechnicalReport() {
        assertEquals(0, classify(classThreeWithout("Technical report")).mofClass());
        MofClassification result = classify(classThreeWithout("Technical report").component(claim("Research paper", null)));
        assertEquals(3, result.mofClass());
        assertEquals(100.0, result.classIIIProgress(), 0.0);
        assertEquals(60.0, result.classIIProgress(), 0.0, "paper + 5 Class III components of 10");
        assertEquals(0.0, result.classIProgress(), 0.0, "Class II is not met");
    }

    @Test
    void optionalComponentsNeverCountAndUnknownNamesAreIgnored() {
        MofClassification result = classify(classThreeWithout("Model card")
                .component(claim("Sample model outputs", null))
                .component(claim("Model Card", null)));
        assertEquals(0, result.mofClass());
        assertEquals(5.0 / 6 * 100, result.classIIIProgress(), 0.0);
        assertEquals(List.of("Model Card"), result.ignoredComponentNames());
    }

    @Test
    void lowerClassesShowNoProgressUntilTheHigherOnesAreMet() {
        MofClassification result = classify(classThreeWithout("Data card")
                .component(claim("Training code", null)).component(claim("Inference code", null)));
        assertEquals(0.0, result.classIIProgress(), 0.0);
        assertEquals(0.0, result.classIProgress(), 0.0);
        assertEquals(5.0 / 6 * 100, result.classIIIProgress(), 0.0);
    }
}
