package dev.oab.validation;

import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/** A read-only channel over a buffer (a mapped bundle entry), for the weights checkers. */
final class BufferChannel implements SeekableByteChannel {

    private final ByteBuffer buffer;
    private long position;

    BufferChannel(ByteBuffer buffer) {
        this.buffer = buffer.asReadOnlyBuffer();
    }

    @Override
    public int read(ByteBuffer dst) {
        if (position >= buffer.capacity()) {
            return -1;
        }
        int n = (int) Math.min(dst.remaining(), buffer.capacity() - position);
        ByteBuffer slice = buffer.duplicate();
        slice.position((int) position).limit((int) position + n);
        dst.put(slice);
        position += n;
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
            throw new IllegalArgumentException("negative position");
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() {
        return buffer.capacity();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public void close() {
    }
}
