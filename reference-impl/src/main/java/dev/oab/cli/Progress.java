package dev.oab.cli;

import dev.oab.bundle.ProgressListener;

import java.io.PrintWriter;

/**
 * Renders hashing progress: a bar that redraws itself on a terminal, plain lines every 10% in
 * batch mode, or nothing. Never both, so logs stay clean.
 */
final class Progress implements ProgressListener {

    /** Picked with {@code --progress}. */
    enum Mode { AUTO, BAR, PLAIN, NONE }

    private static final long MIN_BYTES = 64L << 20;

    private final Mode mode;
    private final PrintWriter err;
    private final String label;
    private int lastShown = -1;
    private long lastDraw;

    private Progress(Mode mode, PrintWriter err, String label) {
        this.mode = mode;
        this.err = err;
        this.label = label;
    }

    static Progress of(Mode requested, PrintWriter err, String label) {
        Mode mode = requested;
        if (mode == Mode.AUTO) {
            mode = System.console() != null && System.getenv("CI") == null ? Mode.BAR : Mode.NONE;
        }
        return new Progress(mode, err, label);
    }

    @Override
    public synchronized void progress(long done, long total) {
        if (mode == Mode.NONE || total < MIN_BYTES) {
            return;
        }
        int percent = (int) (done * 100 / Math.max(1, total));
        if (mode == Mode.PLAIN) {
            int step = percent / 10 * 10;
            if (step > lastShown) {
                lastShown = step;
                err.printf("%s: %d%% (%d of %d MiB)%n", label, step, done >> 20, total >> 20);
                err.flush();
            }
            return;
        }
        long now = System.nanoTime();
        if (percent == lastShown || (now - lastDraw < 100_000_000L && done < total)) {
            return;
        }
        lastShown = percent;
        lastDraw = now;
        int width = 30;
        int filled = percent * width / 100;
        err.printf("\r%s [%s%s] %3d%% %,d/%,d MiB", label, "#".repeat(filled), " ".repeat(width - filled),
                percent, done >> 20, total >> 20);
        if (done >= total) {
            err.println();
        }
        err.flush();
    }

    /** Ends a bar line that stopped short (an error mid-way). */
    synchronized void finish() {
        if (mode == Mode.BAR && lastShown >= 0 && lastShown < 100) {
            err.println();
            err.flush();
        }
    }
}
