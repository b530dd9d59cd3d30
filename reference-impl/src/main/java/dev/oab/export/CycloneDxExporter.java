package dev.oab.export;

import dev.oab.bundle.BundleReader;
import dev.oab.bundle.Manifest;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.ExternalReference;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.OrganizationalEntity;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.component.ModelCard;
import org.cyclonedx.model.component.data.ComponentData;
import org.cyclonedx.model.component.data.Content;
import org.cyclonedx.model.component.data.DatasetChoice;
import org.cyclonedx.model.component.modelCard.Considerations;
import org.cyclonedx.model.component.modelCard.ModelParameters;
import org.cyclonedx.model.component.modelCard.PerformanceMetric;
import org.cyclonedx.model.component.modelCard.QuantitativeAnalysis;
import org.cyclonedx.model.license.Expression;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

/**
 * Writes a CycloneDX 1.6 ML-BOM of a bundle with cyclonedx-core-java: the bundle as the metadata
 * component, the model as a {@code machine-learning-model} component with its model card, a
 * {@code data} component per dataset file or external reference, a {@code file} component with
 * SHA-256 for every file, licences as SPDX expressions and the signatures as external references.
 * The same bundle always gives the same bytes (spec/ecosystem.md §3.2).
 */
public final class CycloneDxExporter {

    /** The CycloneDX version written. */
    public static final Version VERSION = Version.VERSION_16;

    private CycloneDxExporter() {
    }

    /** The BOM of the bundle open in {@code reader}, as UTF-8 JSON ending with a newline. */
    public static byte[] export(BundleReader reader) throws IOException {
        BundleFacts facts = BundleFacts.of(reader);
        Bom bom = bom(facts);
        try {
            String json = BomGeneratorFactory.createJson(VERSION, bom).toJsonString(true);
            return (json.strip() + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (GeneratorException e) {
            throw new IllegalStateException("cyclonedx-core-java cannot write the BOM it was given", e);
        }
    }

    static Bom bom(BundleFacts facts) {
        Manifest m = facts.manifest;
        Bom bom = new Bom();
        bom.setSerialNumber("urn:uuid:" + facts.documentUuid("cyclonedx"));
        bom.setVersion(1);

        Metadata metadata = new Metadata();
        // Metadata starts with the clock's time; the BOM carries the bundle's or none.
        metadata.setTimestamp(m.created().map(Date::from).orElse(null));
        Component bundle = new Component();
        bundle.setType(Component.Type.FILE);
        bundle.setBomRef("bundle");
        bundle.setName(m.name());
        bundle.setVersion(m.version());
        bundle.setMimeType("application/vnd.oab+zip");
        m.description().ifPresent(bundle::setDescription);
        bundle.setLicenses(license(m.license()));
        OrganizationalEntity producer = new OrganizationalEntity();
        producer.setName(m.producer().name());
        m.producer().url().ifPresent(u -> producer.setUrls(List.of(u)));
        bundle.setSupplier(producer);
        List<Property> bundleProps = new ArrayList<>();
        bundleProps.add(new Property("oab:format-version", m.formatVersion()));
        bundleProps.add(new Property("oab:manifest-sha256", facts.manifestSha256));
        m.supersedes().ifPresent(s -> bundleProps.add(new Property("oab:supersedes",
                s.name() + "@" + s.version() + " sha256:" + s.sha256())));
        m.annotations().forEach((k, v) -> bundleProps.add(new Property("oab:annotation:" + k, v)));
        bundle.setProperties(bundleProps);
        for (BundleFacts.Signature s : facts.signatures) {
            ExternalReference ref = new ExternalReference();
            ref.setType(ExternalReference.Type.DIGITAL_SIGNATURE);
            ref.setUrl(s.path());
            ref.setComment("OpenSSF Model Signing v1.0 signature embedded in the bundle; it covers every file, "
                    + "oab.json included");
            ref.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, s.sha256())));
            bundle.addExternalReference(ref);
        }
        metadata.setComponent(bundle);
        bom.setMetadata(metadata);

        List<Component> components = new ArrayList<>();
        components.add(model(facts));
        for (BundleFacts.Dataset d : facts.datasets) {
            components.add(data(d));
        }
        for (Manifest.FileEntry f : m.files()) {
            Component file = new Component();
            file.setType(Component.Type.FILE);
            file.setBomRef("file:" + f.path());
            file.setName(f.path());
            file.setMimeType(f.mediaType());
            file.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, f.sha256())));
            file.setLicenses(license(facts.licenseOf(f.path())));
            List<Property> props = new ArrayList<>();
            props.add(new Property("oab:size", Long.toString(f.size())));
            facts.componentsOf(f.path()).forEach(id -> props.add(new Property("oab:component", id)));
            file.setProperties(props);
            components.add(file);
        }
        components.sort(Comparator.comparing(Component::getBomRef));
        bom.setComponents(components);

        List<Dependency> dependencies = new ArrayList<>();
        Dependency root = new Dependency("bundle");
        components.forEach(c -> root.addDependency(new Dependency(c.getBomRef())));
        dependencies.add(root);
        bom.setDependencies(dependencies);
        return bom;
    }

    private static Component model(BundleFacts facts) {
        Manifest m = facts.manifest;
        Component model = new Component();
        model.setType(Component.Type.MACHINE_LEARNING_MODEL);
        model.setBomRef("model:" + m.name());
        model.setName(m.name());
        model.setVersion(m.version());
        model.setLicenses(license(facts.modelLicense()));
        List<Property> modelProps = new ArrayList<>();
        facts.parameterCount.ifPresent(n -> modelProps.add(new Property("oab:parameter-count", Long.toString(n))));
        facts.weightDtypes.forEach(d -> modelProps.add(new Property("oab:weight-dtype", d)));
        facts.baseModels.forEach(b -> modelProps.add(new Property("oab:base-model", b)));
        if (!modelProps.isEmpty()) {
            model.setProperties(modelProps);
        }
        facts.modelCardPath.ifPresent(p -> {
            ExternalReference card = new ExternalReference();
            // cyclonedx-core-java 12.2.0 writes MODEL_CARD as "model_card", which the 1.6 schema rejects
            // ("model-card"); "documentation" is valid and says the same with the comment.
            card.setType(ExternalReference.Type.DOCUMENTATION);
            card.setUrl(p);
            card.setComment("model card, inside the bundle");
            m.file(p).ifPresent(f -> card.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, f.sha256()))));
            model.addExternalReference(card);
        });

        ModelCard card = new ModelCard();
        card.setBomRef("model-card:" + m.name());
        ModelParameters parameters = new ModelParameters();
        facts.task.ifPresent(parameters::setTask);
        facts.architectureFamily.ifPresent(parameters::setArchitectureFamily);
        facts.modelArchitecture.ifPresent(parameters::setModelArchitecture);
        List<DatasetChoice> datasets = new ArrayList<>();
        for (BundleFacts.Dataset d : facts.datasets) {
            DatasetChoice choice = new DatasetChoice();
            choice.setRef(d.ref());
            datasets.add(choice);
        }
        if (!datasets.isEmpty()) {
            parameters.setDatasets(datasets);
        }
        card.setModelParameters(parameters);

        if (!facts.metrics.isEmpty()) {
            QuantitativeAnalysis analysis = new QuantitativeAnalysis();
            List<PerformanceMetric> metrics = new ArrayList<>();
            for (BundleFacts.Metric metric : facts.metrics) {
                PerformanceMetric pm = new PerformanceMetric();
                pm.setType(metric.type());
                pm.setValue(metric.value());
                pm.setSlice(metric.source());
                metrics.add(pm);
            }
            analysis.setPerformanceMetrics(metrics);
            card.setQuantitativeAnalysis(analysis);
        }

        String limitations = facts.cardSections.get("bias-risks-limitations");
        String uses = facts.cardSections.get("uses");
        if (limitations != null || uses != null) {
            Considerations considerations = new Considerations();
            if (limitations != null) {
                considerations.setTechnicalLimitations(List.of(limitations));
            }
            if (uses != null) {
                considerations.setUseCases(List.of(uses));
            }
            card.setConsiderations(considerations);
        }
        List<Property> cardProps = new ArrayList<>();
        facts.hyperparameters.forEach((k, v) -> cardProps.add(new Property("oab:hyperparameter:" + k, v)));
        if (!cardProps.isEmpty()) {
            card.setProperties(cardProps);
        }
        model.setModelCard(card);
        return model;
    }

    private static Component data(BundleFacts.Dataset d) {
        Component c = new Component();
        c.setType(Component.Type.DATA);
        c.setBomRef(d.ref());
        c.setName(d.name());
        c.setLicenses(license(d.license()));
        ComponentData data = new ComponentData();
        data.setType(ComponentData.ComponentDataType.DATASET);
        data.setName(d.name());
        Content contents = new Content();
        contents.setUrl(d.name());
        data.setContents(contents);
        data.setDescription((d.testing() ? "evaluation data" : "training data") + " (OAB component "
                + d.componentId() + ")" + (d.external().isPresent() ? ", outside the bundle" : ""));
        c.setData(List.of(data));
        if (d.file().isPresent()) {
            Manifest.FileEntry f = d.file().get();
            c.setMimeType(f.mediaType());
            c.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, f.sha256())));
            c.setProperties(List.of(new Property("oab:size", Long.toString(f.size()))));
        } else {
            Manifest.ExternalReference r = d.external().orElseThrow();
            ExternalReference ref = new ExternalReference();
            ref.setType(ExternalReference.Type.DISTRIBUTION);
            ref.setUrl(r.url());
            ref.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, r.sha256())));
            c.addExternalReference(ref);
            c.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, r.sha256())));
            c.setProperties(List.of(new Property("oab:size", Long.toString(r.size()))));
        }
        return c;
    }

    private static LicenseChoice license(String expression) {
        LicenseChoice choice = new LicenseChoice();
        choice.setExpression(new Expression(expression));
        return choice;
    }
}
