package dev.oab.mof;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes a {@link MofDocument} as a {@code mof.yml} the Model Openness Tool accepts: keys in the
 * order of the tool's own files, absent values left out, and the keys the MOF schema requires
 * ({@code release.license}, {@code release.producer}, {@code release.components}) always present.
 * Strings that look like numbers are quoted so {@code version: "1.0"} stays text.
 */
public final class MofWriter {

    /** Shared by everything OAB writes as YAML, so all of it looks alike. */
    static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    private MofWriter() {
    }

    /** The document as UTF-8 YAML. */
    public static byte[] toYaml(MofDocument document) {
        try {
            return YAML.writeValueAsString(toTree(document)).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a tree of strings as YAML", e);
        }
    }

    /** The document as the JSON tree the MOF schema describes. */
    public static ObjectNode toTree(MofDocument document) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        ObjectNode framework = root.putObject("framework");
        put(framework, "name", document.framework().name());
        put(framework, "version", document.framework().version());
        put(framework, "date", document.framework().date());

        MofDocument.Release release = document.release();
        ObjectNode out = root.putObject("release");
        put(out, "name", release.name());
        put(out, "version", release.version());
        put(out, "date", release.date());
        ObjectNode licenses = out.putObject("license");
        for (Map.Entry<String, MofDocument.License> scope : release.licenses().entrySet()) {
            ObjectNode license = licenses.putObject(scope.getKey());
            license.put("name", scope.getValue().name());
            license.put("path", scope.getValue().path());
        }
        put(out, "type", release.type());
        put(out, "architecture", release.architecture());
        put(out, "treatment", release.treatment());
        put(out, "origin", release.origin());
        out.put("producer", release.producer() == null ? "" : release.producer());
        put(out, "contact", release.contact());
        put(out, "repository", release.repository());
        put(out, "huggingface", release.huggingface());
        ArrayNode components = out.putArray("components");
        for (MofDocument.Component component : release.components()) {
            ObjectNode entry = components.addObject();
            put(entry, "name", component.name());
            put(entry, "description", component.description());
            put(entry, "license", component.license());
            put(entry, "license_path", component.licensePath());
            put(entry, "component_path", component.componentPath());
        }
        return root;
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
