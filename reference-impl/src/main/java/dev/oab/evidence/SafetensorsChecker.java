package dev.oab.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oab.json.JsonDocumentException;
import dev.oab.json.StrictJson;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Proves a safetensors file self-consistent without reading its tensor data: the header is one
 * strict JSON object, every tensor's dtype and shape account for exactly the bytes its offsets
 * claim, the byte ranges tile the data section from 0 with no gap or overlap, and the data
 * section ends exactly at the end of the file. A loader that trusts such a header cannot read out
 * of bounds or see two tensors share bytes.
 */
final class SafetensorsChecker {

    /** Largest header OAB reads; the reference implementation refuses headers over 100 MB too. */
    static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    /** Bits per element of every dtype the safetensors format defines. */
    private static final Map<String, Integer> DTYPE_BITS = Map.ofEntries(
            Map.entry("BOOL", 8), Map.entry("U8", 8), Map.entry("I8", 8),
            Map.entry("F4", 4), Map.entry("F6_E2M3", 6), Map.entry("F6_E3M2", 6),
            Map.entry("F8_E5M2", 8), Map.entry("F8_E4M3", 8), Map.entry("F8_E8M0", 8),
            Map.entry("F8_E4M3FNUZ", 8), Map.entry("F8_E5M2FNUZ", 8),
            Map.entry("I16", 16), Map.entry("U16", 16), Map.entry("F16", 16), Map.entry("BF16", 16),
            Map.entry("I32", 32), Map.entry("U32", 32), Map.entry("F32", 32),
            Map.entry("I64", 64), Map.entry("U64", 64), Map.entry("F64", 64), Map.entry("C64", 64));

    private record Tensor(String name, long begin, long end) {
    }

    private SafetensorsChecker() {
    }

    static WeightsReport check(SeekableByteChannel channel, String path) throws IOException {
        WeightsReport.Builder report = WeightsReport.builder(path, WeightFormat.SAFETENSORS);
        long fileSize = channel.size();
        if (fileSize < 8) {
            return report.error("safetensors.truncated", "the file is " + fileSize
                    + " bytes, shorter than the 8-byte header length; the file is truncated, copy it again").build();
        }
        ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        ChannelReader.readFully(channel, 0, lengthBytes);
        long headerLength = lengthBytes.getLong(0);
        if (headerLength < 0 || headerLength > MAX_HEADER_BYTES) {
            return report.error("safetensors.header-too-large", "the header length field says "
                    + Long.toUnsignedString(headerLength) + " bytes, more than the limit of " + MAX_HEADER_BYTES
                    + "; the file is corrupt or not safetensors").build();
        }
        if (headerLength > fileSize - 8) {
            return report.error("safetensors.header-beyond-file", "the header length field says "
                    + headerLength + " bytes but only " + (fileSize - 8)
                    + " bytes follow it; the file is truncated or not safetensors").build();
        }
        if (headerLength < 2) {
            return report.error("safetensors.header-not-json", "the header is " + headerLength
                    + " bytes, too short to be a JSON object").build();
        }
        ByteBuffer headerBuffer = ByteBuffer.allocate((int) headerLength);
        ChannelReader.readFully(channel, 8, headerBuffer);
        byte[] header = headerBuffer.array();

        if (header[0] != '{') {
            return report.error("safetensors.header-not-json",
                    "the header must start with '{' but starts with byte 0x"
                            + String.format("%02x", header[0] & 0xff)).build();
        }
        // The format allows the header to be padded, with spaces only, so data can start aligned.
        int end = header.length;
        while (end > 0 && header[end - 1] == ' ') {
            end--;
        }
        if (header[end - 1] != '}') {
            return report.error("safetensors.header-padding", "the header must end with '}' followed only by"
                    + " space (0x20) padding; found byte 0x" + String.format("%02x", header[end - 1] & 0xff)
                    + " at header offset " + (end - 1)).build();
        }

        JsonNode root;
        try {
            root = StrictJson.parse(header, path + " header");
        } catch (JsonDocumentException e) {
            if (e.getMessage().contains("Duplicate field")) {
                return report.error("safetensors.duplicate-tensor", e.getMessage()
                        + "; every tensor name must appear once, otherwise readers disagree on which one"
                        + " to load").build();
            }
            return report.error("safetensors.header-not-json", e.getMessage()).build();
        }
        if (!root.isObject()) {
            return report.error("safetensors.header-not-json", "the header must be a JSON object").build();
        }

        List<Tensor> tensors = new ArrayList<>();
        long parameters = 0;
        boolean countable = true;
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            if (name.equals("__metadata__")) {
                readMetadata(value, report);
                continue;
            }
            Long elements = checkTensor(name, value, report, tensors);
            if (elements == null) {
                countable = false;
            } else if (countable) {
                try {
                    parameters = Math.addExact(parameters, elements);
                } catch (ArithmeticException overflow) {
                    countable = false;
                }
            }
        }
        report.tensorCount(tensors.size());
        if (countable) {
            report.parameterCount(parameters);
        }

        tensors.sort(Comparator.comparingLong(Tensor::begin).thenComparingLong(Tensor::end));
        long expected = 0;
        Tensor previous = null;
        for (Tensor tensor : tensors) {
            if (tensor.begin() > expected) {
                report.error("safetensors.offsets-gap", "bytes " + expected + " to " + tensor.begin()
                        + " of the data section belong to no tensor (before '" + tensor.name()
                        + "'); unreferenced bytes can hide content, write the file again with a safetensors"
                        + " library");
            } else if (tensor.begin() < expected) {
                report.error("safetensors.offsets-overlap", "tensor '" + tensor.name() + "' starts at data offset "
                        + tensor.begin() + " inside '" + previous.name() + "', which ends at " + expected
                        + "; tensors must not share bytes, write the file again with a safetensors library");
            }
            expected = Math.max(expected, tensor.end());
            previous = tensor;
        }
        long dataSize = fileSize - 8 - headerLength;
        if (expected > dataSize) {
            report.error("safetensors.truncated", "the tensors need " + expected + " data bytes but the file has "
                    + dataSize + " after the header; the file is truncated, copy it again");
        } else if (expected < dataSize) {
            report.error("safetensors.trailing-bytes", (dataSize - expected)
                    + " bytes follow the last tensor's data; nothing may follow it, write the file again"
                    + " with a safetensors library");
        }
        return report.build();
    }

    private static void readMetadata(JsonNode value, WeightsReport.Builder report) {
        if (!value.isObject()) {
            report.error("safetensors.metadata-invalid", "__metadata__ must be an object of strings");
            return;
        }
        for (Map.Entry<String, JsonNode> item : value.properties()) {
            if (!item.getValue().isTextual()) {
                report.error("safetensors.metadata-invalid", "__metadata__ value '" + item.getKey()
                        + "' must be a string");
            } else {
                report.metadata(item.getKey(), item.getValue().textValue());
            }
        }
    }

    /** Checks one tensor entry and records its range; returns its element count, or null if unusable. */
    private static Long checkTensor(String name, JsonNode value, WeightsReport.Builder report,
                                    List<Tensor> tensors) {
        String where = "tensor '" + name + "'";
        if (!value.isObject()) {
            report.error("safetensors.tensor-invalid", where + " must be an object with dtype, shape and"
                    + " data_offsets");
            return null;
        }
        JsonNode dtypeNode = value.get("dtype");
        JsonNode shapeNode = value.get("shape");
        JsonNode offsetsNode = value.get("data_offsets");
        if (dtypeNode == null || !dtypeNode.isTextual() || shapeNode == null || !shapeNode.isArray()
                || offsetsNode == null || !offsetsNode.isArray() || offsetsNode.size() != 2) {
            report.error("safetensors.tensor-invalid", where + " must have a string dtype, an array shape and"
                    + " data_offsets [begin, end]");
            return null;
        }
        long begin = nonNegativeLong(offsetsNode.get(0));
        long end = nonNegativeLong(offsetsNode.get(1));
        if (begin < 0 || end < 0 || end < begin) {
            report.error("safetensors.tensor-invalid", where + " has data_offsets " + offsetsNode
                    + "; they must be two non-negative integers with begin <= end");
            return null;
        }
        tensors.add(new Tensor(name, begin, end));

        long elements = 1;
        for (JsonNode dimension : shapeNode) {
            long size = nonNegativeLong(dimension);
            if (size < 0) {
                report.error("safetensors.tensor-invalid", where + " has shape " + shapeNode
                        + "; every dimension must be a non-negative integer");
                return null;
            }
            try {
                elements = Math.multiplyExact(elements, size);
            } catch (ArithmeticException overflow) {
                report.error("safetensors.tensor-invalid", where + " has shape " + shapeNode
                        + ", whose element count overflows 64 bits");
                return null;
            }
        }
        String dtype = dtypeNode.textValue();
        Integer bits = DTYPE_BITS.get(dtype);
        if (bits == null) {
            report.error("safetensors.dtype-unknown", where + " has dtype '" + dtype
                    + "', which safetensors does not define; use one of " + new TreeSet<>(DTYPE_BITS.keySet()));
            return elements;
        }
        report.dtype(dtype);
        long totalBits;
        try {
            totalBits = Math.multiplyExact(elements, (long) bits);
        } catch (ArithmeticException overflow) {
            report.error("safetensors.tensor-invalid", where + " is too large to address");
            return null;
        }
        if (totalBits % 8 != 0) {
            report.error("safetensors.tensor-size-mismatch", where + " has " + elements + " elements of " + dtype
                    + " (" + bits + " bits each), which is not a whole number of bytes");
        } else if (totalBits / 8 != end - begin) {
            report.error("safetensors.tensor-size-mismatch", where + " is " + dtype + " with shape " + shapeNode
                    + ", which needs " + (totalBits / 8) + " bytes, but its data_offsets " + offsetsNode
                    + " span " + (end - begin) + " bytes");
        }
        return elements;
    }

    private static long nonNegativeLong(JsonNode node) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            return -1;
        }
        long value = node.longValue();
        return value < 0 ? -1 : value;
    }
}
