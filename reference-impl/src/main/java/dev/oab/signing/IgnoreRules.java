package dev.oab.signing;

import dev.oab.OabException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which model paths are outside the signing scope (OMS §6.2): the default git entries as
 * top-level components, and other entries as exact relative paths from the model root, each
 * excluding its whole subtree when it names a directory.
 */
public final class IgnoreRules {

    /** OMS §6.2 default exclusions, in the order OAB records them; top-level names only. */
    public static final List<String> DEFAULTS = List.of(".git", ".gitattributes", ".github", ".gitignore");

    private final Set<String> paths;

    private IgnoreRules(Set<String> paths) {
        this.paths = paths;
    }

    /** Defaults plus the given entries, each normalised (no "./", no trailing "/"). */
    static IgnoreRules of(Collection<String> entries) throws OabException {
        Set<String> set = new LinkedHashSet<>(DEFAULTS);
        for (String entry : entries) {
            set.add(normalise(entry));
        }
        return new IgnoreRules(set);
    }

    /**
     * Adds the paths a signer recorded. They are signed, so they are honoured, but an entry that
     * is not a relative path (some signers record where the signature was written, wherever that
     * was) cannot name a model file and is skipped instead of failing the verification.
     */
    IgnoreRules withRecorded(Collection<String> recorded) {
        Set<String> set = new LinkedHashSet<>(paths);
        for (String entry : recorded) {
            try {
                set.add(normalise(entry));
            } catch (OabException e) {
                // Not a model-relative path: it cannot exclude anything inside the model.
            }
        }
        return new IgnoreRules(set);
    }

    boolean ignores(String relativePath) {
        if (paths.contains(relativePath)) {
            return true;
        }
        for (int slash = relativePath.indexOf('/'); slash >= 0; slash = relativePath.indexOf('/', slash + 1)) {
            if (paths.contains(relativePath.substring(0, slash))) {
                return true;
            }
        }
        return false;
    }

    /** The entries, sorted by UTF-8 bytes so that what a signer records is deterministic. */
    List<String> sorted() {
        List<String> list = new ArrayList<>(paths);
        list.sort(Resource::comparePathBytes);
        return list;
    }

    /** The model-relative form of {@code file} when it lies inside {@code root}, else null. */
    static String relativeInside(Path root, Path file) {
        Path absRoot = root.toAbsolutePath().normalize();
        Path absFile = file.toAbsolutePath().normalize();
        if (!absFile.startsWith(absRoot) || absFile.equals(absRoot)) {
            return null;
        }
        return toSlashPath(absRoot.relativize(absFile));
    }

    static String toSlashPath(Path relative) {
        StringBuilder out = new StringBuilder();
        for (Path part : relative) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(part.toString());
        }
        return out.toString();
    }

    private static String normalise(String entry) throws OabException {
        String p = entry;
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        boolean bad = p.isEmpty() || p.startsWith("/") || p.contains("\\") || p.indexOf('*') >= 0
                || p.indexOf('?') >= 0 || p.indexOf('[') >= 0;
        for (String segment : p.split("/", -1)) {
            bad |= segment.isEmpty() || segment.equals(".") || segment.equals("..");
        }
        if (bad) {
            throw new OabException(OabException.Category.BAD_REQUEST, "ignore path '" + entry
                    + "' is not a relative path inside the model (no leading '/', no '..', no globs; OMS §6.2.1)");
        }
        return p;
    }
}
