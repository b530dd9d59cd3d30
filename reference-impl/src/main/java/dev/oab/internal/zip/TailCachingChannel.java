package dev.oab.internal.zip;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * The archive as Commons Compress sees it: a read-only channel whose tail (the central directory
 * and end records, already read once by the strict checks) is served from memory until
 * {@link #releaseTail}. Commons Compress reads each central directory record with separate small
 * reads, three system calls per entry, which dominated opening a bundle of 100,000 files.
 *
 * <p>Like any {@link SeekableByteChannel} it has one position: Commons Compress synchronises on it
 * when it reads a compressed entry, and the strict reader reads stored entries with positional
 * reads on the underlying file instead.
 */
final class TailCachingChannel implements SeekableByteChannel {

    private final FileChannel file;
    private final long tailStart;
    private byte[] tail;
    private long position;

    TailCachingChannel(FileChannel file, long tailStart, byte[] tail) {
        this.file = file;
        this.tailStart = tailStart;
        this.tail = tail;
    }

    /** Drops the cached tail once Commons Compress has parsed the central directory. */
    void releaseTail() {
        tail = null;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (!file.isOpen()) {
            throw new java.nio.channels.ClosedChannelException();
        }
        byte[] cached = tail;
        int n;
        if (cached != null && position >= tailStart && position < tailStart + cached.length) {
            int from = (int) (position - tailStart);
            n = Math.min(dst.remaining(), cached.length - from);
            dst.put(cached, from, n);
        } else {
            n = file.read(dst, position);
        }
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position " + newPosition);
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        return file.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return file.isOpen();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
