package dev.oab.bundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The file table is read as a token stream, the rest of the manifest as a tree. Whatever a
 * manifest holds, the outcome must be the one a reading of the whole document as a tree gives:
 * the same manifest, or the same first problem with the same field and message.
 */
class ManifestCodecTest {

    private static final String HASH = "482b86d9e0325845e6346fc1c1354321507641cc9c8c21ec4ed98603cfff6891";

    private static String row(String path, String size) {
        return "{\"path\": \"" + path + "\", \"size\": " + size + ", \"sha256\": \"" + HASH
                + "\", \"mediaType\": \"text/plain\"}";
    }

    private static String manifest(List<String> rows, String before, String after) {
        return "{\"oabVersion\": \"0.1\", \"name\": \"example\", \"version\": \"1.0.0\","
                + " \"producer\": {\"name\": \"Example\"}, \"license\": \"Apache-2.0\"," + before
                + " \"components\": [{\"id\": \"licenses\", \"paths\": [\"LICENSES/\"], \"license\": \"Apache-2.0\"}],"
                + " \"files\": [" + String.join(", ", rows) + "]" + after + "}";
    }

    private static final List<String> ROWS = List.of(row("LICENSES/Apache-2.0.txt", "51"), row("a/b.txt", "0"),
            row("a/c.txt", "4611686018427387903"), row("z.bin", "7"));

    /** Replacements for one row or one value: every type a row or a field can wrongly have. */
    private static final String[] ODD_VALUES = {"null", "true", "1", "-1", "1.0", "1e3", "4611686018427387904",
            "99999999999999999999999", "\"7\"", "{}", "[]", "[1, {\"a\": 2}]", "{\"path\": \"x\"}", "\"\""};

    @Test
    void streamingAndTreeReadingsAgreeOnEveryMutation() {
        Random random = new Random(42);
        int cases = 0;
        for (int i = 0; i < 3000; i++) {
            List<String> rows = new java.util.ArrayList<>(ROWS);
            int target = random.nextInt(rows.size());
            String odd = ODD_VALUES[random.nextInt(ODD_VALUES.length)];
            String mutated = switch (random.nextInt(7)) {
                case 0 -> odd;
                case 1 -> rows.get(target).replace("\"size\": ", "\"size\": " + odd + ", \"was\": ");
                case 2 -> rows.get(target).replaceFirst("\"path\": \"[^\"]*\"", "\"path\": " + odd);
                case 3 -> rows.get(target).replaceFirst("\"sha256\": \"[^\"]*\"", "\"sha256\": " + odd);
                case 4 -> rows.get(target).replaceFirst(", \"mediaType\": \"[^\"]*\"", "");
                case 5 -> rows.get(target).replace("{", "{\"extra\": " + odd + ", ");
                default -> rows.get(target).replace("}", ", \"path\": \"again\"}");
            };
            rows.set(target, mutated);
            String before = random.nextInt(5) == 0 ? " \"description\": " + odd + "," : "";
            String after = switch (random.nextInt(6)) {
                case 0 -> ", \"annotations\": {\"org.example\": " + odd + "}";
                case 1 -> ", \"name\": \"twice\"";
                case 2 -> ", \"unknown\": 1";
                default -> "";
            };
            assertSameOutcome(manifest(rows, before, after));
            cases++;
        }
        assertEquals(3000, cases);
    }

    @Test
    void validTablesReadTheSameBothWays() throws Exception {
        byte[] json = manifest(ROWS, "", "").getBytes(StandardCharsets.UTF_8);
        Manifest streamed = ManifestCodec.parse(json);
        assertEquals(ManifestCodec.parseAsTree(json), streamed);
        assertEquals(4611686018427387903L, streamed.file("a/c.txt").orElseThrow().size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"x\"|manifest.invalid-field|files[1]|expected an object",
            "{\"path\": \"a/b.txt\", \"size\": 1.0, \"sha256\": \"h\", \"mediaType\": \"m\"}|manifest.invalid-field"
                    + "|files[1].size|expected a non-negative integer",
            "{\"path\": \"a/b.txt\", \"size\": -1, \"sha256\": \"h\", \"mediaType\": \"m\"}|manifest.invalid-field"
                    + "|files[1].size|expected a non-negative integer below 2^62",
            "{\"path\": null, \"size\": 1, \"sha256\": \"h\", \"mediaType\": \"m\"}|manifest.missing-field"
                    + "|files[1].path|required field 'path' is missing",
            "{\"path\": \"a/b.txt\", \"size\": 1, \"sha256\": \"h\", \"mediaType\": \"m\", \"x\": {}}"
                    + "|manifest.unknown-field|files[1].x|unknown field 'x'; extensions belong in 'annotations'",
    })
    void aBadRowIsNamedWithItsField(String badRow, String code, String where, String message) {
        List<String> rows = new java.util.ArrayList<>(ROWS);
        rows.set(1, badRow);
        BundleFormatException e = assertThrows(BundleFormatException.class,
                () -> ManifestCodec.parse(manifest(rows, "", "").getBytes(StandardCharsets.UTF_8)));
        assertEquals(new Problem(code, where, message), e.problems().get(0));
    }

    @Test
    void aDuplicateKeyAfterTheTableIsStillCaught() {
        BundleFormatException e = assertThrows(BundleFormatException.class, () -> ManifestCodec.parse(
                manifest(ROWS, "", ", \"license\": \"MIT\"").getBytes(StandardCharsets.UTF_8)));
        assertEquals("manifest.invalid-json", e.problems().get(0).code());
        assertEquals(true, e.problems().get(0).message().contains("Duplicate field 'license'"),
                e.problems().get(0).message());
    }

    @Test
    void contentAfterTheDocumentIsRefused() {
        for (String trailing : List.of(" {}", " []", " 1", " x")) {
            BundleFormatException e = assertThrows(BundleFormatException.class, () -> ManifestCodec.parse(
                    (manifest(ROWS, "", "") + trailing).getBytes(StandardCharsets.UTF_8)));
            assertEquals("manifest.invalid-json", e.problems().get(0).code(), trailing);
        }
    }

    private static void assertSameOutcome(String document) {
        byte[] json = document.getBytes(StandardCharsets.UTF_8);
        Object expected;
        try {
            expected = ManifestCodec.parseAsTree(json);
        } catch (BundleFormatException e) {
            expected = e.problems();
        }
        Object actual;
        try {
            actual = ManifestCodec.parse(json);
        } catch (BundleFormatException e) {
            actual = e.problems();
        }
        assertEquals(expected, actual, document);
    }
}
