package dev.oab.bundle;

import dev.oab.internal.zip.ZipEntryInfo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * Checks the integrity rule (spec §7): every listed file's content matches its size and SHA-256,
 * and its CRC-32 matches the archive's, so no other ZIP reader sees different bytes. Files are
 * hashed in parallel, largest first, with positional reads on the one open channel; each worker
 * reuses one buffer and one digest.
 */
public final class BundleVerifier {

    private static final int BUFFER_BYTES = 1 << 20;

    private final int threads;
    private final ProgressListener progress;

    private BundleVerifier(int threads, ProgressListener progress) {
        this.threads = threads;
        this.progress = progress;
    }

    public static BundleVerifier create() {
        return new BundleVerifier(Runtime.getRuntime().availableProcessors(), ProgressListener.NONE);
    }

    public BundleVerifier withProgress(ProgressListener listener) {
        return new BundleVerifier(threads, Objects.requireNonNull(listener));
    }

    public BundleVerifier withThreads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        return new BundleVerifier(count, progress);
    }

    /** Hashes every listed file of an open bundle. */
    public IntegrityReport verify(BundleReader bundle) throws IOException {
        Manifest manifest = bundle.manifest();
        List<Manifest.FileEntry> bySize = new ArrayList<>(manifest.files());
        bySize.sort(Comparator.comparingLong(Manifest.FileEntry::size).reversed());
        long total = manifest.totalBytes();
        AtomicLong done = new AtomicLong();
        ThreadLocal<Hasher> hashers = ThreadLocal.withInitial(Hasher::new);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, bySize.size())), r -> {
            Thread t = new Thread(r, "oab-verify");
            t.setDaemon(true);
            return t;
        });
        List<Problem> problems = new ArrayList<>();
        try {
            List<Future<Problem>> futures = new ArrayList<>();
            for (Manifest.FileEntry file : bySize) {
                ZipEntryInfo info = bundle.zipEntry(file.path());
                futures.add(pool.submit(() -> hashers.get().check(bundle, info, file, done, total)));
            }
            for (Future<Problem> f : futures) {
                Problem p = f.get();
                if (p != null) {
                    problems.add(p);
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("verification interrupted");
        } finally {
            pool.shutdownNow();
        }
        problems.sort(Comparator.comparing(Problem::where, BundlePaths.UTF8_ORDER));
        return new IntegrityReport(manifest.files().size(), total, problems);
    }

    private final class Hasher {
        private final byte[] buffer = new byte[BUFFER_BYTES];
        private final MessageDigest sha256 = Digests.sha256();
        private final CRC32 crc = new CRC32();

        Problem check(BundleReader bundle, ZipEntryInfo info, Manifest.FileEntry file, AtomicLong done, long total)
                throws IOException {
            sha256.reset();
            crc.reset();
            long count = 0;
            try {
                if (info.stored()) {
                    count = hashRange(bundle.channel(), info.dataOffset(), info.size(), done, total);
                } else {
                    try (InputStream in = bundle.openRaw(info)) {
                        int n;
                        while ((n = in.read(buffer)) >= 0) {
                            update(n, done, total);
                            count += n;
                        }
                    }
                }
            } catch (IOException e) {
                return new Problem("integrity.unreadable", file.path(), "the entry cannot be read: " + e.getMessage());
            }
            if (count != file.size()) {
                return new Problem("integrity.size-mismatch", file.path(),
                        "read " + count + " bytes but oab.json lists " + file.size());
            }
            String actual = HexFormat.of().formatHex(sha256.digest());
            if (!actual.equals(file.sha256())) {
                return new Problem("integrity.digest-mismatch", file.path(), "SHA-256 is " + actual
                        + " but oab.json lists " + file.sha256() + ": the content was altered after packing");
            }
            if (crc.getValue() != info.crc()) {
                return new Problem("integrity.crc-mismatch", file.path(), "CRC-32 is "
                        + Long.toHexString(crc.getValue()) + " but the archive records " + Long.toHexString(info.crc())
                        + ": other ZIP tools would reject this entry");
            }
            return null;
        }

        private long hashRange(FileChannel channel, long start, long length, AtomicLong done, long total)
                throws IOException {
            long position = start;
            long end = start + length;
            while (position < end) {
                ByteBuffer view = ByteBuffer.wrap(buffer, 0, (int) Math.min(buffer.length, end - position));
                int n = channel.read(view, position);
                if (n < 0) {
                    throw new java.io.EOFException("the archive ends inside the entry (truncated while being read?)");
                }
                update(n, done, total);
                position += n;
            }
            return length;
        }

        private void update(int n, AtomicLong done, long total) {
            sha256.update(buffer, 0, n);
            crc.update(buffer, 0, n);
            progress.progress(done.addAndGet(n), total);
        }
    }
}
