package dev.oab.maven;

import dev.oab.bundle.ProgressListener;
import org.apache.maven.plugin.logging.Log;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Progress of long hashing work as plain build-log lines, one per 10%, and only for inputs large
 * enough to take a while: a build log is read later, so a redrawn bar has no place in it.
 */
final class LogProgress implements ProgressListener {

    private static final long QUIET_BELOW_BYTES = 256L << 20;

    private final Log log;
    private final String label;
    private final AtomicInteger lastTenth = new AtomicInteger();

    LogProgress(Log log, String label) {
        this.log = log;
        this.label = label;
    }

    @Override
    public void progress(long done, long total) {
        if (total < QUIET_BELOW_BYTES) {
            return;
        }
        int tenth = (int) (done * 10 / total);
        int last = lastTenth.get();
        if (tenth > last && lastTenth.compareAndSet(last, tenth)) {
            log.info(String.format("%s: %d%% of %d MiB", label, tenth * 10, total >> 20));
        }
    }
}
