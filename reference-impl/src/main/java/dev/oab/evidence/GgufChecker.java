package dev.oab.evidence;

import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/**
 * Reads a GGUF header: magic, version 2 or 3, the key/value metadata and the tensor descriptions,
 * with every count and length bounded by what is left of the file before anything is allocated.
 * Tensor data is not read; quantised block layouts are llama.cpp's business, so only the offsets
 * are checked against the data section.
 */
final class GgufChecker {

    static final int MAGIC = 0x46554747; // "GGUF" read as a little-endian uint32
    /** Upper bounds far above any real model, to stop a forged count before the loop starts. */
    static final long MAX_TENSORS = 10_000_000L;
    static final long MAX_KV = 1_000_000L;
    static final int MAX_KEY_BYTES = 65_535;
    static final int MAX_DIMENSIONS = 4;
    static final int MAX_ARRAY_NESTING = 4;
    /** Longer string values are skipped rather than copied into the report. */
    private static final int MAX_REPORTED_STRING = 1024;

    private static final int TYPE_UINT32 = 4;
    private static final int TYPE_STRING = 8;
    private static final int TYPE_ARRAY = 9;
    private static final String[] VALUE_TYPES = {"uint8", "int8", "uint16", "int16", "uint32", "int32",
            "float32", "bool", "string", "array", "uint64", "int64", "float64"};
    private static final int[] VALUE_SIZES = {1, 1, 2, 2, 4, 4, 4, 1, -1, -1, 8, 8, 8};

    /** ggml tensor type ids as GGUF stores them; ids retired upstream are absent. */
    private static final String[] GGML_TYPES = {"F32", "F16", "Q4_0", "Q4_1", null, null, "Q5_0", "Q5_1",
            "Q8_0", "Q8_1", "Q2_K", "Q3_K", "Q4_K", "Q5_K", "Q6_K", "Q8_K", "IQ2_XXS", "IQ2_XS", "IQ3_XXS",
            "IQ1_S", "IQ4_NL", "IQ3_S", "IQ2_S", "IQ4_XS", "I8", "I16", "I32", "I64", "F64", "IQ1_M", "BF16",
            null, null, null, "TQ1_0", "TQ2_0", null, null, null, "MXFP4"};

    private GgufChecker() {
    }

    static WeightsReport check(SeekableByteChannel channel, String path) throws IOException {
        WeightsReport.Builder report = WeightsReport.builder(path, WeightFormat.GGUF);
        ChannelReader in = new ChannelReader(channel);
        try {
            if (in.size() < 4 || (int) in.u32() != MAGIC) {
                return report.error("gguf.bad-magic", "the file does not start with the GGUF magic bytes"
                        + " 'GGUF'; it is not a GGUF file, rename it or convert it").build();
            }
            long version = in.u32();
            report.metadata("gguf.version", Long.toString(version));
            if (version != 2 && version != 3) {
                return report.error("gguf.version-unsupported", "GGUF version " + version
                        + " is not supported; OAB reads versions 2 and 3, convert the file with a current"
                        + " llama.cpp").build();
            }
            long tensorCount = in.u64();
            long kvCount = in.u64();
            if (tensorCount < 0 || tensorCount > MAX_TENSORS || kvCount < 0 || kvCount > MAX_KV) {
                return report.error("gguf.count-too-large", "the header declares "
                        + Long.toUnsignedString(tensorCount) + " tensors and " + Long.toUnsignedString(kvCount)
                        + " metadata entries, beyond the limits of " + MAX_TENSORS + " and " + MAX_KV
                        + "; the file is corrupt").build();
            }
            long alignment = 32;
            for (long i = 0; i < kvCount; i++) {
                String key = string(in, MAX_KEY_BYTES, "metadata key");
                int type = (int) in.u32();
                if (key.equals("general.alignment") && type == TYPE_UINT32) {
                    alignment = in.u32();
                    report.metadata(key, Long.toString(alignment));
                    if (alignment == 0 || Long.bitCount(alignment) != 1) {
                        return report.error("gguf.header-invalid", "general.alignment is " + alignment
                                + "; it must be a power of two").build();
                    }
                    continue;
                }
                String value = value(in, type, key, 0);
                if (value != null) {
                    report.metadata(key, value);
                }
            }
            report.tensorCount(tensorCount);
            long parameters = 0;
            long[] offsets = new long[(int) Math.min(tensorCount, in.remaining() / 24)];
            String[] names = new String[offsets.length];
            for (int t = 0; t < tensorCount; t++) {
                if (t >= offsets.length) {
                    throw new EOFException("the file ends inside the tensor descriptions");
                }
                names[t] = string(in, MAX_KEY_BYTES, "tensor name");
                long dimensions = in.u32();
                if (dimensions > MAX_DIMENSIONS) {
                    return report.error("gguf.header-invalid", "tensor '" + names[t] + "' has " + dimensions
                            + " dimensions; GGUF allows at most " + MAX_DIMENSIONS).build();
                }
                long elements = 1;
                for (int d = 0; d < dimensions; d++) {
                    long size = in.u64();
                    if (size < 0) {
                        return report.error("gguf.header-invalid", "tensor '" + names[t]
                                + "' has a dimension beyond 2^63").build();
                    }
                    elements = multiplyOrNegative(elements, size);
                }
                int ggmlType = (int) in.u32();
                report.dtype(ggmlType >= 0 && ggmlType < GGML_TYPES.length && GGML_TYPES[ggmlType] != null
                        ? GGML_TYPES[ggmlType] : "type_" + Integer.toUnsignedString(ggmlType));
                offsets[t] = in.u64();
                parameters = elements < 0 || parameters < 0 ? -1 : addOrNegative(parameters, elements);
            }
            if (parameters >= 0) {
                report.parameterCount(parameters);
            }
            long dataStart = (in.position() + alignment - 1) / alignment * alignment;
            long dataSize = in.size() - dataStart;
            for (int t = 0; t < tensorCount; t++) {
                if (offsets[t] < 0 || offsets[t] % alignment != 0 || offsets[t] > dataSize) {
                    report.error("gguf.tensor-offset-invalid", "tensor '" + names[t] + "' starts at data offset "
                            + Long.toUnsignedString(offsets[t]) + ", which is not a multiple of the alignment "
                            + alignment + " inside the " + Math.max(dataSize, 0) + "-byte data section");
                }
            }
        } catch (EOFException e) {
            report.error("gguf.truncated", "the header does not fit in the file: " + e.getMessage()
                    + "; the file is truncated, copy it again");
        } catch (MalformedException e) {
            report.error("gguf.header-invalid", e.getMessage());
        }
        return report.build();
    }

    /** Reads or skips one value; returns a short text form for scalars and a summary for arrays. */
    private static String value(ChannelReader in, int type, String key, int depth)
            throws IOException, MalformedException {
        if (type < 0 || type >= VALUE_TYPES.length) {
            throw new MalformedException("metadata '" + key + "' has unknown value type " + type);
        }
        switch (type) {
            case TYPE_STRING:
                long length = in.u64();
                if (length < 0 || length > in.remaining()) {
                    throw new EOFException("metadata '" + key + "' declares a " + Long.toUnsignedString(length)
                            + "-byte string");
                }
                if (length > MAX_REPORTED_STRING) {
                    in.skip(length);
                    return null;
                }
                return utf8(in.bytes((int) length), "metadata '" + key + "'");
            case TYPE_ARRAY:
                if (depth >= MAX_ARRAY_NESTING) {
                    throw new MalformedException("metadata '" + key + "' nests arrays deeper than "
                            + MAX_ARRAY_NESTING);
                }
                int elementType = (int) in.u32();
                long count = in.u64();
                if (elementType < 0 || elementType >= VALUE_TYPES.length) {
                    throw new MalformedException("metadata '" + key + "' is an array of unknown type " + elementType);
                }
                int elementSize = VALUE_SIZES[elementType];
                // Strings and arrays take at least 8 bytes each; this bounds the loop below.
                long minimum = elementSize > 0 ? elementSize : 8;
                if (count < 0 || count > in.remaining() / minimum) {
                    throw new EOFException("metadata '" + key + "' declares " + Long.toUnsignedString(count)
                            + " elements");
                }
                if (elementSize > 0) {
                    in.skip(count * elementSize);
                } else {
                    for (long i = 0; i < count; i++) {
                        value(in, elementType, key, depth + 1);
                    }
                }
                return "array of " + count + " " + VALUE_TYPES[elementType];
            case 0:
                return Integer.toString(in.u8());
            case 1:
                return Integer.toString((byte) in.u8());
            case 2:
                return Integer.toString(in.u8() | in.u8() << 8);
            case 3:
                return Integer.toString((short) (in.u8() | in.u8() << 8));
            case 4:
                return Long.toString(in.u32());
            case 5:
                return Integer.toString((int) in.u32());
            case 6:
                return Float.toString(Float.intBitsToFloat((int) in.u32()));
            case 7:
                int flag = in.u8();
                if (flag > 1) {
                    throw new MalformedException("metadata '" + key + "' is a bool with value " + flag);
                }
                return flag == 1 ? "true" : "false";
            case 10:
                return Long.toUnsignedString(in.u64());
            case 11:
                return Long.toString(in.u64());
            default:
                return Double.toString(Double.longBitsToDouble(in.u64()));
        }
    }

    private static String string(ChannelReader in, int maxBytes, String what) throws IOException, MalformedException {
        long length = in.u64();
        if (length < 0 || length > maxBytes) {
            throw new MalformedException(what + " at offset " + (in.position() - 8) + " is "
                    + Long.toUnsignedString(length) + " bytes, more than the limit of " + maxBytes);
        }
        return utf8(in.bytes((int) length), what);
    }

    private static String utf8(byte[] bytes, String what) throws MalformedException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedException(what + " is not valid UTF-8");
        }
    }

    private static long multiplyOrNegative(long a, long b) {
        if (a < 0) {
            return -1;
        }
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return -1;
        }
    }

    private static long addOrNegative(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            return -1;
        }
    }

    /** The header is structurally wrong in a way that is not just truncation. */
    private static final class MalformedException extends Exception {
        MalformedException(String message) {
            super(message);
        }
    }
}
