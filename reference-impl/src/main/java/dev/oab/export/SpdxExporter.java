package dev.oab.export;

import dev.oab.bundle.BundleReader;
import dev.oab.bundle.Manifest;
import org.spdx.core.InvalidSPDXAnalysisException;
import org.spdx.library.ModelCopyManager;
import org.spdx.library.SpdxModelFactory;
import org.spdx.library.model.v3_0_1.SpdxModelClassFactoryV3;
import org.spdx.library.model.v3_0_1.ai.AIPackage;
import org.spdx.library.model.v3_0_1.core.CreationInfo;
import org.spdx.library.model.v3_0_1.core.DictionaryEntry;
import org.spdx.library.model.v3_0_1.core.Element;
import org.spdx.library.model.v3_0_1.core.Hash;
import org.spdx.library.model.v3_0_1.core.HashAlgorithm;
import org.spdx.library.model.v3_0_1.core.Organization;
import org.spdx.library.model.v3_0_1.core.ProfileIdentifierType;
import org.spdx.library.model.v3_0_1.core.RelationshipCompleteness;
import org.spdx.library.model.v3_0_1.core.RelationshipType;
import org.spdx.library.model.v3_0_1.core.SpdxDocument;
import org.spdx.library.model.v3_0_1.dataset.DatasetPackage;
import org.spdx.library.model.v3_0_1.dataset.DatasetType;
import org.spdx.library.model.v3_0_1.simplelicensing.LicenseExpression;
import org.spdx.library.model.v3_0_1.software.SoftwarePurpose;
import org.spdx.library.model.v3_0_1.software.SpdxFile;
import org.spdx.library.model.v3_0_1.software.SpdxPackage;
import org.spdx.storage.simple.InMemSpdxStore;
import org.spdx.v3jsonldstore.JsonLDStore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes an SPDX 3.0.1 JSON-LD document of a bundle with java-spdx-library and its JSON-LD store:
 * an {@code AIPackage} for the model (hyperparameters, metrics, limitations, training and
 * application information where the card states them), a {@code DatasetPackage} per dataset file
 * or external reference, a {@code File} with SHA-256 for every file, and the relationships
 * {@code contains}, {@code trainedOn}, {@code testedOn}, {@code hasDeclaredLicense},
 * {@code hasDocumentation} and {@code descendantOf}. The same bundle always gives the same bytes
 * (spec/ecosystem.md §3.3).
 */
public final class SpdxExporter {

    /** The creation time written when the bundle records none: the time its ZIP entries carry. */
    static final String NO_CREATION_TIME = "1980-01-01T00:00:00Z";

    private static final Set<String> DOCUMENTATION = Set.of("model-card", "data-card", "technical-report",
            "research-paper", "evaluation-results", "sample-model-outputs");
    private static final Set<String> SOURCE = Set.of("model-architecture", "training-code", "inference-code",
            "evaluation-code", "data-preprocessing-code", "supporting-libraries-and-tools");
    private static final Set<String> CONFIGURATION = Set.of("hyperparameters", "random-seeds", "model-metadata",
            "software-environment");

    static {
        // Never reach for the network: the licence list the library ships is enough, and the
        // document names licences by expression only.
        System.setProperty("SPDXParser.OnlyUseLocalLicenses", "true");
        SpdxModelFactory.init();
    }

    private SpdxExporter() {
    }

    /** The SPDX 3.0.1 JSON-LD document of the bundle open in {@code reader}, UTF-8 with a final newline. */
    public static byte[] export(BundleReader reader) throws IOException {
        BundleFacts facts = BundleFacts.of(reader);
        try {
            return write(facts);
        } catch (InvalidSPDXAnalysisException e) {
            throw new IllegalStateException("java-spdx-library cannot write the document it was given: "
                    + e.getMessage(), e);
        }
    }

    private static byte[] write(BundleFacts facts) throws InvalidSPDXAnalysisException, IOException {
        Manifest m = facts.manifest;
        String prefix = "urn:uuid:" + facts.documentUuid("spdx") + "#";
        String created = m.created().map(SpdxExporter::time).orElse(NO_CREATION_TIME);

        JsonLDStore store = new JsonLDStore(new InMemSpdxStore(), true);
        ModelCopyManager copies = new ModelCopyManager();
        CreationInfo info = SpdxModelClassFactoryV3.createCreationInfo(store, prefix + "agent-oab", "oab", copies);
        info.setCreated(created);

        Organization producer = info.createOrganization(prefix + "agent-producer")
                .setCreationInfo(info).setName(m.producer().name()).build();
        m.producer().url().ifPresent(u -> {
            try {
                producer.getExternalIdentifiers().add(producer.createExternalIdentifier(prefix + "producer-url")
                        .setExternalIdentifierType(org.spdx.library.model.v3_0_1.core.ExternalIdentifierType.URL_SCHEME)
                        .setIdentifier(u).build());
            } catch (InvalidSPDXAnalysisException e) {
                throw new IllegalStateException(e);
            }
        });

        List<Element> elements = new ArrayList<>();
        elements.add(producer);
        Map<String, LicenseExpression> licences = new LinkedHashMap<>();

        // The files.
        Map<String, SpdxFile> files = new LinkedHashMap<>();
        for (Manifest.FileEntry f : m.files()) {
            var builder = info.createSpdxFile(prefix + "file-" + encode(f.path()))
                    .setCreationInfo(info)
                    .setName(f.path())
                    .setContentType(f.mediaType())
                    .addVerifiedUsing(sha256(info, f.sha256()));
            SoftwarePurpose purpose = purpose(facts.componentsOf(f.path()));
            if (purpose != null) {
                builder.setPrimaryPurpose(purpose);
            }
            SpdxFile file = builder.build();
            files.put(f.path(), file);
            elements.add(file);
        }

        // The model.
        var model = info.createAIPackage(prefix + "model")
                .setCreationInfo(info)
                .setName(m.name())
                .setPackageVersion(m.version())
                .setSuppliedBy(producer)
                .setPrimaryPurpose(SoftwarePurpose.MODEL)
                .setReleaseTime(created);
        m.description().ifPresent(model::setDescription);
        for (Map.Entry<String, String> h : facts.hyperparameters.entrySet()) {
            model.addHyperparameter(entry(info, h.getKey(), h.getValue()));
        }
        for (BundleFacts.Metric metric : facts.metrics) {
            model.addMetric(entry(info, metric.type(), metric.value()));
        }
        facts.modelArchitecture.ifPresent(model::addTypeOfModel);
        facts.architectureFamily.ifPresent(model::addTypeOfModel);
        facts.task.ifPresent(model::addDomain);
        String limitation = facts.cardSections.get("bias-risks-limitations");
        if (limitation != null) {
            model.setLimitation(limitation);
        }
        String training = facts.cardSections.get("training-details");
        if (training != null) {
            model.setInformationAboutTraining(training);
        }
        String uses = facts.cardSections.get("uses");
        if (uses != null) {
            model.setInformationAboutApplication(uses);
        }
        AIPackage ai = model.build();
        elements.add(ai);

        List<Element> contained = new ArrayList<>(files.values());
        relate(info, prefix + "rel-model-contains", ai, RelationshipType.CONTAINS, contained, elements);
        licence(info, prefix, ai, facts.modelLicense(), licences, elements);

        // Documentation: the cards and reports.
        List<Element> docs = new ArrayList<>();
        for (Manifest.FileEntry f : m.files()) {
            if (facts.componentsOf(f.path()).stream().anyMatch(DOCUMENTATION::contains)) {
                docs.add(files.get(f.path()));
            }
        }
        relate(info, prefix + "rel-model-documentation", ai, RelationshipType.HAS_DOCUMENTATION, docs, elements);

        // The datasets.
        List<Element> trainedOn = new ArrayList<>();
        List<Element> testedOn = new ArrayList<>();
        int index = 0;
        for (BundleFacts.Dataset d : facts.datasets) {
            String id = prefix + "dataset-" + index++;
            var builder = info.createDatasetPackage(id)
                    .setCreationInfo(info)
                    .setName(d.name())
                    .setSuppliedBy(producer)
                    .setPrimaryPurpose(SoftwarePurpose.DATA)
                    .addDatasetType(DatasetType.NO_ASSERTION)
                    .setReleaseTime(created);
            if (d.file().isPresent()) {
                builder.setDownloadLocation(d.file().get().path())
                        .addVerifiedUsing(sha256(info, d.file().get().sha256()))
                        .setComment("in the bundle, component " + d.componentId());
            } else {
                builder.setDownloadLocation(d.external().orElseThrow().url())
                        .addVerifiedUsing(sha256(info, d.external().get().sha256()))
                        .setComment("outside the bundle (" + d.external().get().size() + " bytes), component "
                                + d.componentId());
            }
            DatasetPackage dataset = builder.build();
            elements.add(dataset);
            (d.testing() ? testedOn : trainedOn).add(dataset);
            licence(info, prefix, dataset, d.license(), licences, elements);
            d.file().ifPresent(f -> {
                try {
                    relate(info, id + "-contains", dataset, RelationshipType.CONTAINS, List.of(files.get(f.path())),
                            elements);
                } catch (InvalidSPDXAnalysisException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        relate(info, prefix + "rel-model-trained-on", ai, RelationshipType.TRAINED_ON, trainedOn, elements);
        relate(info, prefix + "rel-model-tested-on", ai, RelationshipType.TESTED_ON, testedOn, elements);

        // Lineage: the base models the card names.
        List<Element> bases = new ArrayList<>();
        for (String base : facts.baseModels) {
            bases.add(info.createSpdxPackage(prefix + "base-model-" + encode(base))
                    .setCreationInfo(info)
                    .setName(base)
                    .setPrimaryPurpose(SoftwarePurpose.MODEL)
                    .setDownloadLocation("https://huggingface.co/" + base)
                    .build());
        }
        elements.addAll(bases);
        relate(info, prefix + "rel-model-descendant-of", ai, RelationshipType.DESCENDANT_OF, bases, elements);

        // Each file's licence.
        for (Manifest.FileEntry f : m.files()) {
            licence(info, prefix, files.get(f.path()), facts.licenseOf(f.path()), licences, elements);
        }

        SpdxDocument document = info.createSpdxDocument(prefix + "document")
                .setCreationInfo(info)
                .setName(m.name() + " " + m.version())
                .setComment("Written by oab export spdx from the bundle whose oab.json has SHA-256 "
                        + facts.manifestSha256)
                .addRootElement(ai)
                .addAllElement(elements)
                .addProfileConformance(ProfileIdentifierType.CORE)
                .addProfileConformance(ProfileIdentifierType.SOFTWARE)
                .addProfileConformance(ProfileIdentifierType.AI)
                .addProfileConformance(ProfileIdentifierType.DATASET)
                .addProfileConformance(ProfileIdentifierType.SIMPLE_LICENSING)
                .build();
        List<String> problems = document.verify();
        if (!problems.isEmpty()) {
            throw new InvalidSPDXAnalysisException("the document does not verify: " + String.join("; ", problems));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.serialize(out);
        String text = out.toString(StandardCharsets.UTF_8).strip() + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void licence(CreationInfo info, String prefix, Element from, String expression,
                                Map<String, LicenseExpression> licences, List<Element> elements)
            throws InvalidSPDXAnalysisException {
        LicenseExpression licence = licences.get(expression);
        if (licence == null) {
            licence = info.createLicenseExpression(prefix + "licence-" + encode(expression))
                    .setCreationInfo(info)
                    .setLicenseExpression(expression)
                    .build();
            licences.put(expression, licence);
            elements.add(licence);
        }
        String id = from.getObjectUri().substring(prefix.length());
        relate(info, prefix + "rel-" + id + "-licence", from, RelationshipType.HAS_DECLARED_LICENSE, List.of(licence),
                elements);
    }

    private static void relate(CreationInfo info, String id, Element from, RelationshipType type, List<Element> to,
                               List<Element> elements) throws InvalidSPDXAnalysisException {
        if (to.isEmpty()) {
            return;
        }
        elements.add(info.createRelationship(id)
                .setCreationInfo(info)
                .setFrom(from)
                .addAllTo(to)
                .setRelationshipType(type)
                .setCompleteness(RelationshipCompleteness.COMPLETE)
                .build());
    }

    private static Hash sha256(CreationInfo info, String hex) throws InvalidSPDXAnalysisException {
        return info.createHash(info.getModelStore().getNextId(org.spdx.storage.IModelStore.IdType.Anonymous))
                .setAlgorithm(HashAlgorithm.SHA256).setHashValue(hex).build();
    }

    private static DictionaryEntry entry(CreationInfo info, String key, String value)
            throws InvalidSPDXAnalysisException {
        return info.createDictionaryEntry(info.getModelStore().getNextId(org.spdx.storage.IModelStore.IdType.Anonymous))
                .setKey(key).setValue(value).build();
    }

    private static SoftwarePurpose purpose(List<String> components) {
        if (components.contains("model-parameters-final") || components.contains("model-parameters-intermediate")) {
            return SoftwarePurpose.MODEL;
        }
        if (components.contains("datasets") || components.contains("evaluation-data")) {
            return SoftwarePurpose.DATA;
        }
        if (components.stream().anyMatch(DOCUMENTATION::contains)) {
            return SoftwarePurpose.DOCUMENTATION;
        }
        if (components.stream().anyMatch(SOURCE::contains)) {
            return SoftwarePurpose.SOURCE;
        }
        if (components.stream().anyMatch(CONFIGURATION::contains)) {
            return SoftwarePurpose.CONFIGURATION;
        }
        return null;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
}
