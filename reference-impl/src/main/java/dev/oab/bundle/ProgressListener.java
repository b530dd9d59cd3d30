package dev.oab.bundle;

/**
 * Told how far hashing has come. Called from worker threads, possibly concurrently and often:
 * implementations must be thread-safe and cheap.
 */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (done, total) -> { };

    /** {@code bytesDone} of {@code bytesTotal} bytes have been hashed. */
    void progress(long bytesDone, long bytesTotal);
}
