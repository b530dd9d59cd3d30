package dev.oab.evidence;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;

/**
 * Reads the small YAML documents OAB meets (card front matter, conda environment files) from
 * untrusted bytes. Anchors and aliases are refused outright, which rules out "billion laughs"
 * expansion whatever the parser does with them; explicit tags are refused so no document can ask
 * for a type; size, nesting and duplicate keys are bounded or refused as in {@code StrictJson}.
 */
final class SafeYaml {

    /** Largest YAML text read, in characters (front matter is a few KiB in practice). */
    static final int MAX_CODE_POINTS = 1024 * 1024;
    static final int MAX_NESTING_DEPTH = 32;

    private static final ObjectMapper MAPPER = createMapper();

    private SafeYaml() {
    }

    private static ObjectMapper createMapper() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setNestingDepthLimit(MAX_NESTING_DEPTH);
        options.setMaxAliasesForCollections(0);
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxDocumentLength(MAX_CODE_POINTS)
                        .maxStringLength(MAX_CODE_POINTS)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return YAMLMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .build();
    }

    /** The text is not YAML OAB accepts; the message says why and where. */
    static final class YamlException extends Exception {
        YamlException(String message) {
            super(message);
        }
    }

    /**
     * Parses one YAML document into a tree.
     *
     * @return the document, or a null node for an empty document
     */
    static JsonNode parse(String text) throws YamlException {
        if (text.length() > MAX_CODE_POINTS) {
            throw new YamlException("it is " + text.length() + " characters, more than the limit of " + MAX_CODE_POINTS);
        }
        // First pass: refuse aliases and tags, which the tree would silently flatten.
        try (JsonParser parser = MAPPER.getFactory().createParser(text)) {
            YAMLParser yaml = (YAMLParser) parser;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (yaml.isCurrentAlias() || yaml.getObjectId() != null) {
                    throw new YamlException("it uses YAML anchors or aliases (line "
                            + parser.currentLocation().getLineNr() + "), which OAB does not accept; write the"
                            + " values out in full");
                }
                if (yaml.getTypeId() != null) {
                    throw new YamlException("it uses the YAML tag '!" + yaml.getTypeId() + "' (line "
                            + parser.currentLocation().getLineNr() + "), which OAB does not accept; remove the tag");
                }
            }
        } catch (JsonProcessingException e) {
            throw new YamlException(describe(e));
        } catch (IOException e) {
            throw new YamlException(e.getMessage());
        } catch (RuntimeException e) {
            // SnakeYAML reports limit breaches as unchecked exceptions.
            throw new YamlException(e.getMessage());
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new YamlException(describe(e));
        } catch (RuntimeException e) {
            throw new YamlException(String.valueOf(e.getMessage()));
        }
    }

    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            message += " (line " + e.getLocation().getLineNr() + ")";
        }
        return message;
    }
}
