package dev.oab.authoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.oab.bundle.Manifest;
import dev.oab.json.JsonDocumentException;
import dev.oab.json.StrictJson;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The authoring file at the root of a source directory, {@code oab.yaml} or {@code oab.json}
 * (spec §6): what a team writes by hand, like a Kitfile. Only name, version, producer and licence
 * are required; with the conventional layout the components are inferred.
 */
public record AuthoringFile(
        String name,
        String version,
        Manifest.Producer producer,
        String license,
        Optional<String> description,
        Optional<Manifest.Supersedes> supersedes,
        Map<String, ComponentSpec> components,
        List<String> exclude,
        boolean conventionalLayout,
        Map<String, String> annotations) {

    public static final List<String> FILE_NAMES = List.of("oab.yaml", "oab.yml", "oab.json");
    private static final int MAX_BYTES = 1 << 20;

    private static final ObjectMapper YAML = yamlMapper();

    private static final Set<String> FIELDS = Set.of("name", "version", "producer", "license", "description",
            "supersedes", "components", "exclude", "layout", "annotations");

    public AuthoringFile {
        components = Map.copyOf(components);
        exclude = List.copyOf(exclude);
        annotations = Map.copyOf(annotations);
    }

    /**
     * A component as authored: explicit paths (or none, to take the conventional ones), a licence
     * (or none, to take the bundle's), and external references.
     */
    public record ComponentSpec(List<String> paths, Optional<String> license, List<Manifest.ExternalReference> external) {
        public ComponentSpec {
            paths = List.copyOf(paths);
            external = List.copyOf(external);
        }
    }

    /** The authoring file in {@code dir}, if there is exactly one. */
    public static Optional<Path> locate(Path dir) throws AuthoringException {
        List<Path> found = new ArrayList<>();
        for (String name : FILE_NAMES) {
            Path candidate = dir.resolve(name);
            if (Files.isRegularFile(candidate, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                found.add(candidate);
            }
        }
        if (found.size() > 1) {
            throw new AuthoringException("found " + found.stream().map(p -> p.getFileName().toString()).toList()
                    + " in " + dir + "; keep exactly one authoring file");
        }
        return found.stream().findFirst();
    }

    /** Reads and checks an authoring file. */
    public static AuthoringFile read(Path file) throws AuthoringException, IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new AuthoringException(file + " is " + size + " bytes; an authoring file is at most " + MAX_BYTES);
        }
        byte[] bytes = Files.readAllBytes(file);
        String where = file.getFileName().toString();
        JsonNode root;
        if (where.endsWith(".json")) {
            try {
                root = StrictJson.parse(bytes, where);
            } catch (JsonDocumentException e) {
                throw new AuthoringException(e.getMessage(), e);
            }
        } else {
            try {
                root = YAML.readTree(bytes);
            } catch (JsonProcessingException e) {
                throw new AuthoringException(where + ": " + e.getOriginalMessage(), e);
            }
        }
        return new Parser(where).parse(root);
    }

    private static ObjectMapper yamlMapper() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(32);
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowRecursiveKeys(false);
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return YAMLMapper.builder(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    }

    private static final class Parser {
        private final String file;

        Parser(String file) {
            this.file = file;
        }

        AuthoringFile parse(JsonNode root) throws AuthoringException {
            if (root == null || !root.isObject()) {
                throw error("", "expected a mapping with at least name, version, producer and license");
            }
            fields(root, "", FIELDS);
            String layout = optionalText(root, "layout").orElse("conventional");
            if (!layout.equals("conventional") && !layout.equals("none")) {
                throw error("layout", "expected 'conventional' or 'none'");
            }
            return new AuthoringFile(
                    text(root, "name"),
                    scalar(root, "version"),
                    producer(root.get("producer")),
                    text(root, "license"),
                    optionalText(root, "description"),
                    supersedes(root.get("supersedes")),
                    components(root.get("components")),
                    strings(root.get("exclude"), "exclude"),
                    layout.equals("conventional"),
                    annotations(root.get("annotations")));
        }

        private Manifest.Producer producer(JsonNode node) throws AuthoringException {
            if (node == null) {
                throw error("producer", "is required: who releases this bundle (a name, or {name, url, email})");
            }
            if (node.isTextual()) {
                return Manifest.Producer.named(node.asText());
            }
            if (!node.isObject()) {
                throw error("producer", "expected a name or a mapping with name, url and email");
            }
            fields(node, "producer", Set.of("name", "url", "email"));
            return new Manifest.Producer(text(node, "name", "producer.name"),
                    optionalText(node, "url"), optionalText(node, "email"));
        }

        private Optional<Manifest.Supersedes> supersedes(JsonNode node) throws AuthoringException {
            if (node == null) {
                return Optional.empty();
            }
            if (!node.isObject()) {
                throw error("supersedes", "expected a mapping with name, version and sha256");
            }
            fields(node, "supersedes", Set.of("name", "version", "sha256"));
            return Optional.of(new Manifest.Supersedes(text(node, "name", "supersedes.name"),
                    scalar(node, "version", "supersedes.version"), text(node, "sha256", "supersedes.sha256")));
        }

        private Map<String, ComponentSpec> components(JsonNode node) throws AuthoringException {
            Map<String, ComponentSpec> result = new LinkedHashMap<>();
            if (node == null) {
                return result;
            }
            if (!node.isObject()) {
                throw error("components", "expected a mapping of component id to {paths, license, external}");
            }
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String where = "components." + e.getKey();
                JsonNode c = e.getValue();
                if (c == null || c.isNull()) {
                    result.put(e.getKey(), new ComponentSpec(List.of(), Optional.empty(), List.of()));
                    continue;
                }
                if (!c.isObject()) {
                    throw error(where, "expected a mapping with paths, license and external");
                }
                fields(c, where, Set.of("paths", "license", "external"));
                List<Manifest.ExternalReference> external = new ArrayList<>();
                JsonNode ext = c.get("external");
                if (ext != null) {
                    if (!ext.isArray()) {
                        throw error(where + ".external", "expected a list");
                    }
                    for (int i = 0; i < ext.size(); i++) {
                        JsonNode r = ext.get(i);
                        String rw = where + ".external[" + i + "]";
                        if (!r.isObject()) {
                            throw error(rw, "expected a mapping with url, size, sha256 and license");
                        }
                        fields(r, rw, Set.of("url", "size", "sha256", "license"));
                        JsonNode size = r.get("size");
                        if (size == null || !size.canConvertToExactIntegral() || size.asLong() < 0) {
                            throw error(rw + ".size", "expected the size in bytes");
                        }
                        external.add(new Manifest.ExternalReference(text(r, "url", rw + ".url"), size.asLong(),
                                text(r, "sha256", rw + ".sha256"), text(r, "license", rw + ".license")));
                    }
                }
                result.put(e.getKey(), new ComponentSpec(strings(c.get("paths"), where + ".paths"),
                        optionalText(c, "license"), external));
            }
            return result;
        }

        private Map<String, String> annotations(JsonNode node) throws AuthoringException {
            Map<String, String> result = new LinkedHashMap<>();
            if (node == null) {
                return result;
            }
            if (!node.isObject()) {
                throw error("annotations", "expected a mapping of strings");
            }
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isValueNode()) {
                    throw error("annotations." + e.getKey(), "expected a string");
                }
                result.put(e.getKey(), e.getValue().asText());
            }
            return result;
        }

        private List<String> strings(JsonNode node, String where) throws AuthoringException {
            List<String> result = new ArrayList<>();
            if (node == null) {
                return result;
            }
            if (!node.isArray()) {
                throw error(where, "expected a list of strings");
            }
            for (int i = 0; i < node.size(); i++) {
                if (!node.get(i).isTextual()) {
                    throw error(where + "[" + i + "]", "expected a string");
                }
                result.add(node.get(i).asText());
            }
            return result;
        }

        private void fields(JsonNode node, String where, Set<String> allowed) throws AuthoringException {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    throw error(where.isEmpty() ? name : where + "." + name,
                            "unknown field; expected one of " + new java.util.TreeSet<>(allowed));
                }
            }
        }

        private String text(JsonNode node, String field) throws AuthoringException {
            return text(node, field, field);
        }

        private String text(JsonNode node, String field, String where) throws AuthoringException {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                throw error(where, "is required");
            }
            if (!value.isTextual() || value.asText().isBlank()) {
                throw error(where, "expected a non-empty string");
            }
            return value.asText();
        }

        /** A version written as 1.0 in YAML arrives as a number; keep the text the author wrote. */
        private String scalar(JsonNode node, String field) throws AuthoringException {
            return scalar(node, field, field);
        }

        private String scalar(JsonNode node, String field, String where) throws AuthoringException {
            JsonNode value = node.get(field);
            if (value != null && value.isNumber()) {
                throw error(where, "write the version as a quoted string (e.g. \"" + value.asText()
                        + "\"), so YAML does not read it as a number");
            }
            return text(node, field, where);
        }

        private Optional<String> optionalText(JsonNode node, String field) throws AuthoringException {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return Optional.empty();
            }
            if (!value.isTextual()) {
                throw error(field, "expected a string");
            }
            return Optional.of(value.asText());
        }

        private AuthoringException error(String where, String message) {
            return new AuthoringException(file + (where.isEmpty() ? "" : ": " + where) + ": " + message);
        }
    }
}
