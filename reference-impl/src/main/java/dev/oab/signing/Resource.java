package dev.oab.signing;

import org.bouncycastle.util.encoders.Hex;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/**
 * One signed file: its path relative to the model root, with {@code /} separators, and the
 * SHA-256 digest of its content. Immutable: the digest is copied in and out.
 */
public final class Resource {

    /** Orders resources by the UTF-8 bytes of their path (unsigned), as OMS §6.4 and OAB require. */
    public static final Comparator<Resource> BY_PATH_BYTES =
            (a, b) -> comparePathBytes(a.path, b.path);

    /** Length of a SHA-256 digest in bytes. */
    public static final int DIGEST_LENGTH = 32;

    private final String path;
    private final byte[] sha256;

    public Resource(String path, byte[] sha256) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("resource path must not be empty");
        }
        if (sha256 == null || sha256.length != DIGEST_LENGTH) {
            throw new IllegalArgumentException("resource " + path + ": SHA-256 digest must be 32 bytes");
        }
        this.path = path;
        this.sha256 = sha256.clone();
    }

    public String path() {
        return path;
    }

    public byte[] sha256() {
        return sha256.clone();
    }

    /** The digest as lowercase hex, the form OMS writes. */
    public String sha256Hex() {
        return Hex.toHexString(sha256);
    }

    boolean sameDigest(Resource other) {
        return Arrays.equals(sha256, other.sha256);
    }

    /** Byte-wise unsigned comparison of UTF-8 encodings; differs from String order outside the BMP. */
    static int comparePathBytes(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Resource && ((Resource) o).path.equals(path) && Arrays.equals(((Resource) o).sha256, sha256);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + Arrays.hashCode(sha256);
    }

    @Override
    public String toString() {
        return path + " sha256:" + sha256Hex();
    }
}
