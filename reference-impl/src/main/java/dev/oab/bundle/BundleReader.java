package dev.oab.bundle;

import dev.oab.internal.zip.ObservingInputStream;
import dev.oab.internal.zip.StrictZipReader;
import dev.oab.internal.zip.ZipEntryInfo;
import dev.oab.internal.zip.ZipLimits;
import dev.oab.json.StrictJson;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Opens a bundle for reading. {@link #open} proves the archive is in the strict profile, reads and
 * checks the manifest, and matches the archive's entries against the file table, all from the
 * central directory and the first entry: a 100 GB bundle opens in milliseconds, and nothing is
 * returned from a bundle that fails any of these checks. Content digests are checked by
 * {@link BundleVerifier}, and by every stream {@link #openStream} returns as it reaches the end.
 *
 * <p>Thread-safe once open: entries are read with positional reads.
 */
public final class BundleReader implements Closeable {

    /** A signer name: what follows {@code .oab/signatures/} and precedes {@code .sig}. */
    static final Pattern SIGNER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Path path;
    private final StrictZipReader zip;
    private final Manifest manifest;
    private final byte[] manifestBytes;
    /** Every entry by name, in archive order: what callers see and what the archive records. */
    private final Map<String, Slot> entries;
    /** Signature entries as read and CRC-checked at open; bounded in proportion to the manifest. */
    private final Map<String, byte[]> signatures;

    private BundleReader(Path path, StrictZipReader zip, Manifest manifest, byte[] manifestBytes,
                         Map<String, Slot> entries,
                         Map<String, byte[]> signatures) {
        this.path = path;
        this.zip = zip;
        this.manifest = manifest;
        this.manifestBytes = manifestBytes;
        this.entries = entries;
        this.signatures = signatures;
    }

    /** Opens and checks {@code bundle}; throws naming the first defect found. */
    public static BundleReader open(Path bundle) throws BundleFormatException, IOException {
        FileChannel channel = FileChannel.open(bundle, StandardOpenOption.READ);
        StrictZipReader zip;
        try {
            zip = StrictZipReader.open(channel, ZipLimits.DEFAULT);
        } catch (IOException | BundleFormatException | RuntimeException e) {
            channel.close();
            throw e;
        }
        try {
            return check(bundle, zip);
        } catch (IOException | BundleFormatException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private static BundleReader check(Path bundle, StrictZipReader zip) throws BundleFormatException, IOException {
        List<ZipEntryInfo> all = zip.entries();
        if (all.isEmpty() || !all.get(0).name().equals(Manifest.PATH)) {
            boolean present = all.stream().anyMatch(e -> e.name().equals(Manifest.PATH));
            throw new BundleFormatException(present
                    ? new Problem("bundle.manifest-not-first", Manifest.PATH,
                    "oab.json is not the first entry; a bundle starts with its manifest")
                    : new Problem("bundle.manifest-missing", Manifest.PATH,
                    "the archive has no oab.json: it is not an OAB bundle"));
        }
        ZipEntryInfo manifestEntry = all.get(0);
        if (manifestEntry.size() > StrictJson.MAX_DOCUMENT_BYTES) {
            throw new BundleFormatException(new Problem("manifest.too-large", Manifest.PATH,
                    "oab.json is " + manifestEntry.size() + " bytes; the limit is " + StrictJson.MAX_DOCUMENT_BYTES));
        }
        byte[] manifestBytes = readChecked(zip, manifestEntry);
        // The names after oab.json, already held to the path rules by the strict ZIP reader.
        List<String> checkedNames = new java.util.AbstractList<>() {
            @Override
            public String get(int index) {
                return all.get(index + 1).name();
            }

            @Override
            public int size() {
                return all.size() - 1;
            }
        };
        Manifest manifest = ManifestCodec.parse(manifestBytes, checkedNames);

        EntryMatcher matcher = new EntryMatcher(zip, manifest, manifestBytes.length, all.size());
        for (ZipEntryInfo e : all) {
            if (e == manifestEntry) {
                matcher.add(e, BundleEntry.Kind.MANIFEST);
            } else {
                matcher.match(e);
            }
        }
        List<Problem> problems = matcher.finish();
        if (!problems.isEmpty()) {
            throw new BundleFormatException(problems);
        }
        return new BundleReader(bundle, zip, manifest, manifestBytes, matcher.entries, matcher.signatures);
    }

    /**
     * Matches archive entries, in archive order, against the file table and the rules for
     * {@code .oab/}. The work per entry is a method of its own so that the JIT compiles it after a
     * few hundred entries rather than after the tens of thousands of turns a loop body waits for.
     */
    private static final class EntryMatcher {
        private final StrictZipReader zip;
        private final Manifest manifest;
        private final List<Manifest.FileEntry> table;
        private final long signatureLimit;
        final Map<String, Slot> entries;
        final Map<String, byte[]> signatures = new LinkedHashMap<>();
        private final List<Problem> problems = new ArrayList<>();
        private boolean signaturesStarted;
        private String previousFile;
        private int nextRow;
        private int previousRow = -1;
        /** Rows 0, 1, 2... met in archive order: when all are, none is missing. */
        private int rowsInOrder;

        EntryMatcher(StrictZipReader zip, Manifest manifest, int manifestBytes, int entryCount) {
            this.zip = zip;
            this.manifest = manifest;
            this.table = manifest.files();
            this.signatureLimit = BundleSignatures.maxSignatureBytes(manifestBytes);
            this.entries = new LinkedHashMap<>(2 * entryCount);
        }

        void add(ZipEntryInfo e, BundleEntry.Kind kind) {
            entries.put(e.name(), new Slot(new BundleEntry(e.name(), kind, e.size(), e.stored(), e.dataOffset()), e));
        }

        void match(ZipEntryInfo e) throws IOException, BundleFormatException {
            if (!BundlePaths.isUnderFolded(e.name(), Manifest.RESERVED_DIR)) {
                matchFile(e);
            } else if (e.name().startsWith(Manifest.SIGNATURES_DIR)) {
                matchSignature(e);
            } else {
                problems.add(new Problem("bundle.reserved-path", e.name(),
                        "entries under .oab/ other than .oab/signatures/<signer>.sig are not allowed"));
            }
        }

        private void matchSignature(ZipEntryInfo e) throws IOException, BundleFormatException {
            String signer = e.name().substring(Manifest.SIGNATURES_DIR.length());
            if (!signer.endsWith(".sig") || !SIGNER.matcher(signer.substring(0, signer.length() - 4)).matches()) {
                problems.add(new Problem("bundle.reserved-path", e.name(), "a signature entry must be named "
                        + ".oab/signatures/<signer>.sig with a signer of letters, digits, '.', '_', '-'"));
                return;
            }
            if (e.size() > signatureLimit) {
                problems.add(new Problem("signature.too-large", e.name(), "the signature is " + e.size()
                        + " bytes; the limit for this manifest is " + signatureLimit
                        + " (64 KiB plus twice the manifest)"));
                return;
            }
            signatures.put(e.name(), readChecked(zip, e));
            signaturesStarted = true;
            add(e, BundleEntry.Kind.SIGNATURE);
        }

        private void matchFile(ZipEntryInfo e) {
            if (signaturesStarted) {
                problems.add(new Problem("bundle.signature-misplaced", e.name(),
                        "a file entry follows a signature entry; signatures come after every file"));
            }
            // Archive and file table share one order, so the next row is almost always the one.
            int row = nextRow < table.size() && table.get(nextRow).path().equals(e.name())
                    ? nextRow : manifest.fileIndex(e.name());
            if (row < 0) {
                problems.add(new Problem("bundle.unlisted-entry", e.name(),
                        "the archive holds this entry but oab.json does not list it: it was added after packing"));
                return;
            }
            nextRow = row + 1;
            Manifest.FileEntry listed = table.get(row);
            if (listed.size() != e.size()) {
                problems.add(new Problem("integrity.size-mismatch", e.name(), "the entry is " + e.size()
                        + " bytes but oab.json lists " + listed.size()));
            }
            // The file table is sorted, so an entry on the row after the previous one is in order.
            if (previousFile != null && row != previousRow + 1
                    && BundlePaths.UTF8_ORDER.compare(previousFile, e.name()) > 0) {
                problems.add(new Problem("bundle.entry-order", e.name(), "entries must appear in the order of "
                        + "the file table (UTF-8 order of the path), but this one follows '" + previousFile + "'"));
            }
            previousFile = e.name();
            previousRow = row;
            rowsInOrder += row == rowsInOrder ? 1 : 0;
            add(e, BundleEntry.Kind.FILE);
        }

        /** Every problem found, the rows no entry matched included. */
        List<Problem> finish() {
            if (rowsInOrder < table.size()) {
                for (Manifest.FileEntry f : table) {
                    if (!entries.containsKey(f.path())) {
                        problems.add(new Problem("bundle.missing-entry", f.path(),
                                "oab.json lists this file but the archive does not hold it: it was removed after "
                                        + "packing"));
                    }
                }
            }
            return problems;
        }
    }

    /**
     * Reads a small entry whole and checks its CRC-32: the manifest and signatures are not in the
     * file table, so this is what stops another ZIP reader from seeing different bytes in them.
     */
    private static byte[] readChecked(StrictZipReader zip, ZipEntryInfo entry) throws IOException,
            BundleFormatException {
        byte[] bytes;
        try (InputStream in = zip.openStream(entry)) {
            bytes = in.readNBytes((int) entry.size()); // sized by the caller's bound, not grown as it goes
            if (bytes.length != entry.size() || in.read() >= 0) {
                throw new IOException("the entry does not hold the " + entry.size() + " bytes it declares");
            }
        } catch (IOException e) {
            throw new BundleFormatException(new Problem("integrity.unreadable", entry.name(),
                    "the entry cannot be read: " + e.getMessage()), e);
        }
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes);
        if (crc.getValue() != entry.crc()) {
            throw new BundleFormatException(new Problem("integrity.crc-mismatch", entry.name(), "CRC-32 is "
                    + Long.toHexString(crc.getValue()) + " but the archive records " + Long.toHexString(entry.crc())
                    + ": other ZIP tools would read different bytes"));
        }
        return bytes;
    }

    public Path path() {
        return path;
    }

    public Manifest manifest() {
        return manifest;
    }

    /** The manifest exactly as stored; signatures cover these bytes. */
    public byte[] manifestBytes() {
        return manifestBytes.clone();
    }

    /** Every entry in archive order: the manifest, the files, then signatures. */
    public List<BundleEntry> entries() {
        return entries.values().stream().map(Slot::entry).toList();
    }

    public Optional<BundleEntry> entry(String path) {
        return Optional.ofNullable(entries.get(path)).map(Slot::entry);
    }

    /** The embedded signature entries. */
    public List<BundleEntry> signatures() {
        return signatures.keySet().stream().map(name -> entries.get(name).entry()).toList();
    }

    /** The bytes of a signature entry exactly as checked when the bundle was opened. */
    public byte[] signatureBytes(String path) throws IOException {
        byte[] bytes = signatures.get(path);
        if (bytes == null) {
            throw new java.nio.file.NoSuchFileException(path, null, "no such signature in " + this.path.getFileName());
        }
        return bytes.clone();
    }

    /** How many bytes an entry's data takes in the archive: its size when stored, less when compressed. */
    public long compressedSize(String path) throws IOException {
        return zipEntry(path).compressedSize();
    }

    /** Length of the archive file in bytes. */
    public long archiveLength() {
        return zip.length();
    }

    /**
     * Opens an entry's content. For a listed file the stream checks the SHA-256 of what it
     * delivered when it reaches the end, and throws {@link IOException} instead of returning
     * end-of-file if the content differs from the manifest.
     */
    public InputStream openStream(String path) throws IOException {
        ZipEntryInfo info = zipEntry(path);
        InputStream raw = zip.openStream(info);
        Optional<Manifest.FileEntry> listed = manifest.file(path);
        return listed.isPresent() ? new VerifyingInputStream(raw, listed.get()) : raw;
    }

    /**
     * Maps a stored entry's bytes read-only, without copying: the way to hand weights to an
     * inference runtime. The mapping is not verified; run {@link BundleVerifier} first.
     */
    public MappedByteBuffer map(String path) throws IOException {
        ZipEntryInfo info = zipEntry(path);
        if (!info.stored()) {
            throw new IOException(path + " is compressed and cannot be mapped; read it with openStream");
        }
        return zip.channel().map(FileChannel.MapMode.READ_ONLY, info.dataOffset(), info.size());
    }

    /** The archive's channel, for positional reads by the verifier. */
    FileChannel channel() {
        return zip.channel();
    }

    ZipEntryInfo zipEntry(String path) throws IOException {
        Slot slot = entries.get(path);
        if (slot == null) {
            throw new java.nio.file.NoSuchFileException(path, null, "no such entry in " + this.path.getFileName());
        }
        return slot.archived();
    }

    /** An entry as callers see it, and as the archive records it. */
    private record Slot(BundleEntry entry, ZipEntryInfo archived) {
    }

    InputStream openRaw(ZipEntryInfo info) throws IOException {
        return zip.openStream(info);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** Hashes what passes through and refuses to end if it does not match the manifest. */
    private static final class VerifyingInputStream extends ObservingInputStream {
        private final Manifest.FileEntry expected;
        private final MessageDigest digest = Digests.sha256();
        private boolean checked;

        VerifyingInputStream(InputStream in, Manifest.FileEntry expected) {
            super(in);
            this.expected = expected;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                check();
            } else {
                digest.update((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n < 0) {
                check();
            } else {
                digest.update(b, off, n);
            }
            return n;
        }

        private void check() throws IOException {
            if (checked) {
                return;
            }
            checked = true;
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(expected.sha256())) {
                throw new IOException(expected.path() + ": content does not match its SHA-256 in oab.json "
                        + "(expected " + expected.sha256() + ", got " + actual + "); the bundle was altered");
            }
        }
    }
}
