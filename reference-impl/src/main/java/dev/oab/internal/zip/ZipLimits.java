package dev.oab.internal.zip;

/**
 * Bounds on what a reader accepts, checked against declared values before anything is allocated.
 *
 * @param maxEntries        most entries an archive may declare
 * @param maxCentralDirectoryBytes  largest central directory read into memory
 * @param maxDeflatedEntryBytes     largest uncompressed size of a DEFLATED entry
 * @param maxCompressionRatio       largest uncompressed/compressed ratio of a DEFLATED entry
 */
public record ZipLimits(int maxEntries, long maxCentralDirectoryBytes, long maxDeflatedEntryBytes,
                        int maxCompressionRatio) {

    public static final ZipLimits DEFAULT = new ZipLimits(1_000_000, 512L << 20, 4L << 30, 1000);
}
