package dev.oab.bundle;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes ZIP archives field by field, defects included, so tests and conformance vectors can hold
 * every malformation a hostile uploader could send. Defaults produce a strict-profile archive
 * (without alignment padding).
 */
final class RawZip {

    /** One entry; every field may be overridden to build a defect. */
    static final class Entry {
        String name;
        byte[] localName;
        byte[] centralName;
        byte[] content = new byte[0];
        byte[] data;
        int method = 0;
        int flags = 0x0800;
        Long crc;
        Long localCrc;
        Long localSize;
        Long localCompressedSize;
        Integer localMethod;
        Integer localFlags;
        byte[] localExtra = new byte[0];
        byte[] centralExtra = new byte[0];
        int externalAttributes = 0100644 << 16;
        int versionMadeBy = (3 << 8) | 20;
        int diskNumberStart = 0;
        boolean inCentralDirectory = true;
        byte[] gapBefore = new byte[0];
        Long centralOffsetOverride;
        /** Not written on its own: its local header lies inside {@code nestedIn}'s data. */
        Entry nestedIn;
        byte[] comment = new byte[0];

        Entry(String name, byte[] content) {
            this.name = name;
            this.content = content;
        }

        Entry deflated() {
            Deflater deflater = new Deflater(9, true);
            deflater.setInput(content);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[65536];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            deflater.end();
            data = out.toByteArray();
            method = 8;
            return this;
        }
    }

    final List<Entry> entries = new ArrayList<>();
    byte[] prefix = new byte[0];
    boolean offsetsIncludePrefix = true;
    byte[] suffix = new byte[0];
    Integer entryCountOverride;
    boolean duplicateEndRecord;
    int diskNumber;
    /** The order of central directory records, as indexes into {@link #entries}; null for archive order. */
    int[] centralOrder;
    byte[] archiveComment = new byte[0];

    Entry add(String name, byte[] content) {
        Entry e = new Entry(name, content);
        entries.add(e);
        return e;
    }

    Entry add(String name, String content) {
        return add(name, content.getBytes(StandardCharsets.UTF_8));
    }

    byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix);
        long shift = offsetsIncludePrefix ? 0 : prefix.length;
        List<Long> offsets = new ArrayList<>();
        for (Entry e : entries) {
            if (e.nestedIn != null) {
                offsets.add(offsets.get(entries.indexOf(e.nestedIn)) + 30 + e.nestedIn.name.length());
                continue;
            }
            out.writeBytes(e.gapBefore);
            offsets.add(out.size() - shift);
            out.writeBytes(localHeader(e));
            out.writeBytes(e.data != null ? e.data : e.content);
        }
        long cdStart = out.size() - shift;
        int count = 0;
        for (int k = 0; k < entries.size(); k++) {
            int i = centralOrder == null ? k : centralOrder[k];
            Entry e = entries.get(i);
            if (!e.inCentralDirectory) {
                continue;
            }
            count++;
            byte[] data = e.data != null ? e.data : e.content;
            byte[] name = e.centralName != null ? e.centralName : e.name.getBytes(StandardCharsets.UTF_8);
            ByteBuffer c = le(46 + name.length + e.centralExtra.length + e.comment.length);
            c.putInt(0x02014b50).putShort((short) e.versionMadeBy).putShort((short) 20)
                    .putShort((short) e.flags).putShort((short) e.method).putInt(dosTime())
                    .putInt((int) (e.crc != null ? e.crc : crc(e)))
                    .putInt(data.length).putInt(e.content.length)
                    .putShort((short) name.length).putShort((short) e.centralExtra.length)
                    .putShort((short) e.comment.length).putShort((short) e.diskNumberStart).putShort((short) 0)
                    .putInt(e.externalAttributes)
                    .putInt((int) (long) (e.centralOffsetOverride != null ? e.centralOffsetOverride : offsets.get(i)))
                    .put(name).put(e.centralExtra).put(e.comment);
            out.writeBytes(c.array());
        }
        long cdSize = out.size() - shift - cdStart;
        int declared = entryCountOverride != null ? entryCountOverride : count;
        ByteBuffer end = le(22 + archiveComment.length);
        end.putInt(0x06054b50).putShort((short) diskNumber).putShort((short) diskNumber)
                .putShort((short) declared).putShort((short) declared)
                .putInt((int) cdSize).putInt((int) cdStart).putShort((short) archiveComment.length).put(archiveComment);
        out.writeBytes(end.array());
        if (duplicateEndRecord) {
            out.writeBytes(end.array());
        }
        out.writeBytes(suffix);
        return out.toByteArray();
    }

    /** The local header of {@code e}, with its overrides. */
    static byte[] localHeader(Entry e) {
        byte[] data = e.data != null ? e.data : e.content;
        byte[] name = e.localName != null ? e.localName : e.name.getBytes(StandardCharsets.UTF_8);
        long crc = e.localCrc != null ? e.localCrc : crc(e);
        ByteBuffer h = le(30 + name.length + e.localExtra.length);
        h.putInt(0x04034b50).putShort((short) 20)
                .putShort((short) (int) (e.localFlags != null ? e.localFlags : e.flags))
                .putShort((short) (int) (e.localMethod != null ? e.localMethod : e.method))
                .putInt(dosTime()).putInt((int) crc)
                .putInt((int) (long) (e.localCompressedSize != null ? e.localCompressedSize : data.length))
                .putInt((int) (long) (e.localSize != null ? e.localSize : e.content.length))
                .putShort((short) name.length).putShort((short) e.localExtra.length)
                .put(name).put(e.localExtra);
        return h.array();
    }

    /** The DOS date and time of 2026-01-01T00:00:00Z. */
    private static int dosTime() {
        return ((2026 - 1980) << 9 | 1 << 5 | 1) << 16;
    }

    private static long crc(Entry e) {
        CRC32 crc = new CRC32();
        crc.update(e.content);
        return crc.getValue();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    static byte[] extraField(int id, byte[] body) {
        return le(4 + body.length).putShort((short) id).putShort((short) body.length).put(body).array();
    }
}
