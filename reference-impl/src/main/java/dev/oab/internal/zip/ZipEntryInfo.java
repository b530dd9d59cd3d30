package dev.oab.internal.zip;

/** One checked entry of a strict-profile archive, in archive order. */
public record ZipEntryInfo(String name, int method, int flags, int dosTime, long crc, long compressedSize, long size,
                           long headerOffset, long dataOffset) {

    public boolean stored() {
        return method == ZipFormat.METHOD_STORED;
    }
}
