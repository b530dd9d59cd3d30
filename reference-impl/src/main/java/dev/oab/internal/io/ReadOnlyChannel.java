package dev.oab.internal.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A read-only {@link SeekableByteChannel} with a position of its own, for handing bytes OAB
 * already holds or owns to a library that wants a channel: subclasses say how to read at a
 * position, how long the content is, and what closing means. Writing and truncating are refused.
 */
public abstract class ReadOnlyChannel implements SeekableByteChannel {

    private long position;

    /** Reads into {@code dst} from {@code position}; returns the bytes read, or -1 at the end. */
    protected abstract int readAt(long position, ByteBuffer dst) throws IOException;

    @Override
    public final int read(ByteBuffer dst) throws IOException {
        int n = readAt(position, dst);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public final int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public final long position() {
        return position;
    }

    @Override
    public final SeekableByteChannel position(long newPosition) {
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position " + newPosition);
        }
        position = newPosition;
        return this;
    }

    @Override
    public final SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }
}
