package dev.oab.mof;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.oab.OabException;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads a Model Openness Tool {@code mof.yml} into a {@link MofDocument}. The YAML is read into a
 * tree with duplicate keys refused (two readers could otherwise see two different claims) and
 * bounded sizes, then bound field by field so every error names the field at fault.
 */
public final class MofReader {

    /** mof.yml files are a few kilobytes; anything this large is not one. */
    public static final int MAX_DOCUMENT_BYTES = 1024 * 1024;

    private static final ObjectMapper YAML = createMapper();

    private MofReader() {
    }

    private static ObjectMapper createMapper() {
        LoaderOptions loaderOptions = new LoaderOptions();
        loaderOptions.setCodePointLimit(MAX_DOCUMENT_BYTES);
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(loaderOptions)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(MAX_DOCUMENT_BYTES)
                        .maxNestingDepth(32)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // An empty plain value ("license:") is null (inherit), as YAML and the tool read it;
                // the builder leaves this off, which would turn it into "" (unlicensed). '' stays "".
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                .build();
        return YAMLMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .build();
    }

    /** Reads and binds the file. */
    public static MofDocument read(Path file) throws OabException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_DOCUMENT_BYTES) {
                throw new MofFormatException(file + ": larger than " + MAX_DOCUMENT_BYTES + " bytes; not a mof.yml");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new OabException(OabException.Category.IO, file + ": no such file");
        } catch (IOException e) {
            throw new OabException(OabException.Category.IO, file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(bytes, file.toString());
    }

    /**
     * Parses and binds a mof.yml.
     *
     * @param what names the document in error messages, e.g. its file name
     */
    public static MofDocument parse(byte[] yaml, String what) throws MofFormatException {
        if (yaml.length > MAX_DOCUMENT_BYTES) {
            throw new MofFormatException(what + ": larger than " + MAX_DOCUMENT_BYTES + " bytes; not a mof.yml");
        }
        JsonNode root;
        try {
            refuseAliases(yaml, what);
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new MofFormatException(what + ": not valid YAML: " + e.getOriginalMessage() + where, e);
        } catch (IOException e) {
            throw new MofFormatException(what + ": not valid YAML: " + e.getMessage(), e);
        }
        return new Binder(what).document(root);
    }

    /**
     * Jackson reports an alias ({@code *name}) as the text of its anchor's name instead of the
     * value it stands for, which would silently change a claim; mof.yml files never need aliases.
     */
    private static void refuseAliases(byte[] yaml, String what) throws IOException, MofFormatException {
        try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(yaml)) {
            while (parser.nextToken() != null) {
                if (parser.isCurrentAlias()) {
                    throw new MofFormatException(what + ": YAML alias *" + parser.getText() + " at line "
                            + parser.currentLocation().getLineNr() + "; write the value out in full");
                }
            }
        }
    }

    /** Binds the tree, naming the field path of the first problem. */
    private record Binder(String what) {

        MofDocument document(JsonNode root) throws MofFormatException {
            requireMapping(root, "the document");
            JsonNode framework = root.get("framework");
            requireMapping(framework, "framework");
            JsonNode release = root.get("release");
            requireMapping(release, "release");
            return new MofDocument(
                    new MofDocument.Framework(text(framework, "framework", "name"), text(framework, "framework", "version"),
                            text(framework, "framework", "date")),
                    release(release));
        }

        private MofDocument.Release release(JsonNode release) throws MofFormatException {
            String name = text(release, "release", "name");
            if (name == null || name.isBlank()) {
                throw fail("release.name", "is missing or empty; the MOF schema requires a release name");
            }
            MofDocument.Builder builder = MofDocument.Release.builder(name)
                    .version(text(release, "release", "version"))
                    .date(text(release, "release", "date"))
                    .type(text(release, "release", "type"))
                    .architecture(text(release, "release", "architecture"))
                    .treatment(text(release, "release", "treatment"))
                    .origin(text(release, "release", "origin"))
                    .producer(text(release, "release", "producer"))
                    .contact(text(release, "release", "contact"))
                    .repository(text(release, "release", "repository"))
                    .huggingface(text(release, "release", "huggingface"));
            JsonNode licenses = release.get("license");
            if (licenses != null && !licenses.isNull()) {
                requireMapping(licenses, "release.license");
                for (Iterator<Map.Entry<String, JsonNode>> it = licenses.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> scope = it.next();
                    String field = "release.license." + scope.getKey();
                    if (scope.getValue().isNull()) {
                        continue;
                    }
                    requireMapping(scope.getValue(), field);
                    builder.license(scope.getKey(), new MofDocument.License(
                            text(scope.getValue(), field, "name"), text(scope.getValue(), field, "path")));
                }
            }
            JsonNode components = release.get("components");
            if (components != null && !components.isNull()) {
                if (!components.isArray()) {
                    throw fail("release.components", "must be a list of components but is " + kind(components));
                }
                int index = 0;
                for (JsonNode component : components) {
                    String field = "release.components[" + index++ + "]";
                    requireMapping(component, field);
                    String componentName = text(component, field, "name");
                    if (componentName == null || componentName.isBlank()) {
                        throw fail(field + ".name", "is missing or empty; every component needs its MOF name");
                    }
                    builder.component(new MofDocument.Component(componentName,
                            text(component, field, "description"), text(component, field, "license"),
                            text(component, field, "license_path"), text(component, field, "component_path")));
                }
            }
            return builder.build();
        }

        /** A scalar as text (YAML gives unquoted 1.0 or 2024-06-13 as numbers or text; both are claims as written). */
        private String text(JsonNode parent, String parentField, String field) throws MofFormatException {
            JsonNode value = parent.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isValueNode()) {
                throw fail(parentField + "." + field, "must be a text value but is " + kind(value));
            }
            return value.asText();
        }

        private void requireMapping(JsonNode node, String field) throws MofFormatException {
            if (node == null || node.isNull() || node.isMissingNode()) {
                throw fail(field, "is missing");
            }
            if (!node.isObject()) {
                throw fail(field, "must be a mapping but is " + kind(node));
            }
        }

        private MofFormatException fail(String field, String problem) {
            return new MofFormatException(what + ": " + field + " " + problem);
        }

        private static String kind(JsonNode node) {
            if (node.isObject()) {
                return "a mapping";
            }
            if (node.isArray()) {
                return "a list";
            }
            return "the value " + node.asText();
        }
    }
}
