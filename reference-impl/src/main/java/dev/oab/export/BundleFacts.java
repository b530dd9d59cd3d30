package dev.oab.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oab.authoring.HuggingFaceLayout;
import dev.oab.bundle.BundleEntry;
import dev.oab.bundle.BundleReader;
import dev.oab.bundle.Manifest;
import dev.oab.evidence.CardReport;
import dev.oab.evidence.CardSection;
import dev.oab.evidence.ModelCards;
import dev.oab.json.JsonDocumentException;
import dev.oab.json.StrictJson;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What the exporters say about a bundle, read once from it: the manifest and its digest, the model
 * card, the model configuration, hyperparameters, evaluation metrics, datasets and signatures.
 * Every value comes from a file in the bundle (or its manifest); nothing is made up. The rules are
 * spec/ecosystem.md §3.
 */
final class BundleFacts {

    private static final int MAX_JSON_BYTES = 4 * 1024 * 1024;
    private static final long MAX_SAFETENSORS_HEADER = 100L * 1024 * 1024;

    /** One dataset: a file in the bundle or an external reference, with the component it belongs to. */
    record Dataset(String componentId, Optional<Manifest.FileEntry> file,
                   Optional<Manifest.ExternalReference> external, String license) {
        String ref() {
            return file.map(f -> "data:" + f.path()).orElseGet(() -> "data:" + external.orElseThrow().url());
        }

        String name() {
            return file.map(Manifest.FileEntry::path).orElseGet(() -> external.orElseThrow().url());
        }

        /** Evaluation data is what the model was tested on; everything else under "datasets" it was trained on. */
        boolean testing() {
            return componentId.equals("evaluation-data");
        }
    }

    /** One stated metric: its name, value and where it was stated. */
    record Metric(String type, String value, String source) {
    }

    /** An embedded signature: its path and the SHA-256 of its bytes. */
    record Signature(String path, String sha256) {
    }

    final Manifest manifest;
    final String manifestSha256;
    final Optional<String> modelCardPath;
    final Map<String, Object> cardMetadata;
    final Map<String, String> cardSections;
    final Map<String, String> hyperparameters;
    final Optional<String> task;
    final Optional<String> architectureFamily;
    final Optional<String> modelArchitecture;
    final Optional<Long> parameterCount;
    final List<String> weightDtypes;
    final List<Metric> metrics;
    final List<Dataset> datasets;
    final List<String> baseModels;
    final List<Signature> signatures;

    private BundleFacts(BundleReader reader) throws IOException {
        manifest = reader.manifest();
        manifestSha256 = sha256(reader.manifestBytes());

        modelCardPath = firstFile(manifest, "model-card", ".md");
        Map<String, Object> metadata = Map.of();
        Map<String, String> sections = new LinkedHashMap<>();
        if (modelCardPath.isPresent()) {
            CardReport card = ModelCards.check(read(reader, modelCardPath.get(), ModelCards.MAX_BYTES),
                    modelCardPath.get());
            metadata = card.metadata();
            for (CardSection s : card.sections()) {
                if (s.substantive() && !s.text().isBlank()) {
                    sections.put(s.id(), s.text().strip());
                }
            }
        }
        cardMetadata = metadata;
        cardSections = sections;

        Map<String, String> hyper = new TreeMap<>();
        for (String path : filesOf(manifest, "hyperparameters")) {
            if (path.endsWith(".json")) {
                // The named values of spec/schema/hyperparameters.schema.json, and the optimizer's name.
                json(reader, path).ifPresent(node -> {
                    node.path("hyperparameters").properties().forEach(e -> {
                        if (e.getValue().isValueNode()) {
                            hyper.put(e.getKey(), e.getValue().asText());
                        }
                    });
                    JsonNode optimizer = node.path("optimizer").path("name");
                    if (optimizer.isTextual()) {
                        hyper.put("optimizer", optimizer.asText());
                    }
                });
            }
        }
        hyperparameters = hyper;

        JsonNode config = null;
        for (String path : filesOf(manifest, "model-metadata")) {
            if (path.equals("config.json") || path.endsWith("/config.json")) {
                config = json(reader, path).orElse(null);
                break;
            }
        }
        task = text(metadata.get("pipeline_tag"));
        architectureFamily = config == null ? Optional.empty() : text(config.path("model_type").textValue());
        modelArchitecture = config == null || !config.path("architectures").isArray()
                || config.path("architectures").isEmpty() ? Optional.empty()
                : text(config.path("architectures").get(0).textValue());

        long params = 0;
        boolean counted = false;
        TreeSet<String> dtypes = new TreeSet<>();
        for (String path : filesOf(manifest, "model-parameters-final")) {
            if (path.endsWith(".safetensors")) {
                Optional<JsonNode> header = safetensorsHeader(reader, path);
                if (header.isPresent()) {
                    counted = true;
                    for (Map.Entry<String, JsonNode> t : header.get().properties()) {
                        if (t.getKey().equals("__metadata__")) {
                            continue;
                        }
                        long n = 1;
                        for (JsonNode d : t.getValue().path("shape")) {
                            n = Math.multiplyExact(n, d.asLong());
                        }
                        params = Math.addExact(params, n);
                        dtypes.add(t.getValue().path("dtype").asText());
                    }
                }
            }
        }
        parameterCount = counted ? Optional.of(params) : Optional.empty();
        weightDtypes = List.copyOf(dtypes);

        metrics = metrics(reader, metadata);
        datasets = datasets(manifest);
        String base = manifest.annotations().get(HuggingFaceLayout.ANNOTATION_BASE_MODEL);
        baseModels = base == null ? List.of() : List.of(base.split(","));

        List<Signature> sigs = new ArrayList<>();
        for (BundleEntry e : reader.signatures()) {
            sigs.add(new Signature(e.path(), sha256(reader.signatureBytes(e.path()))));
        }
        signatures = List.copyOf(sigs);
    }

    static BundleFacts of(BundleReader reader) throws IOException {
        return new BundleFacts(reader);
    }

    /** The licence of the component that holds {@code path}, else the bundle's. */
    String licenseOf(String path) {
        return manifest.components().stream().filter(c -> c.covers(path)).map(Manifest.Component::license)
                .findFirst().orElse(manifest.license());
    }

    /** Ids of the components that hold {@code path}. */
    List<String> componentsOf(String path) {
        return manifest.components().stream().filter(c -> c.covers(path)).map(Manifest.Component::id).toList();
    }

    /** The model's licence: that of its final parameters, else the bundle's. */
    String modelLicense() {
        return manifest.component("model-parameters-final").map(Manifest.Component::license)
                .orElse(manifest.license());
    }

    /** A name-based (version 5) UUID for this bundle's document of {@code kind}: same bundle, same UUID. */
    UUID documentUuid(String kind) {
        return uuid5("oab:" + kind + ":manifest-sha256:" + manifestSha256);
    }

    static UUID uuid5(String name) {
        // RFC 4122 §4.3 with the URL namespace 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(HexFormat.of().parseHex("6ba7b8119dad11d180b400c04fd430c8"));
            byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            h[6] = (byte) ((h[6] & 0x0f) | 0x50);
            h[8] = (byte) ((h[8] & 0x3f) | 0x80);
            ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
            return new UUID(b.getLong(), b.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this Java runtime", e);
        }
    }

    private static List<Metric> metrics(BundleReader reader, Map<String, Object> card) throws IOException {
        List<Metric> out = new ArrayList<>();
        // model-index (the Hub's evaluation results in the card): every metric with a value.
        if (card.get("model-index") instanceof List<?> models) {
            for (Object model : models) {
                if (model instanceof Map<?, ?> m && m.get("results") instanceof List<?> results) {
                    for (Object result : results) {
                        if (!(result instanceof Map<?, ?> r) || !(r.get("metrics") instanceof List<?> ms)) {
                            continue;
                        }
                        String slice = r.get("dataset") instanceof Map<?, ?> d && d.get("name") != null
                                ? String.valueOf(d.get("name")) : "model-index";
                        for (Object metric : ms) {
                            if (metric instanceof Map<?, ?> mm && mm.get("type") != null && mm.get("value") != null) {
                                out.add(new Metric(String.valueOf(mm.get("type")), plain(mm.get("value")), slice));
                            }
                        }
                    }
                }
            }
        }
        // The metrics the card names (metrics:), with values from the evaluation results' JSON files.
        List<String> named = new ArrayList<>();
        if (card.get("metrics") instanceof List<?> l) {
            l.forEach(o -> named.add(String.valueOf(o)));
        } else if (card.get("metrics") instanceof String s) {
            named.add(s);
        }
        if (!named.isEmpty()) {
            Manifest manifest = reader.manifest();
            for (String path : filesOf(manifest, "evaluation-results")) {
                if (!path.endsWith(".json")) {
                    continue;
                }
                Optional<JsonNode> node = json(reader, path);
                if (node.isPresent()) {
                    for (String metric : named) {
                        JsonNode v = node.get().get(metric);
                        if (v != null && v.isNumber()) {
                            out.add(new Metric(metric, v.decimalValue().toPlainString(), path));
                        }
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private static String plain(Object value) {
        return value instanceof Number n ? new BigDecimal(n.toString()).toPlainString() : String.valueOf(value);
    }

    private static List<Dataset> datasets(Manifest manifest) {
        List<Dataset> out = new ArrayList<>();
        for (String id : List.of("datasets", "evaluation-data")) {
            Optional<Manifest.Component> c = manifest.component(id);
            if (c.isEmpty()) {
                continue;
            }
            for (Manifest.FileEntry f : manifest.files()) {
                if (c.get().covers(f.path())) {
                    out.add(new Dataset(id, Optional.of(f), Optional.empty(), c.get().license()));
                }
            }
            for (Manifest.ExternalReference r : c.get().external()) {
                out.add(new Dataset(id, Optional.empty(), Optional.of(r), r.license()));
            }
        }
        return List.copyOf(out);
    }

    static List<String> filesOf(Manifest manifest, String componentId) {
        Optional<Manifest.Component> c = manifest.component(componentId);
        if (c.isEmpty()) {
            return List.of();
        }
        return manifest.files().stream().map(Manifest.FileEntry::path).filter(c.get()::covers).toList();
    }

    private static Optional<String> firstFile(Manifest manifest, String componentId, String suffix) {
        return filesOf(manifest, componentId).stream().filter(p -> p.endsWith(suffix)).findFirst();
    }

    private static Optional<JsonNode> json(BundleReader reader, String path) throws IOException {
        byte[] bytes = read(reader, path, MAX_JSON_BYTES);
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            JsonNode node = StrictJson.parse(bytes, path);
            return node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonDocumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<JsonNode> safetensorsHeader(BundleReader reader, String path) throws IOException {
        try (InputStream in = reader.openStream(path)) {
            byte[] len = in.readNBytes(8);
            if (len.length < 8) {
                return Optional.empty();
            }
            long n = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (n < 2 || n > MAX_SAFETENSORS_HEADER) {
                return Optional.empty();
            }
            byte[] header = in.readNBytes((int) n);
            JsonNode node = StrictJson.parse(header, path);
            return node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonDocumentException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** The file's bytes, or null when it is larger than {@code max}. */
    private static byte[] read(BundleReader reader, String path, int max) throws IOException {
        Optional<Manifest.FileEntry> entry = reader.manifest().file(path);
        if (entry.isEmpty() || entry.get().size() > max) {
            return null;
        }
        try (InputStream in = reader.openStream(path)) {
            return in.readAllBytes();
        }
    }

    private static Optional<String> text(Object value) {
        return value instanceof String s && !s.isBlank() ? Optional.of(s.strip()) : Optional.empty();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
