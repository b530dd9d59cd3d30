package dev.oab.bundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The path rules run for every name of every bundle opened, so they are written to avoid
 * encoding and splitting strings. These tests hold them to the definitions they stand for: UTF-8
 * byte order, NFC plus case folding, and the spec's list of path problems.
 */
class BundlePathsTest {

    /** Pieces that exercise every branch: ASCII, separators, BMP above U+E000, pairs, lone surrogates, folding. */
    private static final String[] PIECES = {"a", "Z", "/", ".", " ", "0", "é", "e\u0301", "\u00df", "\u0131", "\u0130",
            "\uE000", "\uFFFF", "\uD83D\uDE00", "\uD800", "\uDC00", "\u00b9", "con", "AUX", "lpt\u00b9", "~", "\u007f"};

    private static String randomName(Random random) {
        StringBuilder s = new StringBuilder();
        int pieces = random.nextInt(7);
        for (int i = 0; i < pieces; i++) {
            s.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return s.toString();
    }

    @Test
    void utf8OrderIsTheOrderOfTheEncodedBytes() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            String a = randomName(random);
            String b = random.nextInt(4) == 0 ? a + randomName(random) : randomName(random);
            int expected = Integer.signum(Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                    b.getBytes(StandardCharsets.UTF_8)));
            assertEquals(expected, Integer.signum(BundlePaths.UTF8_ORDER.compare(a, b)), () -> a + " vs " + b);
            assertEquals(-expected, Integer.signum(BundlePaths.UTF8_ORDER.compare(b, a)), () -> b + " vs " + a);
        }
    }

    @Test
    void aSupplementaryCharacterSortsAfterTheTopOfTheBasicPlane() {
        // UTF-16 code units put U+1F600 (a surrogate pair, 0xD83D...) before U+E000; UTF-8 does not.
        assertTrue(BundlePaths.UTF8_ORDER.compare("\uD83D\uDE00", "\uE000") > 0);
        assertTrue("\uD83D\uDE00".compareTo("\uE000") < 0);
    }

    @Test
    void collisionKeyIsNfcThenCaseFolded() {
        Random random = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            String name = randomName(random);
            String expected = Normalizer.normalize(name, Normalizer.Form.NFC)
                    .toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
            assertEquals(expected, BundlePaths.collisionKey(name), name);
        }
        assertEquals(BundlePaths.collisionKey("Caf\u00e9"), BundlePaths.collisionKey("CAFE\u0301"));
        assertEquals("weights/model.safetensors", BundlePaths.collisionKey("Weights/MODEL.safetensors"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "code/run.py|",
            "a/b/c.txt|",
            "con|path.reserved-name",
            "code/aux .txt|path.reserved-name",
            "code/Lpt\u00b9.log|path.reserved-name",
            "code/console.txt|",
            "code/conout$|path.reserved-name",
            "code/conoutx$|",
            "code/evil.|path.trailing-dot-or-space",
            "'code/evil '|path.trailing-dot-or-space",
            "code//x|path.empty-segment",
            "code/|path.empty-segment",
            "./x|path.dot-segment",
            "a/../x|path.dot-segment",
            "a/.../x|path.trailing-dot-or-space",
            "a/.hidden|",
            "/etc/passwd|path.absolute",
            "c:/x|path.forbidden-character",
            "a\\b|path.backslash",
            "a\u007fb|path.control-character",
            "a\u0085b|path.control-character",
            "a\uD800b|path.invalid-unicode",
            "a\uDC00|path.invalid-unicode",
            "a\uD83D\uDE00b|",
    })
    void checkNamesTheProblem(String path, String code) {
        assertEquals(Optional.ofNullable(code), BundlePaths.check(path).map(Problem::code), path);
    }

    @Test
    void upperCasingNeverShortensAString() {
        // The device-name check skips stems longer than the longest device name on this basis.
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String one = Character.toString(cp);
            assertTrue(one.toUpperCase(Locale.ROOT).length() >= one.length(), one);
        }
    }

    @Test
    void aNonAsciiInitialStillReachesTheDeviceCheck() {
        // U+1E9A upper-cases to "A" plus a modifier letter, so initials are only trusted in ASCII.
        assertEquals(Optional.empty(), BundlePaths.check("\u1e9aux"));
        assertEquals(Optional.of("path.reserved-name"), BundlePaths.check("a/\u0131/Lpt\u00b3.txt").map(Problem::code));
    }

    @Test
    void lengthsAreCountedInUtf8Bytes() {
        String segment = "\u00e9".repeat(127) + "a"; // 255 bytes
        assertEquals(Optional.empty(), BundlePaths.check(segment));
        assertEquals(Optional.of("path.too-long"), BundlePaths.check(segment + "a").map(Problem::code));
        String path = (segment + "/").repeat(15) + "ab/" + "x".repeat(253); // 4096 bytes
        assertEquals(4096, path.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(Optional.empty(), BundlePaths.check(path));
        assertEquals(Optional.of("path.too-long"), BundlePaths.check(path + "x").map(Problem::code));
        assertEquals(Optional.of("path.too-long"), BundlePaths.check("\uD83D\uDE00".repeat(64)).map(Problem::code));
    }

    @Test
    void folderConflictFindsAFileWhereAFolderIsNeededInEitherOrder() {
        assertEquals(Optional.of("a/b"), conflicts("a/b", "a/b/c"));
        assertEquals(Optional.of("a/b/c"), conflicts("a/b/c", "a/b"));
        assertEquals(Optional.of("a/x/y"), conflicts("a/x/y", "a/z", "a"));
        assertEquals(Optional.of("a"), conflicts("a", "b/c", "a/x/y"));
        assertEquals(Optional.of("A/B"), conflicts("A/B", "a/x", "a/b/c"));
        assertEquals(Optional.empty(), conflicts("a/b/c", "a/b/d", "a/c", "ab", "a.b/c"));
    }

    private static Optional<String> conflicts(String... names) {
        BundlePaths.Namespace namespace = new BundlePaths.Namespace(names.length);
        for (String name : names) {
            String key = BundlePaths.collisionKey(name);
            Optional<String> conflict = namespace.folderConflict(name, key);
            if (conflict.isPresent()) {
                return conflict;
            }
            namespace.add(name, key);
        }
        return Optional.empty();
    }
}
