package dev.oab.internal.zip;

import dev.oab.internal.io.ReadOnlyChannel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;

/**
 * The archive as Commons Compress sees it: a read-only channel whose tail (the central directory
 * and end records, already read once by the strict checks) is served from memory until
 * {@link #releaseTail}. Commons Compress reads each central directory record with separate small
 * reads, three system calls per entry, which dominated opening a bundle of 100,000 files.
 *
 * <p>Like any {@link java.nio.channels.SeekableByteChannel} it has one position: Commons Compress
 * synchronises on it when it reads a compressed entry, and the strict reader reads stored entries
 * with positional reads on the underlying file instead.
 */
final class TailCachingChannel extends ReadOnlyChannel {

    private final FileChannel file;
    private final long tailStart;
    private byte[] tail;

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
    protected int readAt(long position, ByteBuffer dst) throws IOException {
        if (!file.isOpen()) {
            throw new ClosedChannelException();
        }
        byte[] cached = tail;
        if (cached != null && position >= tailStart && position < tailStart + cached.length) {
            int from = (int) (position - tailStart);
            int n = Math.min(dst.remaining(), cached.length - from);
            dst.put(cached, from, n);
            return n;
        }
        return file.read(dst, position);
    }

    @Override
    public long size() throws IOException {
        return file.size();
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
