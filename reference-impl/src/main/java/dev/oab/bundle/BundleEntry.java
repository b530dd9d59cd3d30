package dev.oab.bundle;

/**
 * One entry of an opened bundle.
 *
 * @param path       the entry name
 * @param kind       manifest, listed file, or embedded signature
 * @param size       uncompressed size in bytes
 * @param stored     whether the data is stored uncompressed (and so can be mapped)
 * @param dataOffset where the entry's (possibly compressed) data starts in the archive
 */
public record BundleEntry(String path, Kind kind, long size, boolean stored, long dataOffset) {

    public enum Kind { MANIFEST, FILE, SIGNATURE }
}
