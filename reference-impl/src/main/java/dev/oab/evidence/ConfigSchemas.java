package dev.oab.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.oab.json.JsonDocumentException;
import dev.oab.json.SchemaErrors;
import dev.oab.json.StrictJson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Validates hyperparameter and seed documents against the JSON Schemas the {@code oab-spec}
 * module ships ({@code dev/oab/spec/schema/*.schema.json} on the classpath), so the code and the
 * specification cannot drift apart. Documents are parsed with {@link StrictJson} first, so
 * duplicate keys are refused before the schema sees a document.
 */
public final class ConfigSchemas {

    /** Largest configuration document read. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    private static final String SCHEMA_RESOURCE_DIR = "dev/oab/spec/schema/";

    /**
     * English messages whatever the machine's locale, JSON Pointer locations, and no network: the
     * schemas reference nothing remote and a document must not make the validator fetch anything.
     */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .locale(Locale.ENGLISH)
                            .pathType(PathType.JSON_POINTER)
                            .build())
                    .schemaLoader(loader -> loader.fetchRemoteResources(false)));

    private static final Map<ConfigKind, Schema> SCHEMAS = new EnumMap<>(ConfigKind.class);

    private ConfigSchemas() {
    }

    /** Validates a hyperparameters document. */
    public static ConfigReport checkHyperparameters(byte[] content, String path) throws EvidenceReadException {
        return check(ConfigKind.HYPERPARAMETERS, content, path);
    }

    /** Validates a seeds document. */
    public static ConfigReport checkSeeds(byte[] content, String path) throws EvidenceReadException {
        return check(ConfigKind.SEEDS, content, path);
    }

    /** Reads a document (at most {@link #MAX_BYTES}) from a channel and validates it; the channel is not closed. */
    public static ConfigReport check(ConfigKind kind, SeekableByteChannel channel, String path)
            throws EvidenceReadException {
        return check(kind, Inputs.readCapped(channel, MAX_BYTES, path), path);
    }

    /**
     * Validates a document held in memory.
     *
     * @throws EvidenceReadException when the schema itself cannot be loaded (oab-spec missing from
     *                               the classpath); problems with the document are findings
     */
    public static ConfigReport check(ConfigKind kind, byte[] content, String path) throws EvidenceReadException {
        String prefix = kind.codePrefix();
        List<Finding> findings = new ArrayList<>();
        if (content == null || content.length > MAX_BYTES) {
            findings.add(Finding.error(prefix + ".too-large", path, "the document is larger than " + MAX_BYTES
                    + " bytes"));
            return new ConfigReport(path, kind, Map.of(), findings);
        }
        JsonNode document;
        try {
            document = StrictJson.parse(content, path);
        } catch (JsonDocumentException e) {
            findings.add(Finding.error(prefix + ".invalid-json", path, e.getMessage()));
            return new ConfigReport(path, kind, Map.of(), findings);
        }
        for (Error error : schema(kind).validate(document)) {
            findings.add(Finding.error(prefix + ".schema-violation", path, SchemaErrors.describe(error)
                    + " (schema " + kind.schemaFile() + ")"));
        }
        if (kind == ConfigKind.SEEDS && findings.isEmpty()) {
            Set<String> names = new HashSet<>();
            for (JsonNode seed : document.get("seeds")) {
                String name = seed.get("name").textValue();
                if (!names.add(name)) {
                    findings.add(Finding.error("seeds.duplicate-name", path, "the generator '" + name
                            + "' is listed twice; give each generator one entry"));
                }
            }
        }
        Map<String, Object> map = document.isObject() ? asMap(document) : Map.of();
        return new ConfigReport(path, kind, map, findings);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(JsonNode document) {
        return new LinkedHashMap<>((Map<String, Object>) Inputs.toJava(document));
    }

    private static synchronized Schema schema(ConfigKind kind) throws EvidenceReadException {
        Schema schema = SCHEMAS.get(kind);
        if (schema != null) {
            return schema;
        }
        String resource = SCHEMA_RESOURCE_DIR + kind.schemaFile();
        ClassLoader loader = ConfigSchemas.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new EvidenceReadException("the schema " + resource + " is not on the classpath; the oab-spec"
                        + " jar is missing or damaged, reinstall OAB");
            }
            JsonNode node = StrictJson.parse(in.readAllBytes(), resource);
            schema = REGISTRY.getSchema(SchemaLocation.of("classpath:" + resource), node);
            schema.initializeValidators();
        } catch (IOException | JsonDocumentException e) {
            throw new EvidenceReadException("cannot load the schema " + resource + ": " + e.getMessage(), e);
        }
        SCHEMAS.put(kind, schema);
        return schema;
    }
}
