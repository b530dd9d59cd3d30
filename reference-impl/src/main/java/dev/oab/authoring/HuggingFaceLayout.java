package dev.oab.authoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oab.bundle.Manifest;
import dev.oab.components.ComponentCatalog;
import dev.oab.components.OabComponent;
import dev.oab.evidence.CardReport;
import dev.oab.evidence.EvidenceReadException;
import dev.oab.evidence.Finding;
import dev.oab.evidence.ModelCards;
import dev.oab.evidence.Severity;
import dev.oab.evidence.WeightFormat;
import dev.oab.evidence.WeightFormats;
import dev.oab.evidence.WeightsReport;
import dev.oab.json.JsonDocumentException;
import dev.oab.json.StrictJson;
import dev.oab.signing.IgnoreRules;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Infers the components of a directory laid out as the Hugging Face Hub serves a model repository
 * ({@code README.md} with YAML front matter, {@code config.json}, {@code *.safetensors} with or
 * without {@code model.safetensors.index.json}, tokenizer files, {@code LICENSE}, code), so that
 * such a directory packs with no authoring file. The rules are normative: spec/ecosystem.md §2.
 *
 * <ul>
 *   <li>weights, weight indexes and tokenizer files → {@code model-parameters-final}</li>
 *   <li>{@code config.json}, {@code generation_config.json} and other {@code *_config.json} →
 *       {@code model-metadata} (a configuration is not architecture source code)</li>
 *   <li>{@code modeling_*.py}, {@code configuration_*.py} → {@code model-architecture}; other
 *       {@code *.py} → {@code inference-code}</li>
 *   <li>{@code README.md} → {@code model-card}; {@code LICENSE*}, {@code NOTICE*},
 *       {@code USE_POLICY*} at the root → {@code licenses}</li>
 *   <li>{@code requirements*.txt} → {@code software-environment}</li>
 * </ul>
 */
public final class HuggingFaceLayout {

    /** The version recorded when the card states none. */
    public static final String UNVERSIONED = "unversioned";
    /** The producer recorded when the card names no {@code model_creator}. */
    public static final String UNKNOWN_PRODUCER = "unknown";

    /** Annotation keys the inference writes into the manifest. */
    public static final String ANNOTATION_BASE_MODEL = "dev.oab.hf.base-model";
    public static final String ANNOTATION_DATASETS = "dev.oab.hf.datasets";
    public static final String ANNOTATION_LICENSE = "dev.oab.hf.license";
    public static final String ANNOTATION_LICENSE_FILE = "dev.oab.hf.license-file";

    private static final Set<String> WEIGHT_EXTENSIONS = Set.of("safetensors", "gguf", "onnx", "bin", "pt", "pth",
            "ckpt", "msgpack", "h5");
    private static final Set<String> TOKENIZER_FILES = Set.of("tokenizer.json", "tokenizer_config.json",
            "tokenizer.model", "vocab.json", "vocab.txt", "merges.txt", "special_tokens_map.json", "added_tokens.json",
            "spiece.model", "sentencepiece.bpe.model", "chat_template.jinja", "chat_template.json");
    private static final Set<String> METADATA_FILES = Set.of("config.json", "generation_config.json",
            "training_args.bin");
    private static final Pattern LICENSE_FILE = Pattern.compile("(?i)(LICEN[CS]E|COPYING|NOTICE|USE_POLICY)([._-].*)?");
    private static final Pattern REQUIREMENTS = Pattern.compile("requirements([._-].*)?\\.txt");
    private static final Pattern SHARD = Pattern.compile("(.+)-(\\d{5})-of-(\\d{5})\\.(safetensors|bin)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    private HuggingFaceLayout() {
    }

    /**
     * Whether {@code dir} looks like a Hub model repository: a {@code config.json} or a weights
     * file (or weight index) at its root.
     */
    public static boolean looksLikeHub(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (var stream = Files.list(dir)) {
            return stream.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> p.getFileName().toString())
                    .anyMatch(n -> n.equals("config.json") || isIndex(n) || isWeights(n));
        }
    }

    /**
     * The authoring file for {@code dir} when it has none: inferred when it looks like a Hub
     * repository, else the usual "no authoring file" error.
     */
    public static AuthoringFile authoringFor(Path dir) throws AuthoringException, IOException {
        if (!looksLikeHub(dir)) {
            throw new AuthoringException("no authoring file in " + dir + ": create oab.yaml with at least name, "
                    + "version, producer and license (oab init writes a skeleton)");
        }
        return infer(dir).toAuthoring();
    }

    /** Infers the components of a Hub-style directory and checks its weights and shard index. */
    public static HubInference infer(Path dir) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        List<String> files = scan(root);
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();

        Map<String, List<String>> byComponent = new TreeMap<>();
        List<String> unassigned = new ArrayList<>();
        for (String path : files) {
            String component = classify(path);
            if (component == null) {
                unassigned.add(path);
            } else {
                byComponent.computeIfAbsent(component, k -> new ArrayList<>()).add(path);
            }
        }
        Map<String, List<String>> components = new LinkedHashMap<>();
        for (OabComponent c : ComponentCatalog.bundled().all()) {
            if (byComponent.containsKey(c.id())) {
                components.put(c.id(), byComponent.get(c.id()));
            }
        }

        checkWeights(root, files, errors, warnings);

        // The card.
        Map<String, Object> front = Map.of();
        if (files.contains("README.md")) {
            CardReport card = ModelCards.check(Files.readAllBytes(root.resolve("README.md")), "README.md");
            front = card.metadata();
            if (front.isEmpty()) {
                errors.add("README.md has no YAML front matter: the model card must start with '---', the "
                        + "card's metadata (license, datasets, base_model) and '---'");
            }
        } else {
            errors.add("no README.md: a Hub model directory carries its model card as README.md with YAML front "
                    + "matter (license, datasets, base_model)");
        }

        String name = root.getFileName() == null ? "" : root.getFileName().toString();
        if (!NAME.matcher(name).matches()) {
            errors.add("the directory name '" + name + "' is not a bundle name (letters, digits, '.', '_', '-'); "
                    + "rename it or write an oab.yaml");
        }
        String version = UNVERSIONED;
        Object v = front.get("version");
        if (v instanceof String s && !s.isBlank()) {
            version = s.strip();
        } else if (v != null) {
            version = String.valueOf(v);
        } else {
            warnings.add("the card states no version: recorded as '" + UNVERSIONED + "' (add version: to the "
                    + "front matter or write an oab.yaml)");
        }
        String producerName = UNKNOWN_PRODUCER;
        if (front.get("model_creator") instanceof String s && !s.isBlank()) {
            producerName = s.strip();
        } else {
            warnings.add("the card names no model_creator: producer recorded as '" + UNKNOWN_PRODUCER
                    + "' (add model_creator: to the front matter or write an oab.yaml)");
        }

        Map<String, String> annotations = new TreeMap<>();
        Optional<String> license = Optional.empty();
        String hubLicense = front.get("license") == null ? "" : String.valueOf(front.get("license"));
        if (!front.isEmpty()) {
            HubLicenses.Resolution r = HubLicenses.bundled().resolve(front.get("license"), front.get("license_name"),
                    front.get("license_link"));
            license = r.spdx();
            r.problem().ifPresent(errors::add);
            r.note().ifPresent(warnings::add);
            if (!hubLicense.isEmpty()) {
                annotations.put(ANNOTATION_LICENSE, hubLicense);
            }
        }
        List<String> licenseFiles = components.getOrDefault("licenses", List.of());
        if (!licenseFiles.isEmpty()) {
            annotations.put(ANNOTATION_LICENSE_FILE, String.join(",", licenseFiles));
        } else {
            warnings.add("no LICENSE file at the root: the licence text is not in the bundle");
        }

        List<String> datasets = strings(front.get("datasets"));
        List<String> baseModels = strings(front.get("base_model"));
        if (!datasets.isEmpty()) {
            annotations.put(ANNOTATION_DATASETS, String.join(",", datasets));
        }
        if (!baseModels.isEmpty()) {
            annotations.put(ANNOTATION_BASE_MODEL, String.join(",", baseModels));
        }
        if (!components.containsKey("model-parameters-final")) {
            errors.add("no weights: expected *.safetensors (or another weights format) at the root");
        }
        return new HubInference(name, version, Manifest.Producer.named(producerName), license, hubLicense, components,
                unassigned, datasets, baseModels, annotations, errors, warnings);
    }

    /** The component a file of a Hub repository belongs to, or null. */
    static String classify(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        boolean atRoot = !path.contains("/");
        String lower = file.toLowerCase(Locale.ROOT);
        if (atRoot && file.equals("README.md")) {
            return "model-card";
        }
        if (atRoot && LICENSE_FILE.matcher(file).matches()) {
            return "licenses";
        }
        if (METADATA_FILES.contains(file) || lower.endsWith("_config.json") && !TOKENIZER_FILES.contains(file)) {
            return "model-metadata";
        }
        if (TOKENIZER_FILES.contains(file) || isIndex(file) || isWeights(file)) {
            return "model-parameters-final";
        }
        if (lower.endsWith(".py")) {
            return lower.startsWith("modeling_") || lower.startsWith("configuration_")
                    ? "model-architecture" : "inference-code";
        }
        if (atRoot && REQUIREMENTS.matcher(file).matches()) {
            return "software-environment";
        }
        return null;
    }

    private static boolean isIndex(String file) {
        return file.endsWith(".safetensors.index.json") || file.endsWith(".bin.index.json");
    }

    private static boolean isWeights(String file) {
        int dot = file.lastIndexOf('.');
        return dot > 0 && WEIGHT_EXTENSIONS.contains(file.substring(dot + 1).toLowerCase(Locale.ROOT))
                && !METADATA_FILES.contains(file);
    }

    private static void checkWeights(Path root, List<String> files, List<String> errors, List<String> warnings)
            throws IOException {
        Set<String> indexed = new TreeSet<>();
        boolean anySafe = false;
        List<String> pickles = new ArrayList<>();
        for (String path : files) {
            String file = path.substring(path.lastIndexOf('/') + 1);
            if (isIndex(file)) {
                indexed.addAll(checkIndex(root, path, files, errors));
            }
        }
        for (String path : files) {
            String file = path.substring(path.lastIndexOf('/') + 1);
            if (!isWeights(file) && !file.equals("training_args.bin")) {
                continue;
            }
            WeightsReport report;
            try {
                report = WeightFormats.detect(root.resolve(path));
            } catch (EvidenceReadException e) {
                errors.add(e.getMessage());
                continue;
            }
            if (report.format().safeToLoad()) {
                anySafe |= !file.equals("training_args.bin");
                for (Finding f : report.findings()) {
                    if (f.severity() == Severity.ERROR) {
                        errors.add(path + ": " + f.message());
                    }
                }
            } else if (report.format() == WeightFormat.PICKLE || report.format() == WeightFormat.PYTORCH_ZIP) {
                pickles.add(path);
            }
        }
        for (String path : pickles) {
            warnings.add(path + " is a Python pickle: loading it can run arbitrary code; it is packed, but convert "
                    + "it to safetensors" + (anySafe ? " or drop it (safetensors weights are present)" : ""));
        }
        checkUnindexedShards(files, indexed, errors, warnings);
    }

    /** Checks one weight index against the shards present; returns the shards it names. */
    private static Set<String> checkIndex(Path root, String indexPath, List<String> files, List<String> errors)
            throws IOException {
        String folder = indexPath.contains("/") ? indexPath.substring(0, indexPath.lastIndexOf('/') + 1) : "";
        JsonNode index;
        try {
            index = StrictJson.parse(Files.readAllBytes(root.resolve(indexPath)), indexPath);
        } catch (JsonDocumentException e) {
            errors.add(e.getMessage() + "; regenerate the index with the weights");
            return Set.of();
        }
        JsonNode map = index.get("weight_map");
        if (map == null || !map.isObject() || map.isEmpty()) {
            errors.add(indexPath + " has no 'weight_map' of tensor names to shard files; regenerate the index");
            return Set.of();
        }
        Map<String, List<String>> tensorsByShard = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : map.properties()) {
            if (!e.getValue().isTextual()) {
                errors.add(indexPath + ": weight_map['" + e.getKey() + "'] is not a file name");
                continue;
            }
            tensorsByShard.computeIfAbsent(folder + e.getValue().textValue(), k -> new ArrayList<>()).add(e.getKey());
        }
        boolean safetensors = indexPath.endsWith(".safetensors.index.json");
        for (Map.Entry<String, List<String>> e : tensorsByShard.entrySet()) {
            String shard = e.getKey();
            if (!files.contains(shard)) {
                errors.add(indexPath + " maps " + e.getValue().size() + " tensor(s) (first '" + e.getValue().get(0)
                        + "') to " + shard + ", which is not in the directory; download the missing shard");
            } else if (safetensors) {
                checkShardTensors(root, indexPath, shard, new TreeSet<>(e.getValue()), errors);
            }
        }
        String extension = safetensors ? ".safetensors" : ".bin";
        Set<String> judged = new TreeSet<>();
        for (String path : files) {
            String file = path.substring(path.lastIndexOf('/') + 1);
            boolean sameFolder = path.startsWith(folder) && !path.substring(folder.length()).contains("/");
            if (sameFolder && file.endsWith(extension) && !tensorsByShard.containsKey(path)
                    && !file.equals("training_args.bin")) {
                judged.add(path);
                errors.add(path + " is a stray shard: " + indexPath + " maps no tensor to it; remove it or "
                        + "regenerate the index");
            }
        }
        judged.addAll(tensorsByShard.keySet());
        return judged;
    }

    /** Every tensor the index puts in {@code shard} is in its header, and the header has no other. */
    private static void checkShardTensors(Path root, String indexPath, String shard, Set<String> expected,
                                          List<String> errors) throws IOException {
        Set<String> actual = new TreeSet<>();
        try (FileChannel ch = FileChannel.open(root.resolve(shard), StandardOpenOption.READ)) {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            if (ch.read(len, 0) != 8) {
                return; // the weights check reports the truncated file
            }
            long n = len.getLong(0);
            if (n < 2 || n > MAX_HEADER_BYTES || n > ch.size() - 8) {
                return;
            }
            ByteBuffer header = ByteBuffer.allocate((int) n);
            while (header.hasRemaining() && ch.read(header, 8 + header.position()) > 0) {
                // read fully
            }
            JsonNode node = StrictJson.parse(header.array(), shard);
            node.fieldNames().forEachRemaining(f -> {
                if (!f.equals("__metadata__")) {
                    actual.add(f);
                }
            });
        } catch (JsonDocumentException e) {
            return; // reported by the weights check
        }
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        Set<String> extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        if (!missing.isEmpty()) {
            errors.add(indexPath + " puts tensor '" + missing.iterator().next() + "'" + more(missing) + " in " + shard
                    + ", whose header does not hold it; regenerate the index or download the right shard");
        }
        if (!extra.isEmpty()) {
            errors.add(shard + " holds tensor '" + extra.iterator().next() + "'" + more(extra) + " that " + indexPath
                    + " does not map to it; regenerate the index");
        }
    }

    private static String more(Set<String> names) {
        return names.size() > 1 ? " and " + (names.size() - 1) + " more" : "";
    }

    /** Shards named NAME-0000i-of-0000N outside any index: all N must be there. */
    private static void checkUnindexedShards(List<String> files, Set<String> indexed, List<String> errors,
                                             List<String> warnings) {
        Map<String, TreeSet<Integer>> seen = new TreeMap<>();
        Map<String, Integer> totals = new TreeMap<>();
        for (String path : files) {
            if (indexed.contains(path)) {
                continue;
            }
            String file = path.substring(path.lastIndexOf('/') + 1);
            Matcher m = SHARD.matcher(file);
            if (m.matches()) {
                String folder = path.substring(0, path.length() - file.length());
                String set = folder + m.group(1) + "-*-of-" + m.group(3) + "." + m.group(4);
                seen.computeIfAbsent(set, k -> new TreeSet<>()).add(Integer.parseInt(m.group(2)));
                totals.put(set, Integer.parseInt(m.group(3)));
            }
        }
        for (Map.Entry<String, TreeSet<Integer>> e : seen.entrySet()) {
            int total = totals.get(e.getKey());
            List<String> missing = new ArrayList<>();
            for (int i = 1; i <= total; i++) {
                if (!e.getValue().contains(i)) {
                    missing.add(e.getKey().replace("-*-", String.format("-%05d-", i)));
                }
            }
            if (!missing.isEmpty()) {
                errors.add("shard " + missing.get(0) + (missing.size() > 1 ? " (and " + (missing.size() - 1)
                        + " more)" : "") + " is missing from the set " + e.getKey() + "; download it");
            } else {
                warnings.add("shards " + e.getKey() + " have no index (*.safetensors.index.json): loaders need it to "
                        + "find each tensor; add the index the model was saved with");
            }
        }
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof String s && !s.isBlank()) {
            out.add(s.strip());
        } else if (value instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof String s && !s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    private static List<String> scan(Path root) throws IOException {
        List<String> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                String rel = root.relativize(d).toString().replace('\\', '/');
                String leaf = d.getFileName() == null ? "" : d.getFileName().toString();
                return !rel.isEmpty() && (leaf.equals(".git") || leaf.equals(".cache") || IgnoreRules.DEFAULTS.contains(rel))
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                if (attrs.isRegularFile() && !IgnoreRules.DEFAULTS.contains(rel)) {
                    files.add(rel);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.naturalOrder());
        return files;
    }
}
