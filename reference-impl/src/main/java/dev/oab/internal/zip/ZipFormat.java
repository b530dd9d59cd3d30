package dev.oab.internal.zip;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Record signatures, field limits and the conversions the ZIP format needs (APPNOTE 6.3.10). */
public final class ZipFormat {

    public static final int LOCAL_HEADER_SIG = 0x04034b50;
    public static final int CENTRAL_HEADER_SIG = 0x02014b50;
    public static final int EOCD_SIG = 0x06054b50;
    public static final int ZIP64_EOCD_SIG = 0x06064b50;
    public static final int ZIP64_LOCATOR_SIG = 0x07064b50;

    public static final int LOCAL_HEADER_SIZE = 30;
    public static final int CENTRAL_HEADER_SIZE = 46;
    public static final int EOCD_SIZE = 22;
    public static final int ZIP64_EOCD_SIZE = 56;
    public static final int ZIP64_LOCATOR_SIZE = 20;

    public static final int ZIP64_EXTRA_ID = 0x0001;
    /** Commons Compress's alignment extra field: 2 bytes of alignment, then padding. */
    public static final int ALIGNMENT_EXTRA_ID = 0xa11e;
    public static final int UNICODE_PATH_EXTRA_ID = 0x7075;

    public static final int METHOD_STORED = 0;
    public static final int METHOD_DEFLATED = 8;

    public static final int FLAG_ENCRYPTED = 0x0001;
    public static final int FLAG_DATA_DESCRIPTOR = 0x0008;
    public static final int FLAG_STRONG_ENCRYPTION = 0x0040;
    public static final int FLAG_UTF8 = 0x0800;
    /** Bits 1-2 only describe the deflate level used; harmless. */
    public static final int FLAG_DEFLATE_OPTIONS = 0x0006;

    public static final int VERSION_DEFAULT = 20;
    public static final int VERSION_ZIP64 = 45;
    public static final int HOST_UNIX = 3;

    public static final int UNIX_REGULAR_FILE_0644 = 0100644;
    public static final int UNIX_TYPE_MASK = 0170000;
    public static final int UNIX_REGULAR = 0100000;
    public static final int DOS_DIRECTORY_ATTRIBUTE = 0x10;

    public static final long MAX_32 = 0xFFFFFFFFL;
    public static final int MAX_16 = 0xFFFF;

    /** Page size the data of large stored entries is aligned to, so they can be memory-mapped. */
    public static final int ALIGNMENT = 4096;

    private static final Instant DOS_MIN = Instant.parse("1980-01-01T00:00:00Z");
    private static final Instant DOS_MAX = Instant.parse("2107-12-31T23:59:58Z");

    private ZipFormat() {
    }

    /**
     * The MS-DOS date (high 16 bits) and time (low 16 bits) of {@code instant}, read as UTC so that
     * the same instant gives the same bytes in every time zone; clamped to the range DOS can hold.
     */
    public static int dosDateTime(Instant instant) {
        Instant clamped = instant.isBefore(DOS_MIN) ? DOS_MIN : instant.isAfter(DOS_MAX) ? DOS_MAX : instant;
        LocalDateTime t = LocalDateTime.ofInstant(clamped, ZoneOffset.UTC);
        int date = ((t.getYear() - 1980) << 9) | (t.getMonthValue() << 5) | t.getDayOfMonth();
        int time = (t.getHour() << 11) | (t.getMinute() << 5) | (t.getSecond() / 2);
        return (date << 16) | time;
    }
}
