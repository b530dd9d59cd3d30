package dev.oab.evidence;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;

/**
 * Little-endian, buffered, bounds-checked reads from a channel. Every read first checks that the
 * bytes exist, so a lying length field ends in {@link EOFException} instead of a huge allocation
 * or a read past the end. Reads are positional on a {@link FileChannel}, so a channel shared with
 * other readers (a bundle opened once) is not disturbed.
 */
final class ChannelReader {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final SeekableByteChannel channel;
    private final long size;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private long bufferStart;
    private long position;

    ChannelReader(SeekableByteChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
        buffer.limit(0);
    }

    long size() {
        return size;
    }

    long position() {
        return position;
    }

    long remaining() {
        return size - position;
    }

    void seek(long newPosition) throws EOFException {
        if (newPosition < 0 || newPosition > size) {
            throw new EOFException("offset " + newPosition + " is outside the file (" + size + " bytes)");
        }
        position = newPosition;
    }

    void skip(long count) throws EOFException {
        if (count < 0 || count > remaining()) {
            throw new EOFException("needs " + count + " more bytes at offset " + position + " but the file has "
                    + remaining());
        }
        position += count;
    }

    int u8() throws IOException {
        fill(1);
        return buffer.get((int) (position++ - bufferStart)) & 0xff;
    }

    long u32() throws IOException {
        fill(4);
        long value = buffer.getInt((int) (position - bufferStart)) & 0xffffffffL;
        position += 4;
        return value;
    }

    /** An unsigned 64-bit value; a value above {@link Long#MAX_VALUE} comes back negative. */
    long u64() throws IOException {
        fill(8);
        long value = buffer.getLong((int) (position - bufferStart));
        position += 8;
        return value;
    }

    /** Reads {@code count} bytes; the caller bounds {@code count} before asking. */
    byte[] bytes(int count) throws IOException {
        if (count > remaining()) {
            throw new EOFException("needs " + count + " bytes at offset " + position + " but the file has "
                    + remaining());
        }
        byte[] out = new byte[count];
        if (count <= BUFFER_BYTES) {
            fill(count);
            buffer.get((int) (position - bufferStart), out);
        } else {
            readFully(channel, position, ByteBuffer.wrap(out));
        }
        position += count;
        return out;
    }

    private void fill(int count) throws IOException {
        if (count > remaining()) {
            throw new EOFException("needs " + count + " bytes at offset " + position + " but the file has "
                    + remaining());
        }
        long bufferEnd = bufferStart + buffer.limit();
        if (position >= bufferStart && position + count <= bufferEnd) {
            return;
        }
        buffer.clear();
        int want = (int) Math.min(BUFFER_BYTES, size - position);
        buffer.limit(want);
        readFully(channel, position, buffer);
        buffer.flip();
        bufferStart = position;
    }

    /** Reads exactly {@code target.remaining()} bytes at {@code offset}. */
    static void readFully(SeekableByteChannel channel, long offset, ByteBuffer target) throws IOException {
        long at = offset;
        while (target.hasRemaining()) {
            int n = readAt(channel, at, target);
            if (n < 0) {
                throw new EOFException("the file ended at offset " + at + " while reading");
            }
            at += n;
        }
    }

    /**
     * One read at {@code offset}: positional on a {@link FileChannel}; otherwise the channel's
     * position moves, so such a channel must not be shared between threads while checked.
     */
    static int readAt(SeekableByteChannel channel, long offset, ByteBuffer target) throws IOException {
        if (channel instanceof FileChannel fileChannel) {
            return fileChannel.read(target, offset);
        }
        channel.position(offset);
        return channel.read(target);
    }

    /** Reads up to {@code count} bytes from the start of the channel (fewer if it is shorter). */
    static byte[] head(SeekableByteChannel channel, int count) throws IOException {
        int n = (int) Math.min(count, channel.size());
        ByteBuffer buffer = ByteBuffer.allocate(n);
        readFully(channel, 0, buffer);
        return buffer.array();
    }
}
