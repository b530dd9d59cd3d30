package dev.oab.internal.zip;

import java.io.IOException;
import java.io.InputStream;

/**
 * Passes through an inflating stream but fails as soon as it yields more bytes than the entry
 * declares, and at the end if it yielded fewer: a bomb cannot make the reader produce more than
 * the size already checked against the limits.
 */
final class ExactLengthInputStream extends ObservingInputStream {

    private final long declared;
    private final String name;
    private long count;

    ExactLengthInputStream(InputStream in, long declared, String name) {
        super(in);
        this.declared = declared;
        this.name = name;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        account(b < 0 ? -1 : 1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        // Ask for one byte more than remains so an overlong stream is caught at once.
        int n = super.read(b, off, (int) Math.min(len, declared - count + 1));
        account(n);
        return n;
    }

    private void account(int n) throws IOException {
        if (n < 0) {
            if (count != declared) {
                throw new IOException(name + ": the entry inflated to " + count + " bytes but declares " + declared);
            }
            return;
        }
        count += n;
        if (count > declared) {
            throw new IOException(name + ": the entry inflates to more than the " + declared + " bytes it declares");
        }
    }
}
