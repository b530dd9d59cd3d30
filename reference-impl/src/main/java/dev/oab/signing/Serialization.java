package dev.oab.signing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The OMS {@code serialization} object. OAB signs only with {@code method: files},
 * {@code hash_type: sha256} and {@code allow_symlinks: false}; the verifier refuses anything else,
 * so this type only varies in the recorded ignore paths.
 */
public final class Serialization {

    public static final String METHOD_FILES = "files";
    public static final String HASH_SHA256 = "sha256";

    private final List<String> ignorePaths;

    private Serialization(List<String> ignorePaths) {
        this.ignorePaths = ignorePaths == null ? null : Collections.unmodifiableList(new ArrayList<>(ignorePaths));
    }

    /** Files serialization with the given paths recorded as excluded (OMS §6.2). */
    public static Serialization files(List<String> ignorePaths) {
        return new Serialization(Objects.requireNonNull(ignorePaths, "ignorePaths"));
    }

    /** Files serialization as pre-v1.1.0 signers wrote it, without {@code ignore_paths}. */
    static Serialization filesWithoutIgnorePaths() {
        return new Serialization(null);
    }

    /** The recorded exclusions; empty when the signer did not record any (pre-v1.1.0 bundles). */
    public Optional<List<String>> ignorePaths() {
        return Optional.ofNullable(ignorePaths);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Serialization && Objects.equals(((Serialization) o).ignorePaths, ignorePaths);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(ignorePaths);
    }
}
