package dev.oab.signing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The set of signed files of a model, sorted by the UTF-8 bytes of their paths, with no path
 * twice. This canonical order is what the signer emits and what the root digest covers.
 */
public final class ResourceManifest {

    private final List<Resource> resources;
    private final Map<String, Resource> byPath;

    private ResourceManifest(List<Resource> sorted) {
        this.resources = Collections.unmodifiableList(sorted);
        Map<String, Resource> map = new LinkedHashMap<>();
        for (Resource r : sorted) {
            map.put(r.path(), r);
        }
        this.byPath = Collections.unmodifiableMap(map);
    }

    /**
     * Builds a manifest from resources in any order.
     *
     * @throws IllegalArgumentException when two resources share a path
     */
    public static ResourceManifest of(Collection<Resource> resources) {
        List<Resource> sorted = new ArrayList<>(resources);
        sorted.sort(Resource.BY_PATH_BYTES);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).path().equals(sorted.get(i - 1).path())) {
                throw new IllegalArgumentException("path listed twice: " + sorted.get(i).path());
            }
        }
        return new ResourceManifest(sorted);
    }

    /** The resources in canonical order. */
    public List<Resource> resources() {
        return resources;
    }

    public Optional<Resource> get(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    public int size() {
        return resources.size();
    }

    /** OMS §6.5.1 root digest: SHA-256 over the concatenated raw file digests in canonical order. */
    public byte[] rootDigest() {
        return rootDigest(resources);
    }

    /** Root digest over resources in the given order; the verifier also needs the listed order. */
    static byte[] rootDigest(List<Resource> inOrder) {
        MessageDigest sha256 = sha256();
        for (Resource r : inOrder) {
            sha256.update(r.sha256());
        }
        return sha256.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResourceManifest && ((ResourceManifest) o).resources.equals(resources);
    }

    @Override
    public int hashCode() {
        return resources.hashCode();
    }

    @Override
    public String toString() {
        return "ResourceManifest" + resources;
    }
}
