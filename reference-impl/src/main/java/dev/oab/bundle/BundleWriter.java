package dev.oab.bundle;

import dev.oab.OabException;
import dev.oab.internal.zip.StrictZipWriter;
import dev.oab.signing.ModelSigner;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * Packs a source directory into a bundle (spec §2, §4). The layout of the whole archive is fixed
 * before any data is written, so the manifest can be reserved as the first entry and filled in
 * last, and the files can be copied by several threads at once, each reading its input exactly
 * once and hashing (SHA-256 and CRC-32) what it writes. The archive is written to a temporary
 * file beside the destination and renamed into place only when complete.
 */
public final class BundleWriter {

    private static final int BUFFER_BYTES = 1 << 20;
    private static final Instant NO_TIMESTAMP = Instant.parse("1980-01-01T00:00:00Z");

    private final Optional<Instant> timestamp;
    private final ProgressListener progress;
    private final int threads;
    private final Optional<ModelSigner> signer;
    private final String signerName;
    private final boolean syncToDisk;

    private BundleWriter(Builder builder) {
        this.timestamp = Optional.ofNullable(builder.timestamp);
        this.progress = builder.progress;
        this.threads = builder.threads;
        this.signer = Optional.ofNullable(builder.signer);
        this.signerName = builder.signerName;
        this.syncToDisk = builder.syncToDisk;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Plans and packs {@code sourceDir} into {@code output}. */
    public PackResult pack(Path sourceDir, Path output) throws OabException, IOException {
        return write(BundlePlan.of(sourceDir, timestamp), output);
    }

    /** Writes a bundle as {@code plan} describes it. */
    public PackResult write(BundlePlan plan, Path output) throws OabException, IOException {
        if (signer.isPresent()) {
            BundleSignatures.entryName(signerName); // refuse a bad name before any byte is written
        }
        Path target = output.toAbsolutePath();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new dev.oab.authoring.AuthoringException(output + " is a directory; give the bundle's file name");
        }
        Path temp = Files.createTempFile(parent, "." + target.getFileName() + ".", ".partial");
        boolean done = false;
        try {
            Manifest manifest;
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                manifest = writeArchive(plan, out);
                if (syncToDisk) {
                    out.force(true);
                }
            }
            moveIntoPlace(temp, target);
            done = true;
            return new PackResult(target, manifest, Files.size(target));
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private Manifest writeArchive(BundlePlan plan, FileChannel out) throws OabException, IOException {
        Manifest draft = plan.draft();
        int manifestLength = ManifestCodec.write(draft).length;
        StrictZipWriter zip = new StrictZipWriter(out, timestamp.orElse(NO_TIMESTAMP));
        StrictZipWriter.Entry manifestEntry = zip.addStored(Manifest.PATH, manifestLength);
        List<SourceTree.SourceFile> sources = plan.sourceFiles();
        List<StrictZipWriter.Entry> entries = new ArrayList<>(sources.size());
        for (SourceTree.SourceFile source : sources) {
            entries.add(zip.addStored(source.path(), source.size()));
        }
        String[] digests = copyAll(sources, entries, draft.totalBytes());
        List<Manifest.FileEntry> files = new ArrayList<>(sources.size());
        for (int i = 0; i < sources.size(); i++) {
            Manifest.FileEntry planned = draft.files().get(i);
            files.add(new Manifest.FileEntry(planned.path(), planned.size(), digests[i], planned.mediaType()));
        }
        Manifest manifest = new Manifest(draft.formatVersion(), draft.name(), draft.version(), draft.producer(),
                draft.created(), draft.license(), draft.description(), draft.supersedes(), draft.components(),
                files, draft.annotations());
        byte[] manifestBytes = ManifestCodec.write(manifest);
        if (manifestBytes.length != manifestLength) {
            throw new IllegalStateException("manifest length changed from " + manifestLength + " to "
                    + manifestBytes.length + " once digests were filled in");
        }
        manifestEntry.write(ByteBuffer.wrap(manifestBytes), 0);
        CRC32 crc = new CRC32();
        crc.update(manifestBytes);
        manifestEntry.complete((int) crc.getValue());
        if (signer.isPresent()) {
            byte[] signature = signer.get().sign(BundleSignatures.statement(manifest, manifestBytes)).toJson();
            BundleSignatures.append(zip, BundleSignatures.entryName(signerName), signature, manifestBytes.length);
        }
        zip.finish();
        return manifest;
    }

    /** Copies every file into its reserved place, several at a time; returns the SHA-256s in order. */
    private String[] copyAll(List<SourceTree.SourceFile> sources, List<StrictZipWriter.Entry> entries, long total)
            throws OabException, IOException {
        String[] digests = new String[sources.size()];
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, sources.size())),
                r -> {
                    Thread t = new Thread(r, "oab-pack");
                    t.setDaemon(true);
                    return t;
                });
        ExecutorService hashers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "oab-hash");
            t.setDaemon(true);
            return t;
        });
        ThreadLocal<Copier> copiers = ThreadLocal.withInitial(() -> new Copier(hashers));
        try {
            List<Future<?>> futures = new ArrayList<>(sources.size());
            for (int i = 0; i < sources.size(); i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    digests[index] = copiers.get().copy(sources.get(index), entries.get(index), done, total);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    futures.forEach(other -> other.cancel(true));
                    Throwable cause = e.getCause();
                    if (cause instanceof OabException oe) {
                        throw oe;
                    }
                    if (cause instanceof IOException io) {
                        throw io;
                    }
                    throw new IllegalStateException(cause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("packing interrupted");
                }
            }
        } finally {
            pool.shutdownNow();
            hashers.shutdownNow();
        }
        return digests;
    }

    /**
     * One worker's reusable buffers and hashers: no allocation per file. Small files are read,
     * hashed and written in turn; for large ones a second thread hashes each buffer while the
     * worker writes the next, so hashing overlaps with I/O and one large file does not leave
     * a core idle.
     */
    private final class Copier {
        private static final int PIPELINE_DEPTH = 4;
        private static final long OVERLAP_FROM_BYTES = 8L << 20;

        private final byte[] buffer = new byte[BUFFER_BYTES];
        private final MessageDigest sha256 = Digests.sha256();
        private final CRC32 crc = new CRC32();
        private final ExecutorService hashers;
        private byte[][] pipeline;

        Copier(ExecutorService hashers) {
            this.hashers = hashers;
        }

        String copy(SourceTree.SourceFile source, StrictZipWriter.Entry entry, AtomicLong done, long total)
                throws IOException, InputChangedException {
            sha256.reset();
            crc.reset();
            long copied;
            try (FileChannel in = FileChannel.open(source.file(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                copied = source.size() >= OVERLAP_FROM_BYTES
                        ? copyOverlapped(in, source, entry, done, total)
                        : copyInTurn(in, source, entry, done, total);
            }
            if (copied != source.size()) {
                throw new InputChangedException(source.path(), "shrank");
            }
            entry.complete((int) crc.getValue());
            return HexFormat.of().formatHex(sha256.digest());
        }

        private long copyInTurn(FileChannel in, SourceTree.SourceFile source, StrictZipWriter.Entry entry,
                                AtomicLong done, long total) throws IOException, InputChangedException {
            long offset = 0;
            int n;
            while ((n = in.read(ByteBuffer.wrap(buffer))) >= 0) {
                checkGrowth(source, offset + n);
                sha256.update(buffer, 0, n);
                crc.update(buffer, 0, n);
                entry.write(ByteBuffer.wrap(buffer, 0, n), offset);
                offset += n;
                progress.progress(done.addAndGet(n), total);
            }
            return offset;
        }

        private long copyOverlapped(FileChannel in, SourceTree.SourceFile source, StrictZipWriter.Entry entry,
                                    AtomicLong done, long total) throws IOException, InputChangedException {
            if (pipeline == null) {
                pipeline = new byte[PIPELINE_DEPTH][BUFFER_BYTES];
            }
            ArrayBlockingQueue<byte[]> free = new ArrayBlockingQueue<>(PIPELINE_DEPTH, false, List.of(pipeline));
            ArrayBlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(PIPELINE_DEPTH + 1);
            Future<?> hashing = hashers.submit(() -> {
                for (Chunk chunk = filled.take(); chunk.length() >= 0; chunk = filled.take()) {
                    sha256.update(chunk.bytes(), 0, chunk.length());
                    crc.update(chunk.bytes(), 0, chunk.length());
                    free.put(chunk.bytes());
                }
                return null;
            });
            long offset = 0;
            try {
                while (true) {
                    byte[] bytes = free.take();
                    int n = in.read(ByteBuffer.wrap(bytes));
                    if (n < 0) {
                        filled.put(Chunk.END);
                        break;
                    }
                    checkGrowth(source, offset + n);
                    entry.write(ByteBuffer.wrap(bytes, 0, n), offset);
                    filled.put(new Chunk(bytes, n));
                    offset += n;
                    progress.progress(done.addAndGet(n), total);
                }
                hashing.get();
                return offset;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("packing interrupted");
            } catch (ExecutionException e) {
                throw new IllegalStateException("hashing " + source.path() + " failed", e.getCause());
            } finally {
                hashing.cancel(true);
            }
        }

        private void checkGrowth(SourceTree.SourceFile source, long read) throws InputChangedException {
            if (read > source.size()) {
                throw new InputChangedException(source.path(), "grew");
            }
        }
    }

    /** A filled buffer on its way to the hashing thread; a negative length ends the file. */
    private record Chunk(byte[] bytes, int length) {
        static final Chunk END = new Chunk(new byte[0], -1);
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A source file changed size while it was being packed. */
    public static final class InputChangedException extends OabException {
        InputChangedException(String path, String how) {
            super(Category.IO, path + " " + how + " while it was being packed; pack again once nothing writes to "
                    + "the source directory");
        }
    }

    /** The outcome of a pack. */
    public record PackResult(Path bundle, Manifest manifest, long length) {
    }

    /** Options of a writer. */
    public static final class Builder {
        private Instant timestamp;
        private ProgressListener progress = ProgressListener.NONE;
        private int threads = Runtime.getRuntime().availableProcessors();
        private ModelSigner signer;
        private String signerName;
        private boolean syncToDisk;

        /**
         * The time recorded as {@code created} and as every entry's modification time. Without one,
         * {@code created} is left out and entries carry 1980-01-01T00:00:00Z, so a pack is
         * reproducible either way.
         */
        public Builder timestamp(Instant timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        public Builder progress(ProgressListener progress) {
            this.progress = Objects.requireNonNull(progress);
            return this;
        }

        /** Files copied at once; defaults to the number of processors. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            this.threads = threads;
            return this;
        }

        /**
         * Whether to flush the bundle to the storage device before renaming it into place, so it
         * survives a power loss. Off by default, as for zip and jar: the rename already makes a
         * crashed or killed pack leave nothing at the destination, and a bundle torn by a power
         * loss is refused by every reader rather than read wrong.
         */
        public Builder syncToDisk(boolean sync) {
            this.syncToDisk = sync;
            return this;
        }

        /** Signs the bundle as it is written, as {@code signerName} ({@code .oab/signatures/<signerName>.sig}). */
        public Builder signWith(ModelSigner signer, String signerName) {
            this.signer = Objects.requireNonNull(signer);
            this.signerName = Objects.requireNonNull(signerName);
            return this;
        }

        public BundleWriter build() {
            return new BundleWriter(this);
        }
    }
}
