package dev.oab.internal.zip;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A filter that must see every byte it passes on (to count or hash it): {@link #skip} reads
 * through {@link #read(byte[], int, int)} instead of letting the wrapped stream skip unseen.
 */
public abstract class ObservingInputStream extends FilterInputStream {

    protected ObservingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }
}
