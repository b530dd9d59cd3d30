package dev.oab.validation;

import dev.oab.internal.io.ReadOnlyChannel;

import java.nio.ByteBuffer;

/** A read-only channel over a buffer (a mapped bundle entry), for the weights checkers. */
final class BufferChannel extends ReadOnlyChannel {

    private final ByteBuffer buffer;

    BufferChannel(ByteBuffer buffer) {
        this.buffer = buffer.asReadOnlyBuffer();
    }

    @Override
    protected int readAt(long position, ByteBuffer dst) {
        if (position >= buffer.capacity()) {
            return -1;
        }
        int n = (int) Math.min(dst.remaining(), buffer.capacity() - position);
        dst.put(buffer.slice((int) position, n));
        return n;
    }

    @Override
    public long size() {
        return buffer.capacity();
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public void close() {
    }
}
