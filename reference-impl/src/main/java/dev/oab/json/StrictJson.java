package dev.oab.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

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

    /** Reads one value where the parser stands, leaving any following content to the caller. */
    private static final ObjectReader VALUE_READER = MAPPER.reader()
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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
        checkSize(bytes, what);
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
        } catch (NumberFormatException e) {
            throw unreadableNumber(what, e);
        }
    }

    /** Receives, one at a time, the elements of the array that {@link #parseStreaming} streams. */
    @FunctionalInterface
    public interface ElementReader {
        /**
         * Reads the element whose first token {@code parser} stands on, and leaves it on the
         * element's last token.
         */
        void read(JsonParser parser, int index) throws IOException;
    }

    /**
     * The document, read as by {@link #parse} except that when it is an object whose field
     * {@code field} holds an array, that array's elements go to {@code elements} in order, from
     * the token stream, and the field is left out of the returned tree: a table of 100,000 rows
     * then costs its rows, not a tree of half a million nodes. Limits and refusals are those of
     * {@link #parse}.
     *
     * @return the tree, and whether {@code field} was streamed
     */
    public static Streamed parseStreaming(byte[] bytes, String what, String field, ElementReader elements)
            throws JsonDocumentException {
        checkSize(bytes, what);
        try (JsonParser parser = MAPPER.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new JsonDocumentException(what + ": empty document");
            }
            JsonNode root;
            boolean streamed = false;
            if (first != JsonToken.START_OBJECT) {
                root = VALUE_READER.readTree(parser);
            } else {
                ObjectNode object = MAPPER.createObjectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    if (parser.nextToken() == JsonToken.START_ARRAY && name.equals(field)) {
                        int index = 0;
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            elements.read(parser, index++);
                        }
                        streamed = true;
                    } else {
                        object.set(name, VALUE_READER.readTree(parser));
                    }
                }
                root = object;
            }
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new JsonDocumentException(what + ": Trailing token (of type " + trailing
                        + ") found after the document (line " + parser.currentTokenLocation().getLineNr() + ", column "
                        + parser.currentTokenLocation().getColumnNr() + ")");
            }
            return new Streamed(root, streamed);
        } catch (JsonProcessingException e) {
            throw new JsonDocumentException(what + ": " + describe(e), e);
        } catch (IOException e) {
            throw new JsonDocumentException(what + ": " + e.getMessage(), e);
        } catch (NumberFormatException e) {
            throw unreadableNumber(what, e);
        }
    }

    /** A document read by {@link #parseStreaming}: its tree, and whether the array field went to the reader. */
    public record Streamed(JsonNode root, boolean fieldStreamed) {
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

    private static void checkSize(byte[] bytes, String what) throws JsonDocumentException {
        if (bytes.length > MAX_DOCUMENT_BYTES) {
            throw new JsonDocumentException(what + ": document is " + bytes.length
                    + " bytes, more than the limit of " + MAX_DOCUMENT_BYTES);
        }
    }

    /**
     * Jackson reads a number's value only when asked, and reports one it cannot represent (such
     * as {@code 1e0004467440737095516}, whose exponent overflows) with an unchecked exception.
     */
    private static JsonDocumentException unreadableNumber(String what, NumberFormatException e) {
        return new JsonDocumentException(what + ": a number cannot be read: " + e.getMessage(), e);
    }

    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (e.getLocation() != null) {
            message += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
        return message;
    }
}
