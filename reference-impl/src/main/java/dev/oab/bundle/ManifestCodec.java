package dev.oab.bundle;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oab.json.JsonDocumentException;
import dev.oab.json.StrictJson;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads and writes {@code oab.json} (spec §4). Reading is strict: unknown fields, wrong types,
 * unsorted or duplicate entries and invalid paths are refused with the field named, because a
 * manifest two tools read differently is a manifest an attacker can use.
 */
public final class ManifestCodec {

    static final Pattern NAME = Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]{0,127}/)?[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.+_-]{0,127}");
    static final Pattern COMPONENT_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");
    static final Pattern ANNOTATION_KEY = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*(/[A-Za-z0-9._-]+)?");
    /** A conservative shape check; the licence layer validates ids against the SPDX list. */
    static final Pattern RFC3339_UTC = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?Z");
    static final Pattern LICENSE_EXPRESSION = Pattern.compile("[A-Za-z0-9.+:()\\- ]{1,512}");

    private static final Set<String> TOP_FIELDS = Set.of("oabVersion", "name", "version", "producer", "created",
            "license", "description", "supersedes", "components", "files", "annotations");
    private static final Set<String> FILE_FIELDS = Set.of("path", "size", "sha256", "mediaType");

    private ManifestCodec() {
    }

    /** Parses and checks a manifest. */
    public static Manifest parse(byte[] json) throws BundleFormatException {
        return parse(json, List.of());
    }

    /**
     * Parses a manifest read from an archive whose entry names the strict reader has already held
     * to the path rules, with no two colliding and no file where a folder is needed. When the file
     * table is exactly the first of {@code checkedNames}, in order, as in every intact bundle, each
     * path is one of those names and cannot break those rules, so they are not checked again. Any
     * other table gets every check, so the first problem reported is always the one
     * {@link #parse(byte[])} would report.
     */
    static Manifest parse(byte[] json, List<String> checkedNames) throws BundleFormatException {
        checkEncoding(json);
        FileRows rows = new FileRows(json);
        StrictJson.Streamed document;
        try {
            document = StrictJson.parseStreaming(json, Manifest.PATH, "files", rows);
        } catch (JsonDocumentException e) {
            throw new BundleFormatException(new Problem("manifest.invalid-json", Manifest.PATH, e.getMessage()), e);
        }
        return new Reader(checkedNames).read(document.root(), document.fieldStreamed() ? rows : null);
    }

    /**
     * Reads the whole document as one tree, the file table included: slower on large tables, and
     * the reference the streaming reading is tested against.
     */
    static Manifest parseAsTree(byte[] json) throws BundleFormatException {
        checkEncoding(json);
        JsonNode root;
        try {
            root = StrictJson.parse(json, Manifest.PATH);
        } catch (JsonDocumentException e) {
            throw new BundleFormatException(new Problem("manifest.invalid-json", Manifest.PATH, e.getMessage()), e);
        }
        return new Reader(List.of()).read(root, null);
    }

    /**
     * The file table, read row by row from the token stream. A row that is not exactly the four
     * fields with the expected types is parsed again from its bytes as a tree and judged by the
     * same code as any other field, so its message is the one a tree reading gives; the first such
     * problem is held until the fields before the table have been checked, as a tree reading would.
     */
    private static final class FileRows implements StrictJson.ElementReader {
        private final byte[] json;
        private final List<Manifest.FileEntry> rows = new ArrayList<>();
        private BundleFormatException firstProblem;

        FileRows(byte[] json) {
            this.json = json;
        }

        @Override
        public void read(JsonParser parser, int index) throws IOException {
            if (firstProblem != null || parser.currentToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                if (firstProblem == null) {
                    firstProblem = Reader.invalid("files[" + index + "]", "expected an object");
                }
                return;
            }
            long start = parser.currentTokenLocation().getByteOffset();
            String path = null;
            String sha256 = null;
            String mediaType = null;
            long size = -1;
            boolean unusual = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "path" -> path = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    case "sha256" -> sha256 = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    case "mediaType" -> mediaType = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    case "size" -> size = value == JsonToken.VALUE_NUMBER_INT
                            && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER ? parser.getLongValue() : -1;
                    default -> unusual = true;
                }
                parser.skipChildren();
            }
            if (unusual || path == null || sha256 == null || mediaType == null || size < 0 || size >= 1L << 62) {
                slowRow(start, parser, index);
                return;
            }
            rows.add(new Manifest.FileEntry(path, size, sha256, mediaType));
        }

        /** Judges the row that ends where {@code parser} stands from its own tree. */
        private void slowRow(long start, JsonParser parser, int index) {
            if (firstProblem != null) {
                return;
            }
            int end = (int) parser.currentTokenLocation().getByteOffset() + 1;
            try {
                JsonNode row = StrictJson.parse(Arrays.copyOfRange(json, (int) start, end), Manifest.PATH);
                rows.add(Reader.fileRow(row, "files[" + index + "]"));
            } catch (BundleFormatException e) {
                firstProblem = e;
            } catch (JsonDocumentException e) {
                // The row parsed as part of the document, so it parses alone; should it not, say so.
                firstProblem = new BundleFormatException(new Problem("manifest.invalid-json", Manifest.PATH,
                        e.getMessage()), e);
            }
        }

        List<Manifest.FileEntry> result() throws BundleFormatException {
            if (firstProblem != null) {
                throw firstProblem;
            }
            return rows;
        }
    }

    /** Plain UTF-8 without a byte-order mark; ASCII, the usual case, is scanned and not decoded. */
    private static void checkEncoding(byte[] json) throws BundleFormatException {
        if (json.length >= 3 && (json[0] & 0xff) == 0xef && (json[1] & 0xff) == 0xbb && (json[2] & 0xff) == 0xbf) {
            throw new BundleFormatException(new Problem("manifest.invalid-json", Manifest.PATH,
                    "oab.json starts with a byte-order mark; it must be plain UTF-8"));
        }
        for (byte b : json) {
            if (b < 0) {
                try {
                    StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(json));
                    return;
                } catch (CharacterCodingException e) {
                    throw new BundleFormatException(new Problem("manifest.invalid-json", Manifest.PATH,
                            "oab.json is not valid UTF-8"));
                }
            }
        }
    }

    /** The canonical bytes of {@code manifest}: fixed field order, sorted tables, LF line ends. */
    public static byte[] write(Manifest manifest) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("oabVersion", manifest.formatVersion());
        root.put("name", manifest.name());
        root.put("version", manifest.version());
        ObjectNode producer = root.putObject("producer");
        producer.put("name", manifest.producer().name());
        manifest.producer().url().ifPresent(u -> producer.put("url", u));
        manifest.producer().email().ifPresent(e -> producer.put("email", e));
        manifest.created().ifPresent(c -> root.put("created", c.toString()));
        root.put("license", manifest.license());
        manifest.description().ifPresent(d -> root.put("description", d));
        manifest.supersedes().ifPresent(s -> {
            ObjectNode node = root.putObject("supersedes");
            node.put("name", s.name());
            node.put("version", s.version());
            node.put("sha256", s.sha256());
        });
        ArrayNode components = root.putArray("components");
        for (Manifest.Component c : manifest.components()) {
            ObjectNode node = components.addObject();
            node.put("id", c.id());
            ArrayNode paths = node.putArray("paths");
            c.paths().forEach(paths::add);
            node.put("license", c.license());
            if (!c.external().isEmpty()) {
                ArrayNode external = node.putArray("external");
                for (Manifest.ExternalReference e : c.external()) {
                    ObjectNode ref = external.addObject();
                    ref.put("url", e.url());
                    ref.put("size", e.size());
                    ref.put("sha256", e.sha256());
                    ref.put("license", e.license());
                }
            }
        }
        ArrayNode files = root.putArray("files");
        for (Manifest.FileEntry file : manifest.files()) {
            ObjectNode node = files.addObject();
            node.put("path", file.path());
            node.put("size", file.size());
            node.put("sha256", file.sha256());
            node.put("mediaType", file.mediaType());
        }
        if (!manifest.annotations().isEmpty()) {
            ObjectNode annotations = root.putObject("annotations");
            new TreeMap<>(manifest.annotations()).forEach(annotations::put);
        }
        return StrictJson.writePretty(root);
    }

    /**
     * Checks the rules that relate fields to each other and that a builder cannot enforce alone:
     * paths valid and unique (also after case folding), tables sorted, component paths present.
     */
    public static void checkConsistency(Manifest manifest) throws BundleFormatException {
        new Reader(List.of()).checkSemantics(manifest);
    }

    /**
     * The rules each row of the file table meets, given the rows before it. A method per row, not a
     * loop body, so that the JIT compiles it after a few hundred rows of a large table.
     */
    private static final class TableRules {
        private final boolean pathsChecked;
        private final BundlePaths.Namespace namespace;
        private final Set<String> mediaTypesSeen = new HashSet<>();
        private String previous;

        /** {@code pathsChecked}: the paths are archive names the strict reader has checked. */
        TableRules(boolean pathsChecked, int rows) {
            this.pathsChecked = pathsChecked;
            this.namespace = new BundlePaths.Namespace(pathsChecked ? 0 : rows);
        }

        void check(int i, Manifest.FileEntry file) throws BundleFormatException {
            Optional<Problem> pathProblem = pathsChecked ? Optional.empty() : BundlePaths.check(file.path());
            if (pathProblem.isPresent()) {
                Problem p = pathProblem.get();
                throw new BundleFormatException(new Problem(p.code(), "files[" + i + "].path",
                        "'" + file.path() + "': " + p.message()));
            }
            if (Manifest.isReservedPath(file.path())) {
                throw new BundleFormatException(new Problem("manifest.reserved-path", "files[" + i + "].path",
                        "'" + file.path() + "' is reserved for OAB itself and cannot be listed as a file"));
            }
            if (previous != null) {
                int order = BundlePaths.UTF8_ORDER.compare(previous, file.path());
                if (order == 0) {
                    throw new BundleFormatException(new Problem("manifest.duplicate-path", "files[" + i + "].path",
                            "'" + file.path() + "' is listed twice"));
                }
                if (order > 0) {
                    throw new BundleFormatException(new Problem("manifest.unsorted", "files[" + i + "].path",
                            "'" + file.path() + "' comes after '" + previous
                                    + "'; the file table must be sorted by the UTF-8 bytes of the path"));
                }
            }
            String key = pathsChecked ? null : BundlePaths.collisionKey(file.path());
            String other = pathsChecked ? null : namespace.add(file.path(), key).orElse(null);
            if (other != null) {
                throw new BundleFormatException(new Problem("path.colliding-names", "files[" + i + "].path",
                        "'" + file.path() + "' and '" + other
                                + "' are the same name on case-insensitive or Unicode-normalising file systems"));
            }
            Optional<String> conflict = pathsChecked ? Optional.empty()
                    : namespace.folderConflict(file.path(), key);
            if (conflict.isPresent()) {
                throw new BundleFormatException(new Problem("path.file-folder-conflict", "files[" + i + "].path",
                        "'" + file.path() + "' and '" + conflict.get() + "' cannot both exist: one is a file "
                                + "where the other needs a folder of the same name"));
            }
            if (file.size() < 0) {
                throw Reader.invalid("files[" + i + "].size", "size must not be negative");
            }
            if (!isSha256Hex(file.sha256())) {
                throw Reader.invalid("files[" + i + "].sha256", "expected 64 lowercase hexadecimal digits");
            }
            // A bundle has a handful of media types over all its files: each is matched once.
            if (!mediaTypesSeen.contains(file.mediaType())) {
                if (!MEDIA_TYPE.matcher(file.mediaType()).matches()) {
                    throw Reader.invalid("files[" + i + "].mediaType",
                            "expected a media type such as 'application/json'");
                }
                mediaTypesSeen.add(file.mediaType());
            }
            previous = file.path();
        }

        /** What {@link #SHA256_HEX} matches, without a regular expression per file. */
        private static boolean isSha256Hex(String s) {
            if (s.length() != 64) {
                return false;
            }
            for (int i = 0; i < 64; i++) {
                char c = s.charAt(i);
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** One read, collecting the field path for messages. */
    private static final class Reader {

        private final List<String> checkedNames;

        Reader(List<String> checkedNames) {
            this.checkedNames = checkedNames;
        }

        /** Whether every path of the table is, in order, one of the names checked by the archive reader. */
        private boolean pathsAlreadyChecked(List<Manifest.FileEntry> files) {
            if (files.size() > checkedNames.size()) {
                return false;
            }
            for (int i = 0; i < files.size(); i++) {
                if (!files.get(i).path().equals(checkedNames.get(i))) {
                    return false;
                }
            }
            return true;
        }

        /** Checks the document; {@code streamedFiles} holds the file table when it was read as a stream. */
        Manifest read(JsonNode root, FileRows streamedFiles) throws BundleFormatException {
            if (!root.isObject()) {
                throw invalid("", "the manifest must be a JSON object");
            }
            // The version first: a newer format's new fields must not be reported as unknown.
            String formatVersion = text(root, "oabVersion", "oabVersion");
            if (!formatVersion.equals(Manifest.FORMAT_VERSION)) {
                throw new BundleFormatException(new Problem("manifest.unsupported-version", "oabVersion",
                        "format version '" + formatVersion + "' is not supported; this tool reads version "
                                + Manifest.FORMAT_VERSION + ". Use a newer oab."));
            }
            checkFields(root, "", TOP_FIELDS);
            String name = matching(root, "name", "name", NAME, "a name of letters, digits, '.', '_', '-' "
                    + "(optionally 'namespace/name'), at most 128 characters per part");
            String version = matching(root, "version", "version", VERSION,
                    "a version of letters, digits, '.', '+', '_', '-', at most 128 characters");
            Manifest.Producer producer = producer(required(root, "producer", "producer"));
            Optional<Instant> created = root.has("created")
                    ? Optional.of(instant(text(root, "created", "created"))) : Optional.empty();
            String license = license(root, "license", "license");
            Optional<String> description = optionalText(root, "description", "description");
            Optional<Manifest.Supersedes> supersedes = root.has("supersedes")
                    ? Optional.of(supersedes(root.get("supersedes"))) : Optional.empty();
            List<Manifest.Component> components = components(required(root, "components", "components"));
            List<Manifest.FileEntry> files = streamedFiles != null ? streamedFiles.result()
                    : files(required(root, "files", "files"));
            Map<String, String> annotations = annotations(root.get("annotations"));
            Manifest manifest = new Manifest(formatVersion, name, version, producer, created, license, description,
                    supersedes, components, files, annotations);
            checkSemantics(manifest);
            return manifest;
        }

        void checkSemantics(Manifest manifest) throws BundleFormatException {
            TableRules rules = new TableRules(pathsAlreadyChecked(manifest.files()), manifest.files().size());
            for (int i = 0; i < manifest.files().size(); i++) {
                rules.check(i, manifest.files().get(i));
            }
            Set<String> ids = new HashSet<>();
            String previousId = null;
            for (int i = 0; i < manifest.components().size(); i++) {
                Manifest.Component component = manifest.components().get(i);
                String where = "components[" + i + "]";
                if (!COMPONENT_ID.matcher(component.id()).matches()) {
                    throw invalid(where + ".id", "'" + component.id() + "' is not a kebab-case component id");
                }
                if (!ids.add(component.id())) {
                    throw new BundleFormatException(new Problem("manifest.duplicate-component", where + ".id",
                            "component '" + component.id() + "' is listed twice"));
                }
                if (previousId != null && previousId.compareTo(component.id()) > 0) {
                    throw new BundleFormatException(new Problem("manifest.unsorted", where + ".id",
                            "component '" + component.id() + "' comes after '" + previousId
                                    + "'; components must be sorted by id"));
                }
                previousId = component.id();
                if (component.paths().isEmpty() && component.external().isEmpty()) {
                    throw invalid(where, "component '" + component.id()
                            + "' has neither paths in the bundle nor external references");
                }
                for (int j = 0; j < component.paths().size(); j++) {
                    String path = component.paths().get(j);
                    String pathWhere = where + ".paths[" + j + "]";
                    String bare = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
                    Optional<Problem> pathProblem = BundlePaths.check(bare);
                    if (pathProblem.isPresent()) {
                        throw new BundleFormatException(new Problem(pathProblem.get().code(), pathWhere,
                                "'" + path + "': " + pathProblem.get().message()));
                    }
                    boolean present = path.endsWith("/") ? manifest.hasFileUnder(path) : manifest.fileIndex(path) >= 0;
                    if (!present) {
                        throw new BundleFormatException(new Problem("manifest.component-path-missing", pathWhere,
                                "component '" + component.id() + "' names '" + path
                                        + "', but no file in the file table is " + (path.endsWith("/") ? "under" : "at")
                                        + " that path"));
                    }
                }
            }
        }

        private Manifest.Producer producer(JsonNode node) throws BundleFormatException {
            if (!node.isObject()) {
                throw invalid("producer", "expected an object with 'name' and optionally 'url' and 'email'");
            }
            checkFields(node, "producer", Set.of("name", "url", "email"));
            return new Manifest.Producer(nonBlank(node, "name", "producer.name"),
                    optionalText(node, "url", "producer.url"), optionalText(node, "email", "producer.email"));
        }

        private Manifest.Supersedes supersedes(JsonNode node) throws BundleFormatException {
            if (!node.isObject()) {
                throw invalid("supersedes", "expected an object with 'name', 'version' and 'sha256'");
            }
            checkFields(node, "supersedes", Set.of("name", "version", "sha256"));
            return new Manifest.Supersedes(
                    matching(node, "name", "supersedes.name", NAME, "a bundle name"),
                    matching(node, "version", "supersedes.version", VERSION, "a version"),
                    matching(node, "sha256", "supersedes.sha256", SHA256_HEX,
                            "64 lowercase hexadecimal digits (the SHA-256 of the superseded .oab file)"));
        }

        private List<Manifest.Component> components(JsonNode node) throws BundleFormatException {
            if (!node.isArray()) {
                throw invalid("components", "expected an array");
            }
            List<Manifest.Component> result = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode c = node.get(i);
                String where = "components[" + i + "]";
                if (!c.isObject()) {
                    throw invalid(where, "expected an object");
                }
                checkFields(c, where, Set.of("id", "paths", "license", "external"));
                String id = text(c, "id", where + ".id");
                List<String> paths = new ArrayList<>();
                JsonNode pathsNode = c.get("paths");
                if (pathsNode != null) {
                    if (!pathsNode.isArray()) {
                        throw invalid(where + ".paths", "expected an array of paths");
                    }
                    for (int j = 0; j < pathsNode.size(); j++) {
                        if (!pathsNode.get(j).isTextual()) {
                            throw invalid(where + ".paths[" + j + "]", "expected a string");
                        }
                        paths.add(pathsNode.get(j).asText());
                    }
                }
                String license = license(c, "license", where + ".license");
                List<Manifest.ExternalReference> external = new ArrayList<>();
                JsonNode externalNode = c.get("external");
                if (externalNode != null) {
                    if (!externalNode.isArray()) {
                        throw invalid(where + ".external", "expected an array");
                    }
                    for (int j = 0; j < externalNode.size(); j++) {
                        external.add(externalReference(externalNode.get(j), where + ".external[" + j + "]"));
                    }
                }
                result.add(new Manifest.Component(id, paths, license, external));
            }
            return result;
        }

        private Manifest.ExternalReference externalReference(JsonNode node, String where) throws BundleFormatException {
            if (!node.isObject()) {
                throw invalid(where, "expected an object with 'url', 'size', 'sha256' and 'license'");
            }
            checkFields(node, where, Set.of("url", "size", "sha256", "license"));
            String url = nonBlank(node, "url", where + ".url");
            if (!url.startsWith("https://") && !url.startsWith("http://")) {
                throw invalid(where + ".url", "expected an http(s) URL");
            }
            return new Manifest.ExternalReference(url, size(node, "size", where + ".size"),
                    matching(node, "sha256", where + ".sha256", SHA256_HEX, "64 lowercase hexadecimal digits"),
                    license(node, "license", where + ".license"));
        }

        private List<Manifest.FileEntry> files(JsonNode node) throws BundleFormatException {
            if (!node.isArray()) {
                throw invalid("files", "expected an array");
            }
            List<Manifest.FileEntry> result = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                result.add(fileRow(node.get(i), "files[" + i + "]"));
            }
            return result;
        }

        static Manifest.FileEntry fileRow(JsonNode f, String where) throws BundleFormatException {
            if (!f.isObject()) {
                throw invalid(where, "expected an object");
            }
            checkFields(f, where, FILE_FIELDS);
            return new Manifest.FileEntry(text(f, "path", where + ".path"), size(f, "size", where + ".size"),
                    text(f, "sha256", where + ".sha256"), text(f, "mediaType", where + ".mediaType"));
        }

        private Map<String, String> annotations(JsonNode node) throws BundleFormatException {
            if (node == null) {
                return Map.of();
            }
            if (!node.isObject()) {
                throw invalid("annotations", "expected an object of string values");
            }
            Map<String, String> result = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                String where = "annotations." + e.getKey();
                if (!ANNOTATION_KEY.matcher(e.getKey()).matches()) {
                    throw invalid(where, "annotation keys are reverse-domain style, e.g. 'org.example.team'");
                }
                if (!e.getValue().isTextual()) {
                    throw invalid(where, "expected a string");
                }
                result.put(e.getKey(), e.getValue().asText());
            }
            return result;
        }

        private static Instant instant(String text) throws BundleFormatException {
            try {
                if (RFC3339_UTC.matcher(text).matches()) {
                    return java.time.LocalDateTime.parse(text.substring(0, text.length() - 1),
                            java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME
                                    .withResolverStyle(java.time.format.ResolverStyle.STRICT))
                            .toInstant(java.time.ZoneOffset.UTC);
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
            throw invalid("created", "'" + text + "' is not an RFC 3339 UTC time such as 2026-01-31T12:00:00Z");
        }

        private static String license(JsonNode node, String field, String where) throws BundleFormatException {
            return matching(node, field, where, LICENSE_EXPRESSION, "an SPDX licence expression such as 'Apache-2.0'");
        }

        private static void checkFields(JsonNode node, String where, Set<String> allowed) throws BundleFormatException {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    throw new BundleFormatException(new Problem("manifest.unknown-field",
                            where.isEmpty() ? name : where + "." + name,
                            "unknown field '" + name + "'; extensions belong in 'annotations'"));
                }
            }
        }

        private static JsonNode required(JsonNode node, String field, String where) throws BundleFormatException {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                throw new BundleFormatException(new Problem("manifest.missing-field", where,
                        "required field '" + field + "' is missing"));
            }
            return value;
        }

        private static String text(JsonNode node, String field, String where) throws BundleFormatException {
            JsonNode value = required(node, field, where);
            if (!value.isTextual()) {
                throw invalid(where, "expected a string");
            }
            return value.asText();
        }

        private static String nonBlank(JsonNode node, String field, String where) throws BundleFormatException {
            String value = text(node, field, where);
            if (value.isBlank()) {
                throw invalid(where, "must not be empty");
            }
            return value;
        }

        private static Optional<String> optionalText(JsonNode node, String field, String where)
                throws BundleFormatException {
            if (node.get(field) == null) {
                return Optional.empty();
            }
            return Optional.of(text(node, field, where));
        }

        private static String matching(JsonNode node, String field, String where, Pattern pattern, String expected)
                throws BundleFormatException {
            String value = text(node, field, where);
            if (!pattern.matcher(value).matches()) {
                throw invalid(where, "'" + value + "' is not valid; expected " + expected);
            }
            return value;
        }

        private static long size(JsonNode node, String field, String where) throws BundleFormatException {
            JsonNode value = required(node, field, where);
            if (!value.isIntegralNumber()) {
                throw invalid(where, "expected a non-negative integer");
            }
            BigInteger big = value.bigIntegerValue();
            if (big.signum() < 0 || big.bitLength() > 62) {
                throw invalid(where, "expected a non-negative integer below 2^62");
            }
            return big.longValue();
        }

        private static BundleFormatException invalid(String where, String message) {
            return new BundleFormatException(new Problem("manifest.invalid-field", where, message));
        }
    }
}
