package dev.oab.export;

import dev.oab.authoring.HubFixtures;
import dev.oab.bundle.BundleReader;
import dev.oab.bundle.BundleWriter;
import dev.oab.evidence.CardKind;
import dev.oab.evidence.CardReport;
import dev.oab.evidence.DataCards;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spdx.library.model.v3_0_1.ai.AIPackage;
import org.spdx.library.model.v3_0_1.core.DictionaryEntry;
import org.spdx.library.model.v3_0_1.core.Element;
import org.spdx.library.model.v3_0_1.core.Relationship;
import org.spdx.library.model.v3_0_1.core.RelationshipType;
import org.spdx.library.model.v3_0_1.core.SpdxDocument;
import org.spdx.library.model.v3_0_1.dataset.DatasetPackage;
import org.spdx.library.model.v3_0_1.software.SpdxFile;
import org.spdx.storage.simple.InMemSpdxStore;
import org.spdx.v3jsonldstore.JsonLDStore;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExportersTest {

    @TempDir
    static Path tmp;

    static Path example;
    static Path hub;

    @BeforeAll
    static void pack() throws Exception {
        example = tmp.resolve("tiny-model.oab");
        BundleWriter.builder().timestamp(ExportGoldenTest.CREATED).build().pack(ExportGoldenTest.example(), example);
        Path dir = HubFixtures.write(tmp.resolve("tiny-hub-model"), HubFixtures.sharded());
        hub = tmp.resolve("tiny-hub-model.oab");
        BundleWriter.builder().timestamp(Instant.parse("2026-02-01T12:00:00Z")).build().pack(dir, hub);
    }

    static byte[] export(Path bundle, String format) throws Exception {
        try (BundleReader reader = BundleReader.open(bundle)) {
            return switch (format) {
                case "cyclonedx" -> CycloneDxExporter.export(reader);
                case "spdx" -> SpdxExporter.export(reader);
                default -> CroissantExporter.export(reader);
            };
        }
    }

    @Test
    void cycloneDxIsValidAgainstTheSchemaAndParsesBack() throws Exception {
        for (Path bundle : List.of(example, hub)) {
            byte[] bom = export(bundle, "cyclonedx");
            JsonParser parser = new JsonParser();
            List<ParseException> problems = parser.validate(bom, Version.VERSION_16);
            assertEquals(List.of(), problems, () -> bundle + ": " + problems);
            Bom parsed = parser.parse(bom);
            assertEquals("1.6", parsed.getSpecVersion());
            assertArrayEquals(bom, export(bundle, "cyclonedx"), "same bundle, same bytes");
        }
    }

    @Test
    void signaturesBecomeDigitalSignatureReferences() throws Exception {
        Path signed = tmp.resolve("signed.oab");
        java.security.KeyPair keys = dev.oab.signing.PemKeys.generate(dev.oab.signing.EcCurve.P256);
        BundleWriter.builder().timestamp(ExportGoldenTest.CREATED)
                .signWith(dev.oab.signing.ModelSigner.withKey(keys.getPrivate()), "producer").build()
                .pack(ExportGoldenTest.example(), signed);
        byte[] bytes = export(signed, "cyclonedx");
        assertEquals(List.of(), new JsonParser().validate(bytes, Version.VERSION_16));
        Bom bom = new JsonParser().parse(bytes);
        var refs = bom.getMetadata().getComponent().getExternalReferences();
        assertEquals(1, refs.size());
        assertEquals(org.cyclonedx.model.ExternalReference.Type.DIGITAL_SIGNATURE, refs.get(0).getType());
        assertEquals(".oab/signatures/producer.sig", refs.get(0).getUrl());
        assertEquals(64, refs.get(0).getHashes().get(0).getValue().length());
    }

    @Test
    void cycloneDxDescribesTheModelDataFilesAndLicences() throws Exception {
        Bom bom = new JsonParser().parse(export(example, "cyclonedx"));
        assertEquals("tiny-model", bom.getMetadata().getComponent().getName());
        assertEquals("Apache-2.0", bom.getMetadata().getComponent().getLicenses().getExpression().getValue());
        Component model = bom.getComponents().stream()
                .filter(c -> c.getType() == Component.Type.MACHINE_LEARNING_MODEL).findFirst().orElseThrow();
        assertEquals("accuracy", model.getModelCard().getQuantitativeAnalysis().getPerformanceMetrics().get(0).getType());
        assertEquals("0.99", model.getModelCard().getQuantitativeAnalysis().getPerformanceMetrics().get(0).getValue());
        assertTrue(model.getModelCard().getConsiderations().getTechnicalLimitations().get(0)
                .startsWith("The data is synthetic and noise-free"));
        Map<String, String> hyper = model.getModelCard().getProperties().stream()
                .collect(Collectors.toMap(p -> p.getName(), p -> p.getValue(), (a, b) -> a, TreeMap::new));
        assertEquals("0.1", hyper.get("oab:hyperparameter:learning_rate"));
        assertEquals("30", hyper.get("oab:hyperparameter:epochs"));
        assertEquals("data:data/training/points.csv",
                model.getModelCard().getModelParameters().getDatasets().get(0).getRef());
        Component data = bom.getComponents().stream()
                .filter(c -> c.getBomRef().equals("data:data/training/points.csv")).findFirst().orElseThrow();
        assertEquals("CC0-1.0", data.getLicenses().getExpression().getValue());
        assertEquals("e02f61007ce5a00c8467b2ef4bbbbdba4a9ac4bf4cce942e6346ca01e8a245d9", data.getHashes().get(0).getValue());
        long files = bom.getComponents().stream().filter(c -> c.getType() == Component.Type.FILE).count();
        try (BundleReader reader = BundleReader.open(example)) {
            assertEquals(reader.manifest().files().size(), files, "one file component per bundle file");
        }
        List<String> refs = bom.getComponents().stream().map(Component::getBomRef).toList();
        assertEquals(refs.stream().sorted().toList(), refs, "components sorted by bom-ref");
    }

    @Test
    void cycloneDxOfAHubBundleCarriesConfigAndLineage() throws Exception {
        Bom bom = new JsonParser().parse(export(hub, "cyclonedx"));
        Component model = bom.getComponents().stream()
                .filter(c -> c.getType() == Component.Type.MACHINE_LEARNING_MODEL).findFirst().orElseThrow();
        assertEquals("text-generation", model.getModelCard().getModelParameters().getTask());
        assertEquals("tiny", model.getModelCard().getModelParameters().getArchitectureFamily());
        assertEquals("TinyForCausalLM", model.getModelCard().getModelParameters().getModelArchitecture());
        Map<String, String> props = model.getProperties().stream()
                .collect(Collectors.toMap(p -> p.getName(), p -> p.getValue(), (a, b) -> a + "," + b, TreeMap::new));
        assertEquals(Map.of("oab:base-model", "example-org/tiny-base", "oab:parameter-count", "6",
                "oab:weight-dtype", "F32"), props);
        assertEquals("README.md", model.getExternalReferences().get(0).getUrl());
    }

    @Test
    void spdxRoundTripsThroughTheLibraryReader() throws Exception {
        byte[] document = export(example, "spdx");
        assertArrayEquals(document, export(example, "spdx"), "same bundle, same bytes");
        JsonLDStore store = new JsonLDStore(new InMemSpdxStore());
        SpdxDocument doc = (SpdxDocument) store.deSerialize(new ByteArrayInputStream(document), false);
        assertEquals(List.of(), doc.verify());
        AIPackage model = (AIPackage) doc.getRootElements().iterator().next();
        assertEquals("tiny-model", model.getName().orElseThrow());
        Map<String, String> hyper = new TreeMap<>();
        for (DictionaryEntry e : model.getHyperparameters()) {
            hyper.put(e.getKey(), e.getValue().orElseThrow());
        }
        assertEquals(Map.of("batch_size", "1", "epochs", "30", "l2", "0.001", "learning_rate", "0.1",
                "model", "logistic-regression", "optimizer", "SGD"), hyper);
        assertEquals("0.99", model.getMetrics().iterator().next().getValue().orElseThrow());
        assertTrue(model.getLimitation().orElseThrow().startsWith("The data is synthetic"));
        Map<RelationshipType, Integer> relationships = new TreeMap<>();
        long files = 0;
        long datasets = 0;
        for (Element e : doc.getElements()) {
            if (e instanceof Relationship r && r.getFrom().getObjectUri().equals(model.getObjectUri())) {
                relationships.merge(r.getRelationshipType(), r.getTos().size(), Integer::sum);
            }
            files += e instanceof SpdxFile ? 1 : 0;
            datasets += e instanceof DatasetPackage ? 1 : 0;
        }
        assertEquals(21, files);
        assertEquals(2, datasets);
        assertEquals(Map.of(RelationshipType.CONTAINS, 21, RelationshipType.HAS_DECLARED_LICENSE, 1,
                RelationshipType.HAS_DOCUMENTATION, 4, RelationshipType.TRAINED_ON, 1, RelationshipType.TESTED_ON, 1),
                relationships);
    }

    @Test
    void spdxOfAHubBundleNamesItsBaseModel() throws Exception {
        byte[] document = export(hub, "spdx");
        SpdxDocument doc = (SpdxDocument) new JsonLDStore(new InMemSpdxStore())
                .deSerialize(new ByteArrayInputStream(document), false);
        Relationship descendant = null;
        for (Element e : doc.getElements()) {
            if (e instanceof Relationship r && r.getRelationshipType() == RelationshipType.DESCENDANT_OF) {
                descendant = r;
            }
        }
        assertEquals("example-org/tiny-base", descendant.getTos().iterator().next().getName().orElseThrow());
    }

    @Test
    void croissantIsAcceptedAsADataCard() throws Exception {
        byte[] croissant = export(example, "croissant");
        CardReport report = DataCards.check(croissant, "croissant.json");
        assertEquals(CardKind.CROISSANT, report.kind());
        assertEquals(List.of(), report.findings());
        assertTrue(report.isValid());
        assertArrayEquals(croissant, export(example, "croissant"));
    }

    @Test
    void croissantNeedsACreationTimeButTheBomsDoNot() throws Exception {
        Path undated = tmp.resolve("undated.oab");
        BundleWriter.builder().build().pack(ExportGoldenTest.example(), undated);
        ExportException e = assertThrows(ExportException.class, () -> export(undated, "croissant"));
        assertEquals("tiny-model 1.0.0 records no creation time, and Croissant 1.1 requires datePublished; pack it "
                + "with --timestamp or SOURCE_DATE_EPOCH", e.getMessage());
        byte[] cdx = export(undated, "cyclonedx");
        assertFalse(new String(cdx, java.nio.charset.StandardCharsets.UTF_8).contains("\"timestamp\""),
                "no clock time in the BOM");
        assertArrayEquals(cdx, export(undated, "cyclonedx"));
        byte[] spdx = export(undated, "spdx");
        assertTrue(new String(spdx, java.nio.charset.StandardCharsets.UTF_8)
                .contains("\"created\" : \"1980-01-01T00:00:00Z\""));
    }

    @Test
    void externalDatasetsAreDescribedWithTheirDigestsAndLicences() throws Exception {
        Path src = tmp.resolve("external-src");
        try (var paths = java.nio.file.Files.walk(ExportGoldenTest.example())) {
            for (Path p : paths.toList()) {
                Path target = src.resolve(ExportGoldenTest.example().relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) {
                    java.nio.file.Files.createDirectories(target);
                } else {
                    java.nio.file.Files.copy(p, target);
                }
            }
        }
        String sha = "ab".repeat(32);
        java.nio.file.Files.writeString(src.resolve("oab.yaml"), """
                name: tiny-model
                version: "1.0.0"
                producer:
                  name: OAB examples
                  url: https://oab.dev
                license: Apache-2.0
                components:
                  datasets:
                    license: CC0-1.0
                  evaluation-data:
                    license: CC-BY-4.0
                    external:
                      - url: https://data.example.org/eval.parquet
                        size: 1048576
                        sha256: %s
                        license: CC-BY-4.0
                exclude:
                  - "**/__pycache__"
                  - "data/evaluation"
                """.formatted(sha));
        Path bundle = tmp.resolve("external.oab");
        BundleWriter.builder().timestamp(ExportGoldenTest.CREATED).build().pack(src, bundle);

        byte[] cdx = export(bundle, "cyclonedx");
        assertEquals(List.of(), new JsonParser().validate(cdx, Version.VERSION_16));
        Component external = new JsonParser().parse(cdx).getComponents().stream()
                .filter(c -> c.getBomRef().equals("data:https://data.example.org/eval.parquet")).findFirst().orElseThrow();
        assertEquals(Component.Type.DATA, external.getType());
        assertEquals("CC-BY-4.0", external.getLicenses().getExpression().getValue());
        assertEquals(sha, external.getHashes().get(0).getValue());
        assertEquals(org.cyclonedx.model.ExternalReference.Type.DISTRIBUTION, external.getExternalReferences().get(0).getType());

        SpdxDocument doc = (SpdxDocument) new JsonLDStore(new InMemSpdxStore())
                .deSerialize(new ByteArrayInputStream(export(bundle, "spdx")), false);
        Relationship testedOn = null;
        for (Element e : doc.getElements()) {
            if (e instanceof Relationship r && r.getRelationshipType() == RelationshipType.TESTED_ON) {
                testedOn = r;
            }
        }
        DatasetPackage eval = (DatasetPackage) testedOn.getTos().iterator().next();
        assertEquals("https://data.example.org/eval.parquet", eval.getDownloadLocation().orElseThrow());

        byte[] croissant = export(bundle, "croissant");
        assertEquals(List.of(), DataCards.check(croissant, "croissant.json").findings());
        String text = new String(croissant, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains("\"contentUrl\": \"https://data.example.org/eval.parquet\""), text);
        assertTrue(text.contains("\"https://spdx.org/licenses/CC-BY-4.0.html\""), text);
    }

    @Test
    void croissantNeedsDatasets() {
        ExportException e = assertThrows(ExportException.class, () -> export(hub, "croissant"));
        assertEquals("tiny-hub-model unversioned has no 'datasets' or 'evaluation-data' component; there is no data "
                + "to describe in Croissant", e.getMessage());
    }
}
