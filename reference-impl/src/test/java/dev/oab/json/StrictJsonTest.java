package dev.oab.json;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every limit of the one JSON parser OAB uses for documents that may come from an attacker. */
class StrictJsonTest {

    private static String refused(String json) {
        return refused(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String refused(byte[] json) {
        return assertThrows(JsonDocumentException.class, () -> StrictJson.parse(json, "doc.json")).getMessage();
    }

    @Test
    void duplicateKeysAreRefused() {
        assertEquals("doc.json: Duplicate field 'a' (line 1, column 13)", refused("{\"a\": 1, \"a\": 2}"));
    }

    @Test
    void aNumberWhoseExponentOverflowsIsRefusedNotThrown() {
        // Found by fuzzing the manifest parser: Jackson reports it with a NumberFormatException.
        String json = "{ \"o\": [44444400000000000000000e000446744073709551615] }";
        assertTrue(refused(json).startsWith("doc.json: a number cannot be read: Value \"44444400000000000000000e"),
                refused(json));
        JsonDocumentException streamed = assertThrows(JsonDocumentException.class, () -> StrictJson.parseStreaming(
                json.getBytes(StandardCharsets.UTF_8), "doc.json", "files", (parser, index) -> parser.skipChildren()));
        assertEquals(refused(json), streamed.getMessage());
    }

    @Test
    void trailingContentIsRefused() {
        assertTrue(refused("{\"a\": 1} {\"b\": 2}").startsWith("doc.json: Trailing token"), refused("{\"a\": 1} {}"));
    }

    @Test
    void nestingIsBounded() {
        String ok = "[".repeat(StrictJson.MAX_NESTING_DEPTH) + "]".repeat(StrictJson.MAX_NESTING_DEPTH);
        StrictJsonTest.parses(ok);
        String deep = "[".repeat(StrictJson.MAX_NESTING_DEPTH + 1) + "]".repeat(StrictJson.MAX_NESTING_DEPTH + 1);
        assertTrue(refused(deep).contains("Document nesting depth (65) exceeds the maximum allowed (64"), refused(deep));
    }

    @Test
    void numberLengthIsBounded() {
        String long64 = "1".repeat(StrictJson.MAX_NUMBER_LENGTH);
        StrictJsonTest.parses("[" + long64 + "]");
        assertTrue(refused("[" + long64 + "1]").contains("Number value length (65) exceeds the maximum allowed (64"),
                refused("[" + long64 + "1]"));
    }

    @Test
    void stringLengthIsBounded() {
        String huge = "\"" + "x".repeat(StrictJson.MAX_STRING_LENGTH + 1) + "\"";
        assertTrue(refused(huge).contains("String value length"), "a 16 MiB string is refused");
    }

    @Test
    void keyLengthIsBounded() {
        String key = "k".repeat(StrictJson.MAX_NAME_LENGTH + 1);
        assertTrue(refused("{\"" + key + "\": 1}").contains("Name length"), "a long key is refused");
    }

    @Test
    void documentSizeIsCheckedBeforeParsing() {
        byte[] big = new byte[StrictJson.MAX_DOCUMENT_BYTES + 1];
        Arrays.fill(big, (byte) ' ');
        assertEquals("doc.json: document is 67108865 bytes, more than the limit of 67108864", refused(big));
    }

    @Test
    void emptyAndMalformedDocumentsAreRefused() {
        assertEquals("doc.json: empty document", refused(""));
        assertTrue(refused("{\"a\": }").startsWith("doc.json: Unexpected character"), refused("{\"a\": }"));
    }

    @Test
    void outputIsDeterministicWithLfLineEnds() throws Exception {
        var node = StrictJson.parse("{\"b\":1,\"a\":[1,2]}".getBytes(StandardCharsets.UTF_8), "doc.json");
        assertEquals("{\n  \"b\": 1,\n  \"a\": [\n    1,\n    2\n  ]\n}\n",
                new String(StrictJson.writePretty(node), StandardCharsets.UTF_8));
    }

    private static void parses(String json) {
        try {
            StrictJson.parse(json.getBytes(StandardCharsets.UTF_8), "doc.json");
        } catch (JsonDocumentException e) {
            throw new AssertionError(e);
        }
    }
}
