package dev.oab.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The one way OAB reads and writes JSON. Every document OAB reads may come from an attacker, so
 * the parser refuses duplicate keys (two readers could otherwise see two different documents),
 * trailing content, deep nesting and oversized numbers, strings and documents. Output is
 * deterministic: insertion-ordered keys, two-space indentation and LF line ends on every OS.
 */
public final class StrictJson {

    /** Largest JSON document OAB reads (manifests of 100,000 files fit comfortably). */
    public static final int MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
    public static final int MAX_NESTING_DEPTH = 64;
    public static final int MAX_NUMBER_LENGTH = 64;
    public static final int MAX_STRING_LENGTH = 16 * 1024 * 1024;
    public static final int MAX_NAME_LENGTH = 4096;

    private static final ObjectMapper MAPPER = JsonMapper.builder(
                    JsonFactory.builder()
                            .streamReadConstraints(StreamReadConstraints.builder()
                                    .maxDocumentLength(MAX_DOCUMENT_BYTES)
                                    .maxNestingDepth(MAX_NESTING_DEPTH)
                                    .maxNumberLength(MAX_NUMBER_LENGTH)
                                    .maxStringLength(MAX_STRING_LENGTH)
                                    .maxNameLength(MAX_NAME_LENGTH)
                                    .build())
                            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private StrictJson() {
    }

    /** The hardened mapper, for callers that bind to their own types. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Parses one JSON document.
     *
     * @param what names the document in the error message, e.g. {@code "oab.json"}
     * @throws JsonDocumentException when the bytes are not exactly one valid, bounded JSON value
     */
    public static JsonNode parse(byte[] bytes, String what) throws JsonDocumentException {
        if (bytes.length > MAX_DOCUMENT_BYTES) {
            throw new JsonDocumentException(what + ": document is " + bytes.length
                    + " bytes, more than the limit of " + MAX_DOCUMENT_BYTES);
        }
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new JsonDocumentException(what + ": empty document");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new JsonDocumentException(what + ": " + describe(e), e);
        } catch (IOException e) {
            throw new JsonDocumentException(what + ": " + e.getMessage(), e);
        }
    }

    /** Pretty, deterministic UTF-8 JSON ending with one LF. */
    public static byte[] writePretty(Object value) {
        try {
            String text = PRETTY.writeValueAsString(value);
            return (text + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getName(), e);
        }
    }

    /** Compact, deterministic UTF-8 JSON without a trailing newline. */
    public static byte[] writeCompact(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getName(), e);
        }
    }

    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (e.getLocation() != null) {
            message += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
        return message;
    }
}
