package dev.oab.internal.zip;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.oab.internal.zip.ZipFormat.*;

/**
 * Writes an archive in the OAB strict profile (spec §2): entries back to back from offset 0, no
 * data descriptors, UTF-8 names, one fixed timestamp, mode 0644, the data of large stored entries
 * aligned to 4096 bytes, ZIP64 records exactly when a value does not fit, and the central
 * directory and end records straight after the last entry.
 *
 * <p>Every entry's size is declared up front, so the layout is fixed before any data is written.
 * That lets a caller reserve an entry (the manifest) first and fill it last, and lets data be
 * written with positional writes from several threads.
 */
public final class StrictZipWriter {

    private final FileChannel out;
    private final int dosDateTime;
    private final List<Entry> entries = new ArrayList<>();
    private long position;
    private boolean finished;

    public StrictZipWriter(FileChannel out, Instant timestamp) {
        this.out = out;
        this.dosDateTime = dosDateTime(timestamp);
    }

    /**
     * Reopens a strict-profile archive to add entries after its last one: the new entries overwrite
     * the old central directory, and {@link #finish()} writes a new one listing the existing
     * entries with their fields unchanged, then the new ones. Entry data already written is never
     * touched, which is how a signature is added to a large bundle in milliseconds.
     */
    public static StrictZipWriter appendTo(FileChannel out, List<ZipEntryInfo> existing) {
        ZipEntryInfo last = existing.get(existing.size() - 1);
        StrictZipWriter writer = new StrictZipWriter(out, existing.get(0).dosTime());
        for (ZipEntryInfo info : existing) {
            Entry entry = writer.new Entry(info.name(), info.name().getBytes(StandardCharsets.UTF_8), info.size(),
                    info.compressedSize(), info.method(), info.flags(), info.dosTime(), info.headerOffset(),
                    info.size() >= MAX_32 || info.compressedSize() >= MAX_32, info.dataOffset());
            entry.crc = (int) info.crc();
            entry.completed = true;
            writer.entries.add(entry);
        }
        writer.position = last.dataOffset() + last.compressedSize();
        return writer;
    }

    private StrictZipWriter(FileChannel out, int dosDateTime) {
        this.out = out;
        this.dosDateTime = dosDateTime;
    }

    /**
     * Declares a STORED entry of {@code size} bytes at the current position and writes its local
     * header with a CRC placeholder. Write its data with {@link Entry#write}, then call
     * {@link Entry#complete}.
     */
    public Entry addStored(String name, long size) throws IOException {
        if (finished) {
            throw new IllegalStateException("archive already finished");
        }
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        boolean zip64 = size >= MAX_32;
        int zip64Length = zip64 ? 4 + 16 : 0;
        long headerStart = position;
        long unalignedData = headerStart + LOCAL_HEADER_SIZE + nameBytes.length + zip64Length;
        int padding = 0;
        if (size >= ALIGNMENT) {
            // The alignment field itself takes 6 bytes; pad so the data starts on a page boundary.
            long minimum = unalignedData + 6;
            long aligned = (minimum + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
            padding = (int) (aligned - unalignedData);
        }
        int extraLength = zip64Length + padding;
        if (extraLength > MAX_16) {
            throw new IllegalStateException("extra field too long for " + name);
        }
        Entry entry = new Entry(name, nameBytes, size, size, METHOD_STORED, FLAG_UTF8, dosDateTime, headerStart, zip64,
                headerStart + LOCAL_HEADER_SIZE + nameBytes.length + extraLength);
        ByteBuffer header = le(LOCAL_HEADER_SIZE + nameBytes.length + extraLength);
        header.putInt(LOCAL_HEADER_SIG)
                .putShort((short) entry.versionNeeded())
                .putShort((short) FLAG_UTF8)
                .putShort((short) METHOD_STORED)
                .putInt(dosDateTime)
                .putInt(0) // CRC-32, patched by complete()
                .putInt((int) (zip64 ? MAX_32 : size))
                .putInt((int) (zip64 ? MAX_32 : size))
                .putShort((short) nameBytes.length)
                .putShort((short) extraLength)
                .put(nameBytes);
        if (zip64) {
            header.putShort((short) ZIP64_EXTRA_ID).putShort((short) 16).putLong(size).putLong(size);
        }
        if (padding > 0) {
            header.putShort((short) ALIGNMENT_EXTRA_ID).putShort((short) (padding - 4)).putShort((short) ALIGNMENT);
            header.put(new byte[padding - 6]);
        }
        writeFully(header.flip(), headerStart);
        entries.add(entry);
        position = entry.dataOffset + size;
        return entry;
    }

    /** Writes the central directory and end records; the archive is complete after this. */
    public void finish() throws IOException {
        for (Entry entry : entries) {
            if (!entry.completed) {
                throw new IllegalStateException("entry " + entry.name + " was never completed");
            }
        }
        finished = true;
        long cdStart = position;
        for (Entry entry : entries) {
            boolean offset64 = entry.headerOffset >= MAX_32;
            int zip64Length = (entry.zip64 ? 16 : 0) + (offset64 ? 8 : 0);
            int extraLength = zip64Length == 0 ? 0 : 4 + zip64Length;
            ByteBuffer cd = le(CENTRAL_HEADER_SIZE + entry.nameBytes.length + extraLength);
            cd.putInt(CENTRAL_HEADER_SIG)
                    .putShort((short) ((HOST_UNIX << 8) | entry.versionNeeded()))
                    .putShort((short) entry.versionNeeded())
                    .putShort((short) entry.flags)
                    .putShort((short) entry.method)
                    .putInt(entry.dosTime)
                    .putInt(entry.crc)
                    .putInt((int) (entry.zip64 ? MAX_32 : entry.compressedSize))
                    .putInt((int) (entry.zip64 ? MAX_32 : entry.size))
                    .putShort((short) entry.nameBytes.length)
                    .putShort((short) extraLength)
                    .putShort((short) 0) // comment length
                    .putShort((short) 0) // disk number
                    .putShort((short) 0) // internal attributes
                    .putInt(UNIX_REGULAR_FILE_0644 << 16)
                    .putInt((int) (offset64 ? MAX_32 : entry.headerOffset))
                    .put(entry.nameBytes);
            if (extraLength > 0) {
                cd.putShort((short) ZIP64_EXTRA_ID).putShort((short) zip64Length);
                if (entry.zip64) {
                    cd.putLong(entry.size).putLong(entry.compressedSize);
                }
                if (offset64) {
                    cd.putLong(entry.headerOffset);
                }
            }
            writeFully(cd.flip(), position);
            position += cd.capacity();
        }
        long cdSize = position - cdStart;
        boolean zip64End = entries.size() >= MAX_16 || cdStart >= MAX_32 || cdSize >= MAX_32;
        if (zip64End) {
            long zip64EndStart = position;
            ByteBuffer end64 = le(ZIP64_EOCD_SIZE + ZIP64_LOCATOR_SIZE);
            end64.putInt(ZIP64_EOCD_SIG).putLong(ZIP64_EOCD_SIZE - 12)
                    .putShort((short) ((HOST_UNIX << 8) | VERSION_ZIP64)).putShort((short) VERSION_ZIP64)
                    .putInt(0).putInt(0)
                    .putLong(entries.size()).putLong(entries.size())
                    .putLong(cdSize).putLong(cdStart);
            end64.putInt(ZIP64_LOCATOR_SIG).putInt(0).putLong(zip64EndStart).putInt(1);
            writeFully(end64.flip(), position);
            position += end64.capacity();
        }
        ByteBuffer end = le(EOCD_SIZE);
        end.putInt(EOCD_SIG).putShort((short) 0).putShort((short) 0)
                .putShort((short) Math.min(entries.size(), MAX_16))
                .putShort((short) Math.min(entries.size(), MAX_16))
                .putInt((int) Math.min(cdSize, MAX_32))
                .putInt((int) Math.min(cdStart, MAX_32))
                .putShort((short) 0);
        writeFully(end.flip(), position);
        position += EOCD_SIZE;
        out.truncate(position);
    }

    /** Total archive length once {@link #finish()} has run. */
    public long length() {
        return position;
    }

    private void writeFully(ByteBuffer buffer, long at) throws IOException {
        long p = at;
        while (buffer.hasRemaining()) {
            p += out.write(buffer, p);
        }
    }

    private static ByteBuffer le(int capacity) {
        return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A declared entry whose data is being written. */
    public final class Entry {
        private final String name;
        private final byte[] nameBytes;
        private final long size;
        private final long compressedSize;
        private final int method;
        private final int flags;
        private final int dosTime;
        private final long headerOffset;
        private final boolean zip64;
        private final long dataOffset;
        private int crc;
        private boolean completed;

        private Entry(String name, byte[] nameBytes, long size, long compressedSize, int method, int flags, int dosTime,
                      long headerOffset, boolean zip64, long dataOffset) {
            this.name = name;
            this.nameBytes = nameBytes;
            this.size = size;
            this.compressedSize = compressedSize;
            this.method = method;
            this.flags = flags;
            this.dosTime = dosTime;
            this.headerOffset = headerOffset;
            this.zip64 = zip64;
            this.dataOffset = dataOffset;
        }

        public String name() {
            return name;
        }

        public long size() {
            return size;
        }

        public long dataOffset() {
            return dataOffset;
        }

        /** Writes {@code data} at {@code offsetInEntry}; safe to call from several threads. */
        public void write(ByteBuffer data, long offsetInEntry) throws IOException {
            if (offsetInEntry < 0 || offsetInEntry + data.remaining() > size) {
                throw new IllegalArgumentException("write beyond the declared size of " + name);
            }
            writeFully(data, dataOffset + offsetInEntry);
        }

        /** Records the data's CRC-32 in the local header; the central directory takes it from here. */
        public void complete(int crc32) throws IOException {
            this.crc = crc32;
            ByteBuffer field = le(4).putInt(crc32).flip();
            writeFully(field, headerOffset + 14);
            completed = true;
        }

        /** 4.5 wherever a ZIP64 field appears, local or central, so both headers agree. */
        private int versionNeeded() {
            return zip64 || headerOffset >= MAX_32 ? VERSION_ZIP64 : VERSION_DEFAULT;
        }
    }
}
