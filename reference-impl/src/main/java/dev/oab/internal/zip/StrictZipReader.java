package dev.oab.internal.zip;

import dev.oab.bundle.BundlePaths;
import dev.oab.bundle.Problem;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static dev.oab.internal.zip.ZipFormat.*;

/**
 * Opens an archive and proves it is in the strict profile before anything reads an entry. Commons
 * Compress's {@link ZipFile} parses the central directory and inflates; this class adds what it
 * tolerates and a signed-archive format must not: the end records must end the file, entries must
 * tile the file from offset 0 to the central directory with no gap or overlap, every local header
 * must agree with its central record, and names, flags, methods, extra fields and file types must
 * be the profile's. Anything else is refused with a {@link ZipProfileException} naming the defect.
 */
public final class StrictZipReader implements Closeable {

    private static final byte[] NO_BYTES = new byte[0];

    private final FileChannel channel;
    private final ZipFile zip;
    private final List<ZipEntryInfo> entries;
    private final long length;

    private StrictZipReader(FileChannel channel, ZipFile zip, List<ZipEntryInfo> entries, long length) {
        this.channel = channel;
        this.zip = zip;
        this.entries = entries;
        this.length = length;
    }

    /**
     * Checks the archive behind {@code channel}. The channel stays owned by the caller on failure
     * and by the reader on success.
     */
    public static StrictZipReader open(FileChannel channel, ZipLimits limits) throws IOException, ZipProfileException {
        long length = channel.size();
        EndRecords end = readEndRecords(channel, length, limits);
        ByteBuffer tail = read(channel, end.cdOffset(), (int) (length - end.cdOffset()));
        TailCachingChannel archive = new TailCachingChannel(channel, end.cdOffset(), tail.array());
        ZipFile zip;
        try {
            zip = ZipFile.builder()
                    .setSeekableByteChannel(archive)
                    .setUseUnicodeExtraFields(false)
                    .setIgnoreLocalFileHeader(true) // this class reads and checks every local header itself
                    .setMaxNumberOfDisks(1)
                    .get();
        } catch (IOException | RuntimeException e) {
            throw new ZipProfileException("archive.malformed", "",
                    "the ZIP structure cannot be read: " + e.getMessage(), e);
        }
        try {
            ByteBuffer centralDirectory = ByteBuffer.wrap(tail.array(), 0, (int) end.cdSize()).order(ByteOrder.LITTLE_ENDIAN);
            List<ZipEntryInfo> entries = checkEntries(channel, centralDirectory, zip, end, limits);
            archive.releaseTail();
            return new StrictZipReader(channel, zip, List.copyOf(entries), length);
        } catch (IOException | ZipProfileException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /** Entries in archive order. */
    public List<ZipEntryInfo> entries() {
        return entries;
    }

    public long length() {
        return length;
    }

    public FileChannel channel() {
        return channel;
    }

    /**
     * The entry's uncompressed bytes. Stored entries are read with positional reads, so several
     * streams may be open at once; deflated ones are inflated by Commons Compress and refused the
     * moment they produce more (or, at the end, fewer) bytes than declared.
     */
    public InputStream openStream(ZipEntryInfo entry) throws IOException {
        if (entry.stored()) {
            return new ChannelRangeInputStream(channel, entry.dataOffset(), entry.size());
        }
        // Names were proven unique at open, so Commons Compress's lookup by name finds this very entry.
        return new ExactLengthInputStream(zip.getInputStream(zip.getEntry(entry.name())), entry.size(), entry.name());
    }

    @Override
    public void close() throws IOException {
        try {
            zip.close();
        } finally {
            channel.close();
        }
    }

    private record EndRecords(long entryCount, long cdOffset, long cdSize, long endStart) {
    }

    private static EndRecords readEndRecords(FileChannel channel, long length, ZipLimits limits)
            throws IOException, ZipProfileException {
        if (length < EOCD_SIZE) {
            throw new ZipProfileException("archive.truncated", "",
                    "the file is " + length + " bytes long, too short to be a ZIP archive");
        }
        ByteBuffer eocd = read(channel, length - EOCD_SIZE, EOCD_SIZE);
        if (eocd.getInt(0) != EOCD_SIG || eocd.getShort(20) != 0) {
            long found = findEndRecordBackwards(channel, length);
            if (found >= 0) {
                throw new ZipProfileException("archive.trailing-data", "",
                        (length - found - EOCD_SIZE) + " bytes follow the end-of-central-directory record "
                                + "(appended data or an archive comment); a bundle must end with its end record");
            }
            throw new ZipProfileException("archive.truncated", "",
                    "no end-of-central-directory record at the end of the file: it is truncated or not a ZIP archive");
        }
        int disk = Short.toUnsignedInt(eocd.getShort(4));
        int cdDisk = Short.toUnsignedInt(eocd.getShort(6));
        long diskEntries = Short.toUnsignedInt(eocd.getShort(8));
        long entryCount = Short.toUnsignedInt(eocd.getShort(10));
        long cdSize = Integer.toUnsignedLong(eocd.getInt(12));
        long cdOffset = Integer.toUnsignedLong(eocd.getInt(16));
        long endStart = length - EOCD_SIZE;
        boolean zip64 = entryCount == MAX_16 || diskEntries == MAX_16 || cdSize == MAX_32 || cdOffset == MAX_32;
        if (zip64) {
            if (endStart < ZIP64_LOCATOR_SIZE + ZIP64_EOCD_SIZE) {
                throw new ZipProfileException("archive.truncated", "", "the ZIP64 end records are missing");
            }
            ByteBuffer locator = read(channel, endStart - ZIP64_LOCATOR_SIZE, ZIP64_LOCATOR_SIZE);
            long expectedZip64End = endStart - ZIP64_LOCATOR_SIZE - ZIP64_EOCD_SIZE;
            if (locator.getInt(0) != ZIP64_LOCATOR_SIG || locator.getLong(8) != expectedZip64End
                    || locator.getInt(16) != 1 || locator.getInt(4) != 0) {
                throw new ZipProfileException("archive.central-directory-mismatch", "",
                        "the ZIP64 end-of-central-directory locator is missing or does not point to the record "
                                + "just before it");
            }
            ByteBuffer end64 = read(channel, expectedZip64End, ZIP64_EOCD_SIZE);
            if (end64.getInt(0) != ZIP64_EOCD_SIG || end64.getLong(4) != ZIP64_EOCD_SIZE - 12) {
                throw new ZipProfileException("archive.central-directory-mismatch", "",
                        "the ZIP64 end-of-central-directory record is malformed");
            }
            disk = end64.getInt(16);
            cdDisk = end64.getInt(20);
            diskEntries = end64.getLong(24);
            entryCount = end64.getLong(32);
            cdSize = end64.getLong(40);
            cdOffset = end64.getLong(48);
            endStart = expectedZip64End;
        }
        if (disk != 0 || cdDisk != 0 || diskEntries != entryCount) {
            throw new ZipProfileException("archive.multi-disk", "", "split or multi-disk archives are not allowed");
        }
        if (entryCount < 0 || entryCount > limits.maxEntries()) {
            throw new ZipProfileException("archive.too-many-entries", "",
                    "the archive declares " + Long.toUnsignedString(entryCount) + " entries; the limit is "
                            + limits.maxEntries());
        }
        if (cdSize < 0 || cdSize > limits.maxCentralDirectoryBytes()) {
            throw new ZipProfileException("archive.too-many-entries", "",
                    "the central directory declares " + Long.toUnsignedString(cdSize)
                            + " bytes; the limit is " + limits.maxCentralDirectoryBytes());
        }
        if (cdOffset < 0 || cdOffset + cdSize != endStart) {
            if (cdOffset >= 0 && cdOffset + cdSize < endStart
                    && read(channel, cdOffset + cdSize, 4).getInt(0) == EOCD_SIG) {
                throw new ZipProfileException("archive.multiple-end-records", "",
                        "the archive has more than one end-of-central-directory record");
            }
            throw new ZipProfileException("archive.central-directory-mismatch", "",
                    "the central directory (offset " + cdOffset + ", " + cdSize
                            + " bytes) does not end where the end records begin (" + endStart
                            + "): data was prepended, inserted or cut");
        }
        return new EndRecords(entryCount, cdOffset, cdSize, endStart);
    }

    /** Where an end record starts if one lies in the last 64 KiB, else -1: tells appended data from truncation. */
    private static long findEndRecordBackwards(FileChannel channel, long length) throws IOException {
        int window = (int) Math.min(length, MAX_16 + EOCD_SIZE + 1024);
        ByteBuffer tail = read(channel, length - window, window);
        for (int i = window - EOCD_SIZE; i >= 0; i--) {
            if (tail.getInt(i) == EOCD_SIG) {
                return length - window + i;
            }
        }
        return -1;
    }

    /** The raw parts of a central directory record that Commons Compress rewrites or hides. */
    private record CentralRecord(byte[] name, byte[] extra, int commentLength, int dosTime, int length) {
    }

    /**
     * Walks the central directory record by record: the records must fill it exactly and number
     * what the end record declares. Commons Compress stops at the first non-record and re-encodes
     * extra fields, so it cannot answer either question.
     */
    private static List<CentralRecord> walkCentralDirectory(ByteBuffer cd, EndRecords end) throws ZipProfileException {
        List<CentralRecord> records = new ArrayList<>();
        int p = 0;
        while (p < cd.limit()) {
            if (cd.limit() - p < CENTRAL_HEADER_SIZE || cd.getInt(p) != CENTRAL_HEADER_SIG) {
                throw new ZipProfileException("archive.entry-count-mismatch", "", "the central directory holds "
                        + (cd.limit() - p) + " bytes after its " + records.size() + " records that are not a record");
            }
            CentralRecord record = readCentralRecord(cd, p, records.size());
            records.add(record);
            if (records.size() > end.entryCount()) {
                break;
            }
            p += record.length();
        }
        if (records.size() != end.entryCount()) {
            throw new ZipProfileException("archive.entry-count-mismatch", "",
                    "the end record declares " + end.entryCount() + " entries but the central directory holds "
                            + (records.size() > end.entryCount() ? "more" : String.valueOf(records.size())));
        }
        return records;
    }

    /**
     * The record at {@code p}. Per-entry work lives in methods rather than loop bodies: the JIT
     * compiles a method after a few hundred calls but a loop only after tens of thousands of turns.
     */
    private static CentralRecord readCentralRecord(ByteBuffer cd, int p, int index) throws ZipProfileException {
        int nameLength = Short.toUnsignedInt(cd.getShort(p + 28));
        int extraLength = Short.toUnsignedInt(cd.getShort(p + 30));
        int commentLength = Short.toUnsignedInt(cd.getShort(p + 32));
        int length = CENTRAL_HEADER_SIZE + nameLength + extraLength + commentLength;
        if (p + length > cd.limit()) {
            throw new ZipProfileException("archive.central-directory-mismatch", "",
                    "central directory record " + index + " runs past the end of the directory");
        }
        byte[] name = new byte[nameLength];
        cd.get(p + CENTRAL_HEADER_SIZE, name);
        byte[] extra = new byte[extraLength];
        cd.get(p + CENTRAL_HEADER_SIZE + nameLength, extra);
        int zip64Fields = (Integer.toUnsignedLong(cd.getInt(p + 24)) == MAX_32 ? 1 : 0)
                + (Integer.toUnsignedLong(cd.getInt(p + 20)) == MAX_32 ? 1 : 0)
                + (Integer.toUnsignedLong(cd.getInt(p + 42)) == MAX_32 ? 1 : 0);
        if (extraLength > 0 || zip64Fields > 0) {
            String shownName = new String(name, StandardCharsets.UTF_8);
            checkExtraFields(extra, shownName, "central directory");
            checkZip64Extra(extra, zip64Fields * 8, shownName, "central directory");
        }
        return new CentralRecord(name, extra, commentLength, cd.getInt(p + 12), length);
    }

    private static List<ZipEntryInfo> checkEntries(FileChannel channel, ByteBuffer centralDirectory, ZipFile zip,
                                                   EndRecords end, ZipLimits limits)
            throws IOException, ZipProfileException {
        List<CentralRecord> records = walkCentralDirectory(centralDirectory, end);
        List<ZipArchiveEntry> central = Collections.list(zip.getEntries());
        if (central.size() != records.size()) {
            throw new ZipProfileException("archive.entry-count-mismatch", "", "the central directory holds "
                    + records.size() + " records but only " + central.size() + " could be read as entries");
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String[] names = new String[records.size()];
        for (int i = 0; i < records.size(); i++) {
            names[i] = nameOf(records.get(i), central.get(i), utf8);
        }
        for (int i = 0; i < central.size(); i++) {
            if (central.get(i).getDiskNumberStart() != 0) {
                throw new ZipProfileException("archive.multi-disk", names[i], "the entry says it starts on disk "
                        + central.get(i).getDiskNumberStart() + "; split or multi-disk archives are not allowed");
            }
            if (i > 0 && central.get(i).getLocalHeaderOffset() < central.get(i - 1).getLocalHeaderOffset()) {
                // Out of order: name the first entry not where the file order would put it.
                List<ZipArchiveEntry> physical = Collections.list(zip.getEntriesInPhysicalOrder());
                int first = 0;
                while (physical.get(first) == central.get(first)) {
                    first++; // ends within the list: an offset lower than its predecessor's moves in the sort
                }
                throw new ZipProfileException("archive.central-directory-order", names[first],
                        "the central directory lists entries in a different order than they appear in the archive");
            }
        }
        Layout layout = new Layout(channel, end.cdOffset(), limits, central.size());
        List<ZipEntryInfo> result = new ArrayList<>(central.size());
        for (int i = 0; i < central.size(); i++) {
            result.add(layout.next(central.get(i), records.get(i), names[i]));
        }
        layout.finish();
        return result;
    }

    /** Checks entries one by one in file order: each must start where the previous one ended. */
    private static final class Layout {
        private final long centralDirectoryOffset;
        private final ZipLimits limits;
        private final LocalHeaderWindow window;
        /** Files and their folders: about twice as many keys as entries, sized once. */
        private final BundlePaths.Namespace names;
        private long expectedOffset;
        private String previous;

        Layout(FileChannel channel, long centralDirectoryOffset, ZipLimits limits, int entries) {
            this.centralDirectoryOffset = centralDirectoryOffset;
            this.limits = limits;
            this.window = new LocalHeaderWindow(channel, centralDirectoryOffset);
            this.names = new BundlePaths.Namespace(entries);
        }

        ZipEntryInfo next(ZipArchiveEntry e, CentralRecord record, String name) throws IOException, ZipProfileException {
            checkEntryHeaderFields(e, name, record.name(), limits);
            checkName(name, names);
            long headerOffset = e.getLocalHeaderOffset();
            if (headerOffset != expectedOffset) {
                throw layoutProblem(name, previous, headerOffset, expectedOffset);
            }
            LocalHeader local = readLocalHeader(window, e, name, record.name(), centralDirectoryOffset,
                    record.dosTime());
            long dataOffset = headerOffset + local.length();
            long dataEnd = dataOffset + e.getCompressedSize();
            if (dataEnd > centralDirectoryOffset || dataEnd < dataOffset) {
                throw new ZipProfileException("archive.overlapping-entries", name,
                        "the entry's data runs into the central directory");
            }
            expectedOffset = dataEnd;
            previous = name;
            return new ZipEntryInfo(name, e.getMethod(), e.getRawFlag(), local.dosTime(), e.getCrc(),
                    e.getCompressedSize(), e.getSize(), headerOffset, dataOffset);
        }

        void finish() throws ZipProfileException {
            if (expectedOffset != centralDirectoryOffset) {
                throw new ZipProfileException("archive.unreferenced-data", previous == null ? "" : previous,
                        (centralDirectoryOffset - expectedOffset) + " bytes between the last entry and the central "
                                + "directory belong to no entry (a hidden entry?)");
            }
        }
    }

    /** The entry's name, once the raw record and Commons Compress agree on it and it has no comment. */
    private static String nameOf(CentralRecord record, ZipArchiveEntry e, CharsetDecoder utf8)
            throws ZipProfileException {
        if (!Arrays.equals(record.name(), e.getRawName())) {
            throw new ZipProfileException("archive.central-directory-mismatch", decodeName(e.getRawName(), utf8),
                    "the central directory record and the parsed entry disagree on the name");
        }
        String name = decodeName(record.name(), utf8);
        if (record.commentLength() != 0) {
            throw new ZipProfileException("archive.entry-comment", name, "entry comments are not allowed");
        }
        return name;
    }

    private static ZipProfileException layoutProblem(String name, String previous, long actual, long expected) {
        if (previous == null) {
            return new ZipProfileException("archive.leading-data", name,
                    actual + " bytes precede the first entry; a bundle starts with its first local header");
        }
        if (actual < expected) {
            return new ZipProfileException("archive.overlapping-entries", name,
                    "the entry starts inside the data of '" + previous + "'");
        }
        return new ZipProfileException("archive.unreferenced-data", name,
                (actual - expected) + " bytes between '" + previous + "' and this entry belong to no entry "
                        + "(a hidden entry?)");
    }

    private static String decodeName(byte[] raw, CharsetDecoder utf8) throws ZipProfileException {
        if (isAscii(raw)) {
            return new String(raw, StandardCharsets.US_ASCII);
        }
        try {
            return utf8.reset().decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException ex) {
            throw new ZipProfileException("path.invalid-unicode", new String(raw, StandardCharsets.ISO_8859_1),
                    "the entry name is not valid UTF-8");
        }
    }

    private static void checkEntryHeaderFields(ZipArchiveEntry e, String name, byte[] rawName, ZipLimits limits)
            throws ZipProfileException {
        int flags = e.getRawFlag();
        if ((flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) != 0) {
            throw new ZipProfileException("archive.encrypted", name, "the entry is encrypted; bundles are never encrypted");
        }
        if ((flags & FLAG_DATA_DESCRIPTOR) != 0) {
            throw new ZipProfileException("archive.data-descriptor", name,
                    "the entry uses a data descriptor; the strict profile puts sizes and CRC in the headers");
        }
        int allowed = FLAG_UTF8 | (e.getMethod() == METHOD_DEFLATED ? FLAG_DEFLATE_OPTIONS : 0);
        if ((flags & ~allowed) != 0) {
            throw new ZipProfileException("archive.unsupported-flags", name,
                    String.format("general purpose flags 0x%04x are not allowed", flags));
        }
        if (!isAscii(rawName) && (flags & FLAG_UTF8) == 0) {
            throw new ZipProfileException("archive.name-encoding", name,
                    "the entry name is not ASCII and the UTF-8 flag is not set");
        }
        if (e.getMethod() != METHOD_STORED && e.getMethod() != METHOD_DEFLATED) {
            throw new ZipProfileException("archive.unsupported-method", name,
                    "compression method " + e.getMethod() + " is not allowed; use STORED (0) or DEFLATED (8)");
        }
        if (e.getMethod() == METHOD_STORED && e.getCompressedSize() != e.getSize()) {
            throw new ZipProfileException("archive.header-mismatch", name,
                    "a STORED entry's compressed size differs from its size");
        }
        if (e.getMethod() == METHOD_DEFLATED) {
            if (e.getSize() > limits.maxDeflatedEntryBytes()) {
                throw new ZipProfileException("archive.entry-too-large", name, "the entry declares "
                        + e.getSize() + " uncompressed bytes; DEFLATED entries are limited to "
                        + limits.maxDeflatedEntryBytes());
            }
            if (e.getSize() > Math.max(1, e.getCompressedSize()) * (long) limits.maxCompressionRatio()) {
                throw new ZipProfileException("archive.compression-ratio", name, "the entry expands "
                        + e.getCompressedSize() + " bytes into " + e.getSize() + ", beyond the ratio limit of "
                        + limits.maxCompressionRatio() + ":1 (a compression bomb?)");
            }
        }
        if (e.isDirectory() || name.endsWith("/") || (e.getExternalAttributes() & DOS_DIRECTORY_ATTRIBUTE) != 0) {
            throw new ZipProfileException("archive.non-regular-entry", name,
                    "directory entries are not allowed; folders are implied by file paths");
        }
        if (e.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX) {
            int type = e.getUnixMode() & UNIX_TYPE_MASK;
            if (type != 0 && type != UNIX_REGULAR) {
                String what = e.isUnixSymlink() ? "a symbolic link" : String.format("a non-regular file (mode %06o)",
                        e.getUnixMode());
                throw new ZipProfileException("archive.non-regular-entry", name,
                        "the entry is " + what + "; bundles hold regular files only");
            }
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static void checkExtraFields(byte[] extra, String name, String where) throws ZipProfileException {
        int i = 0;
        while (i < extra.length) {
            if (i + 4 > extra.length) {
                throw new ZipProfileException("archive.malformed-extra", name,
                        "the " + where + " extra field is truncated");
            }
            int id = (extra[i] & 0xff) | (extra[i + 1] & 0xff) << 8;
            int size = (extra[i + 2] & 0xff) | (extra[i + 3] & 0xff) << 8;
            if (i + 4 + size > extra.length) {
                throw new ZipProfileException("archive.malformed-extra", name,
                        "the " + where + " extra field is truncated");
            }
            if (id == UNICODE_PATH_EXTRA_ID) {
                throw new ZipProfileException("archive.unicode-path-extra", name,
                        "the entry carries a Unicode Path extra field, which lets readers see two different names");
            }
            boolean local = where.equals("local header");
            if (id != ZIP64_EXTRA_ID && !(local && id == ALIGNMENT_EXTRA_ID)) {
                throw new ZipProfileException("archive.unsupported-extra", name,
                        String.format("the %s has extra field 0x%04x; only ZIP64 (0x0001)%s is allowed", where, id,
                                local ? " and alignment (0xa11e)" : ""));
            }
            if (id == ALIGNMENT_EXTRA_ID) {
                for (int k = i + 6; k < i + 4 + size; k++) {
                    if (extra[k] != 0) {
                        throw new ZipProfileException("archive.malformed-extra", name, "the alignment padding holds "
                                + "non-zero bytes: data that no digest covers");
                    }
                }
            }
            i += 4 + size;
        }
    }

    /**
     * A ZIP64 extra field appears exactly when a header field overflows, with exactly the values
     * that overflow: any other ZIP64 field would be bytes no digest covers.
     */
    private static void checkZip64Extra(byte[] extra, int expectedLength, String name, String where)
            throws ZipProfileException {
        int found = -1;
        for (int i = 0; i + 4 <= extra.length; ) {
            int id = (extra[i] & 0xff) | (extra[i + 1] & 0xff) << 8;
            int size = (extra[i + 2] & 0xff) | (extra[i + 3] & 0xff) << 8;
            if (id == ZIP64_EXTRA_ID) {
                if (found >= 0) {
                    throw new ZipProfileException("archive.malformed-extra", name,
                            "the " + where + " has two ZIP64 extra fields");
                }
                found = size;
            }
            i += 4 + size;
        }
        if (found < 0 && expectedLength > 0) {
            throw new ZipProfileException("archive.header-mismatch", name,
                    "the " + where + " declares ZIP64 values but has no ZIP64 extra field");
        }
        if (found >= 0 && found != expectedLength) {
            throw new ZipProfileException("archive.unsupported-extra", name, "the " + where + " has a ZIP64 extra "
                    + "field of " + found + " bytes where " + (expectedLength == 0 ? "none is needed"
                    : expectedLength + " bytes are needed") + ": bytes no digest covers");
        }
    }

    private static void checkName(String name, BundlePaths.Namespace names)
            throws ZipProfileException {
        Optional<Problem> problem = BundlePaths.check(name);
        if (problem.isPresent()) {
            throw new ZipProfileException(problem.get().code(), name, problem.get().message());
        }
        String key = BundlePaths.collisionKey(name);
        String other = names.add(name, key).orElse(null);
        // The first name under a key is kept, so meeting itself there means the very same name again.
        if (name.equals(other)) {
            throw new ZipProfileException("archive.duplicate-name", name,
                    "two entries have this name; readers could disagree about which one is the file");
        }
        if (other != null) {
            throw new ZipProfileException("path.colliding-names", name, "'" + name + "' and '" + other
                    + "' are the same name on case-insensitive or Unicode-normalising file systems");
        }
        Optional<String> conflict = names.folderConflict(name, key);
        if (conflict.isPresent()) {
            throw new ZipProfileException("path.file-folder-conflict", name, "'" + name + "' and '" + conflict.get()
                    + "' cannot both exist: one is a file where the other needs a folder of the same name");
        }
    }

    private record LocalHeader(int length, int dosTime) {
    }

    private static LocalHeader readLocalHeader(LocalHeaderWindow window, ZipArchiveEntry e, String name,
                                               byte[] rawName, long limit, int centralDosTime)
            throws IOException, ZipProfileException {
        long offset = e.getLocalHeaderOffset();
        if (offset + LOCAL_HEADER_SIZE > limit) {
            throw new ZipProfileException("archive.overlapping-entries", name,
                    "the local header runs into the central directory");
        }
        ByteBuffer header = window.read(offset, LOCAL_HEADER_SIZE);
        if (header.getInt(0) != LOCAL_HEADER_SIG) {
            throw new ZipProfileException("archive.header-mismatch", name,
                    "no local file header where the central directory says the entry starts");
        }
        int nameLength = Short.toUnsignedInt(header.getShort(26));
        int extraLength = Short.toUnsignedInt(header.getShort(28));
        int headerLength = LOCAL_HEADER_SIZE + nameLength + extraLength;
        if (offset + headerLength > limit) {
            throw new ZipProfileException("archive.overlapping-entries", name,
                    "the local header runs into the central directory");
        }
        header = window.read(offset, headerLength); // now with its name and extra field
        int nameStart = header.arrayOffset() + LOCAL_HEADER_SIZE;
        if (!Arrays.equals(header.array(), nameStart, nameStart + nameLength, rawName, 0, rawName.length)) {
            byte[] localName = new byte[nameLength];
            header.get(LOCAL_HEADER_SIZE, localName);
            throw mismatch(name, "name", new String(localName, StandardCharsets.UTF_8), name);
        }
        byte[] localExtra = extraLength == 0 ? NO_BYTES : new byte[extraLength];
        header.get(LOCAL_HEADER_SIZE + nameLength, localExtra);
        int flags = Short.toUnsignedInt(header.getShort(6));
        if (flags != e.getRawFlag()) {
            throw mismatch(name, "flags", String.format("0x%04x", flags), String.format("0x%04x", e.getRawFlag()));
        }
        int method = Short.toUnsignedInt(header.getShort(8));
        if (method != e.getMethod()) {
            throw mismatch(name, "compression method", method, e.getMethod());
        }
        int dosTime = header.getInt(10);
        if (dosTime != centralDosTime) {
            throw mismatch(name, "modification time", Integer.toHexString(dosTime), Integer.toHexString(centralDosTime));
        }
        long crc = Integer.toUnsignedLong(header.getInt(14));
        if (crc != e.getCrc()) {
            throw mismatch(name, "CRC-32", Long.toHexString(crc), Long.toHexString(e.getCrc()));
        }
        checkExtraFields(localExtra, name, "local header");
        long compressed = Integer.toUnsignedLong(header.getInt(18));
        long size = Integer.toUnsignedLong(header.getInt(22));
        checkZip64Extra(localExtra, compressed == MAX_32 || size == MAX_32 ? 16 : 0, name, "local header");
        if (compressed == MAX_32 || size == MAX_32) {
            ByteBuffer zip64 = zip64Extra(localExtra, name);
            size = size == MAX_32 ? zip64.getLong() : size;
            compressed = compressed == MAX_32 ? zip64.getLong() : compressed;
        }
        if (size != e.getSize()) {
            throw mismatch(name, "size", size, e.getSize());
        }
        if (compressed != e.getCompressedSize()) {
            throw mismatch(name, "compressed size", compressed, e.getCompressedSize());
        }
        return new LocalHeader(headerLength, dosTime);
    }

    /**
     * Reads local headers through one buffer refilled from where the next header lies: entries
     * are checked in file order, so the headers of thousands of small files come from a few reads
     * instead of two system calls each.
     */
    private static final class LocalHeaderWindow {
        private static final int SIZE = 256 * 1024;
        private final FileChannel channel;
        private final long limit;
        private final ByteBuffer buffer = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        private long start = -1;

        LocalHeaderWindow(FileChannel channel, long limit) {
            this.channel = channel;
            this.limit = limit;
        }

        /**
         * {@code length} bytes at {@code position}, which the caller has checked end at or below the
         * limit; valid until the next call, which may refill the buffer.
         */
        ByteBuffer read(long position, int length) throws IOException {
            if (length > SIZE) {
                return StrictZipReader.read(channel, position, length);
            }
            if (start < 0 || position < start || position + length > start + buffer.limit()) {
                start = position;
                buffer.clear().limit((int) Math.min(SIZE, limit - position));
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, start + buffer.position()) < 0) {
                        throw new java.io.EOFException("unexpected end of file at " + (start + buffer.position()));
                    }
                }
                buffer.flip();
            }
            return buffer.slice((int) (position - start), length).order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    private static ByteBuffer zip64Extra(byte[] extra, String name) throws ZipProfileException {
        ByteBuffer buffer = ByteBuffer.wrap(extra).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.remaining() >= 4) {
            int id = Short.toUnsignedInt(buffer.getShort());
            int size = Short.toUnsignedInt(buffer.getShort());
            if (id == ZIP64_EXTRA_ID && size >= 16 && buffer.remaining() >= size) {
                return buffer.slice(buffer.position(), size).order(ByteOrder.LITTLE_ENDIAN);
            }
            buffer.position(Math.min(buffer.limit(), buffer.position() + size));
        }
        throw new ZipProfileException("archive.header-mismatch", name,
                "the local header declares ZIP64 sizes but has no ZIP64 extra field");
    }

    private static ZipProfileException mismatch(String name, String field, Object local, Object central) {
        return new ZipProfileException("archive.header-mismatch", name, "the local header and the central directory "
                + "disagree on the " + field + " (" + local + " vs " + central + ")");
    }

    static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + buffer.position());
            if (n < 0) {
                throw new java.io.EOFException("unexpected end of file at " + (position + buffer.position()));
            }
        }
        return buffer.flip();
    }
}
