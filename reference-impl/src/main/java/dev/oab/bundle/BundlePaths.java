package dev.oab.bundle;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.Locale;
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

    /** Orders paths by their UTF-8 bytes, the one order the manifest, the archive and OMS use. */
    public static final Comparator<String> UTF8_ORDER = (a, b) -> java.util.Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

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
        if (path.getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
            return problem("path.too-long", path, "the name is longer than " + MAX_PATH_BYTES + " UTF-8 bytes");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
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
        if (path.startsWith("/")) {
            return problem("path.absolute", path, "the name is absolute; bundle paths are relative to the bundle root");
        }
        String[] segments = path.split("/", -1);
        for (String segment : segments) {
            if (segment.isEmpty()) {
                return problem("path.empty-segment", path,
                        "the name has an empty segment (a doubled or trailing '/')");
            }
            if (segment.equals(".") || segment.equals("..")) {
                return problem("path.dot-segment", path, "the name has a '" + segment + "' segment");
            }
            if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
                return problem("path.too-long", path,
                        "a segment is longer than " + MAX_SEGMENT_BYTES + " UTF-8 bytes");
            }
            if (segment.endsWith(".") || segment.endsWith(" ")) {
                return problem("path.trailing-dot-or-space", path,
                        "the segment '" + segment + "' ends with a dot or a space, which Windows drops");
            }
            // Windows ignores the extension and trailing spaces: "aux .txt" is the device AUX.
            String stem = (segment.contains(".") ? segment.substring(0, segment.indexOf('.')) : segment).stripTrailing();
            if (WINDOWS_DEVICES.contains(stem.toUpperCase(Locale.ROOT))) {
                return problem("path.reserved-name", path,
                        "the segment '" + segment + "' is a reserved device name on Windows");
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the file {@code name} (collision key {@code key}) and a file already seen need the
     * same name to be both a file and a folder ("a" and "a/b"). {@code seen} maps the collision
     * keys of files to their names, and of folders (key plus '/') to the first file inside them;
     * this call records {@code name}'s folders. Returns the other file's name on a conflict.
     */
    public static Optional<String> folderConflict(String name, String key, java.util.Map<String, String> seen) {
        String inside = seen.get(key + "/");
        if (inside != null) {
            return Optional.of(inside);
        }
        for (int slash = key.indexOf('/'); slash >= 0; slash = key.indexOf('/', slash + 1)) {
            String file = seen.get(key.substring(0, slash));
            if (file != null) {
                return Optional.of(file);
            }
            seen.putIfAbsent(key.substring(0, slash) + "/", name);
        }
        return Optional.empty();
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
        String nfc = Normalizer.normalize(path, Normalizer.Form.NFC);
        return nfc.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
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
