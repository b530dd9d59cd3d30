package dev.oab.evidence;

import java.util.Objects;

/**
 * One dependency a lockfile names.
 *
 * @param name        the package, module or {@code groupId:artifactId}
 * @param version     the exact version it is pinned to, or the empty string when it is not pinned to one
 * @param pinned      true when exactly one version (or one commit, or one file by hash) can satisfy it
 * @param line        the 1-based line it is declared on, or 0 when the format has no useful line (JSON, XML)
 * @param declaration the declaration as written, or the key path to it in a JSON/XML document
 */
public record Dependency(String name, String version, boolean pinned, int line, String declaration) {
    public Dependency {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(declaration, "declaration");
    }
}
