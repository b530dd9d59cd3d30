package dev.oab.bundle;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The path rules of spec §3: what a name inside a bundle may look like. A name that passes is the
 * same file on Linux, macOS and Windows, cannot escape an extraction directory, and cannot be read
 * two ways by two readers.
 */
public final class BundlePaths {

    public static final int MAX_PATH_BYTES = 4096;
    public static final int MAX_SEGMENT_BYTES = 255;

    /** Characters Windows refuses in file names; a name with one would not extract there. */
    private static final String WINDOWS_FORBIDDEN = "<>:\"|?*";
    private static final Set<String> WINDOWS_DEVICES = Set.of("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
            "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "COM\u00b9", "COM\u00b2", "COM\u00b3",
            "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
            "LPT\u00b9", "LPT\u00b2", "LPT\u00b3");
    private static final int SHORTEST_DEVICE_NAME = 3;
    private static final int LONGEST_DEVICE_NAME = 7;
    private static final String DEVICE_INITIALS = "CPANL";
    /** ASCII characters the character rules below look at; every other ASCII character passes. */
    private static final boolean[] SUSPECT_ASCII = new boolean[0x80];

    static {
        for (char c = 0; c < 0x20; c++) {
            SUSPECT_ASCII[c] = true;
        }
        SUSPECT_ASCII[0x7f] = true;
        SUSPECT_ASCII['\\'] = true;
        for (char c : WINDOWS_FORBIDDEN.toCharArray()) {
            SUSPECT_ASCII[c] = true;
        }
    }

    /**
     * Orders paths by their UTF-8 bytes, the one order the manifest, the archive and OMS use. UTF-8
     * byte order is code point order, so well-formed strings are compared char by char without
     * encoding them; only a lone surrogate (which encodes as '?') falls back to the bytes.
     */
    public static final Comparator<String> UTF8_ORDER = BundlePaths::compareUtf8;

    private BundlePaths() {
    }

    /**
     * Returns why {@code path} breaks the path rules, or empty when it is a valid bundle path.
     * The returned problem's code is one of the {@code path.*} codes of the spec.
     */
    public static Optional<Problem> check(String path) {
        if (path.isEmpty()) {
            return problem("path.empty", path, "the name is empty");
        }
        if (utf8Length(path, 0, path.length()) > MAX_PATH_BYTES) {
            return problem("path.too-long", path, "the name is longer than " + MAX_PATH_BYTES + " UTF-8 bytes");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x80 && !SUSPECT_ASCII[c]) {
                continue;
            }
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                return problem("path.control-character", path,
                        String.format("the name contains the control character U+%04X", (int) c));
            }
            if (c == '\\') {
                return problem("path.backslash", path, "the name contains a backslash; use '/' to separate folders");
            }
            if (Character.isSurrogate(c) && !validSurrogatePair(path, i)) {
                return problem("path.invalid-unicode", path, "the name contains an unpaired surrogate");
            }
            if (WINDOWS_FORBIDDEN.indexOf(c) >= 0) {
                return problem("path.forbidden-character", path,
                        "the name contains '" + c + "', which Windows cannot store in a file name");
            }
        }
        if (path.charAt(0) == '/') {
            return problem("path.absolute", path, "the name is absolute; bundle paths are relative to the bundle root");
        }
        // Segments are walked by index: this runs for every name of every bundle opened.
        for (int start = 0; start <= path.length(); ) {
            int end = path.indexOf('/', start);
            end = end < 0 ? path.length() : end;
            Optional<Problem> problem = checkSegment(path, start, end);
            if (problem.isPresent()) {
                return problem;
            }
            start = end + 1;
        }
        return Optional.empty();
    }

    private static Optional<Problem> checkSegment(String path, int start, int end) {
        if (start == end) {
            return problem("path.empty-segment", path, "the name has an empty segment (a doubled or trailing '/')");
        }
        int length = end - start;
        if ((length == 1 && path.charAt(start) == '.')
                || (length == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.')) {
            return problem("path.dot-segment", path, "the name has a '" + path.substring(start, end) + "' segment");
        }
        if (utf8Length(path, start, end) > MAX_SEGMENT_BYTES) {
            return problem("path.too-long", path, "a segment is longer than " + MAX_SEGMENT_BYTES + " UTF-8 bytes");
        }
        char last = path.charAt(end - 1);
        if (last == '.' || last == ' ') {
            return problem("path.trailing-dot-or-space", path, "the segment '" + path.substring(start, end)
                    + "' ends with a dot or a space, which Windows drops");
        }
        // Windows ignores the extension and trailing spaces: "aux .txt" is the device AUX.
        int dot = path.indexOf('.', start);
        int stemEnd = dot >= 0 && dot < end ? dot : end;
        while (stemEnd > start && Character.isWhitespace(path.charAt(stemEnd - 1))) {
            stemEnd--;
        }
        // Upper-casing never shortens a string (BundlePathsTest checks all of Unicode), and an ASCII
        // initial upper-cases alone: so most segments are cleared without building their upper case.
        int stemLength = stemEnd - start;
        char initial = path.charAt(start);
        if (stemLength >= SHORTEST_DEVICE_NAME && stemLength <= LONGEST_DEVICE_NAME
                && (initial >= 0x80 || DEVICE_INITIALS.indexOf(Character.toUpperCase(initial)) >= 0)
                && WINDOWS_DEVICES.contains(path.substring(start, stemEnd).toUpperCase(Locale.ROOT))) {
            return problem("path.reserved-name", path, "the segment '" + path.substring(start, end)
                    + "' is a reserved device name on Windows");
        }
        return Optional.empty();
    }

    /**
     * The names met so far under their collision keys, and the folders they need: what finds two
     * names that would be one file on some file system, and a file where another name needs a
     * folder ("a" and "a/b"). Not thread-safe.
     */
    public static final class Namespace {
        /** Collision key of each file, to its name. */
        private final Map<String, String> files;
        /** Collision key of each folder, to the first file found inside it. */
        private final Map<String, String> folders;

        public Namespace(int expectedNames) {
            this.files = new HashMap<>(2 * expectedNames + 16);
            this.folders = new HashMap<>(2 * expectedNames + 16);
        }

        /**
         * Records the file {@code name}, whose collision key is {@code key}, and returns the name
         * met earlier under the same key (the name itself, if it was met before), or empty.
         */
        public Optional<String> add(String name, String key) {
            return Optional.ofNullable(files.putIfAbsent(key, name));
        }

        /**
         * The file met earlier that {@code name} (collision key {@code key}) cannot exist beside:
         * one inside a folder named as this file, or one named as a folder this file lies in.
         * Records {@code name}'s folders.
         */
        public Optional<String> folderConflict(String name, String key) {
            String inside = folders.get(key);
            if (inside != null) {
                return Optional.of(inside);
            }
            // Deepest folder first: once a folder is recorded, so are its parents, and any file in
            // their place was caught when it or that folder's first file was recorded.
            for (int slash = key.lastIndexOf('/'); slash >= 0; slash = key.lastIndexOf('/', slash - 1)) {
                String folder = key.substring(0, slash);
                String file = files.get(folder);
                if (file != null) {
                    return Optional.of(file);
                }
                if (folders.putIfAbsent(folder, name) != null) {
                    break;
                }
            }
            return Optional.empty();
        }
    }

    /** Whether {@code path} lies under {@code folder} ("x/") on a case-insensitive file system too. */
    public static boolean isUnderFolded(String path, String folder) {
        return collisionKey(path).startsWith(collisionKey(folder));
    }

    /**
     * The key under which two names collide on a case-insensitive or normalising file system:
     * Unicode NFC, then full case folding approximated by upper- then lower-casing.
     */
    public static String collisionKey(String path) {
        if (isAscii(path)) {
            return path.toLowerCase(Locale.ROOT); // ASCII is NFC already, and folds by lower-casing
        }
        String nfc = Normalizer.normalize(path, Normalizer.Form.NFC);
        return nfc.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    private static int compareUtf8(String a, String b) {
        int common = Math.min(a.length(), b.length());
        for (int i = 0; i < common; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                    if (!(wellFormed(a) && wellFormed(b))) {
                        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                                b.getBytes(StandardCharsets.UTF_8));
                    }
                    // A surrogate pair encodes a code point above every BMP char, U+E000-U+FFFF included.
                    return Integer.compare(a.codePointAt(i), b.codePointAt(i));
                }
                return Character.compare(x, y);
            }
        }
        if (a.length() == b.length()) {
            return 0;
        }
        // Equal up to a cut inside a surrogate pair of the shorter one would need the bytes.
        return common > 0 && Character.isHighSurrogate(a.charAt(common - 1)) && !(wellFormed(a) && wellFormed(b))
                ? java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8))
                : Integer.compare(a.length(), b.length());
    }

    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i)) && !validSurrogatePair(s, i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** UTF-8 length of {@code s[start, end)}, as {@code getBytes} counts it (a lone surrogate is one '?'). */
    private static int utf8Length(String s, int start, int end) {
        int bytes = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes += 1;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static boolean validSurrogatePair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private static Optional<Problem> problem(String code, String path, String message) {
        return Optional.of(new Problem(code, path, message));
    }
}
