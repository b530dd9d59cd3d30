package dev.oab.evidence;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeightFormatsTest {

    private static final String PATH = "weights/model.safetensors";

    /** Two F32 tensors: a [2,3] at 0..24 and b [4] BF16 at 24..32. */
    private static final String VALID_HEADER = "{\"__metadata__\":{\"format\":\"pt\"},"
            + "\"a\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]},"
            + "\"b\":{\"dtype\":\"BF16\",\"shape\":[4],\"data_offsets\":[24,32]}}";

    static byte[] safetensors(String header, int dataBytes) {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(json.length).put(json);
        return out.array();
    }

    static WeightsReport detect(byte[] bytes, String path) throws Exception {
        return WeightFormats.detect(new SeekableInMemoryByteChannel(bytes), path);
    }

    static void assertOnlyFinding(WeightsReport report, Severity severity, String code, String path) {
        assertEquals(1, report.findings().size(), () -> report.findings().toString());
        Finding finding = report.findings().get(0);
        assertEquals(severity, finding.severity(), finding::toString);
        assertEquals(code, finding.code(), finding::toString);
        assertEquals(path, finding.path());
    }

    @Test
    void validSafetensorsIsConsistentAndDescribed() throws Exception {
        WeightsReport report = detect(safetensors(VALID_HEADER, 32), PATH);
        assertEquals(WeightFormat.SAFETENSORS, report.format());
        assertEquals(List.of(), report.findings());
        assertTrue(report.isValid());
        assertEquals(2, report.tensorCount().getAsLong());
        assertEquals(10, report.parameterCount().getAsLong());
        assertEquals(List.of("BF16", "F32"), List.copyOf(report.dtypes()));
        assertEquals("pt", report.metadata().get("format"));
    }

    @Test
    void spacePaddingAfterTheHeaderIsAllowedOnDiskToo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("padded.safetensors");
        Files.write(file, safetensors(VALID_HEADER + "      ", 32));
        WeightsReport report = WeightFormats.detect(file);
        assertEquals(List.of(), report.findings());
    }

    @Test
    void recognisedWithoutTheExtension() throws Exception {
        WeightsReport report = detect(safetensors(VALID_HEADER, 32), "weights/model.dat");
        assertEquals(WeightFormat.SAFETENSORS, report.format());
        assertTrue(report.isValid());
    }

    @Test
    void truncatedData() throws Exception {
        byte[] full = safetensors(VALID_HEADER, 32);
        WeightsReport report = detect(Arrays.copyOf(full, full.length - 5), PATH);
        assertOnlyFinding(report, Severity.ERROR, "safetensors.truncated", PATH);
    }

    @Test
    void shorterThanTheLengthField() throws Exception {
        assertOnlyFinding(detect(new byte[5], PATH), Severity.ERROR, "safetensors.truncated", PATH);
    }

    @Test
    void headerLengthBeyondTheFile() throws Exception {
        byte[] bytes = safetensors(VALID_HEADER, 32);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, bytes.length);
        assertOnlyFinding(detect(bytes, PATH), Severity.ERROR, "safetensors.header-beyond-file", PATH);
    }

    @Test
    void absurdHeaderLengthIsRefusedBeforeAllocating() throws Exception {
        byte[] bytes = safetensors(VALID_HEADER, 32);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, Long.MAX_VALUE);
        assertOnlyFinding(detect(bytes, PATH), Severity.ERROR, "safetensors.header-too-large", PATH);
    }

    @Test
    void overlappingOffsets() throws Exception {
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[8,24]}}";
        assertOnlyFinding(detect(safetensors(header, 24), PATH), Severity.ERROR, "safetensors.offsets-overlap", PATH);
    }

    @Test
    void gapBetweenTensors() throws Exception {
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[12,20]}}";
        WeightsReport report = detect(safetensors(header, 20), PATH);
        assertOnlyFinding(report, Severity.ERROR, "safetensors.offsets-gap", PATH);
        assertEquals("bytes 8 to 12 of the data section belong to no tensor (before 'b'); unreferenced bytes"
                + " can hide content, write the file again with a safetensors library",
                report.findings().get(0).message());
    }

    @Test
    void dtypeTimesShapeMustMatchTheOffsets() throws Exception {
        String header = "{\"a\":{\"dtype\":\"F16\",\"shape\":[2,3],\"data_offsets\":[0,24]}}";
        WeightsReport report = detect(safetensors(header, 24), PATH);
        assertOnlyFinding(report, Severity.ERROR, "safetensors.tensor-size-mismatch", PATH);
        assertEquals("tensor 'a' is F16 with shape [2,3], which needs 12 bytes, but its data_offsets [0,24]"
                + " span 24 bytes", report.findings().get(0).message());
    }

    @Test
    void subByteDtypesAndFp8AreKnown() throws Exception {
        String header = "{\"q\":{\"dtype\":\"F4\",\"shape\":[4],\"data_offsets\":[0,2]},"
                + "\"s\":{\"dtype\":\"F8_E4M3\",\"shape\":[2],\"data_offsets\":[2,4]},"
                + "\"t\":{\"dtype\":\"F8_E5M2\",\"shape\":[],\"data_offsets\":[4,5]},"
                + "\"z\":{\"dtype\":\"BOOL\",\"shape\":[0],\"data_offsets\":[5,5]}}";
        WeightsReport report = detect(safetensors(header, 5), PATH);
        assertEquals(List.of(), report.findings());
        assertEquals(7, report.parameterCount().getAsLong());
    }

    @Test
    void duplicateTensorNamesAreRefused() throws Exception {
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
        assertOnlyFinding(detect(safetensors(header, 8), PATH), Severity.ERROR, "safetensors.duplicate-tensor", PATH);
    }

    @Test
    void unknownDtype() throws Exception {
        String header = "{\"a\":{\"dtype\":\"F12\",\"shape\":[1],\"data_offsets\":[0,4]}}";
        assertOnlyFinding(detect(safetensors(header, 4), PATH), Severity.ERROR, "safetensors.dtype-unknown", PATH);
    }

    @Test
    void bytesAfterTheLastTensor() throws Exception {
        assertOnlyFinding(detect(safetensors(VALID_HEADER, 40), PATH), Severity.ERROR,
                "safetensors.trailing-bytes", PATH);
    }

    @Test
    void paddingMayOnlyBeSpaces() throws Exception {
        assertOnlyFinding(detect(safetensors(VALID_HEADER + "\n", 32), PATH), Severity.ERROR,
                "safetensors.header-padding", PATH);
    }

    @Test
    void rawPickleIsUnsafe() throws Exception {
        // protocol 4: PROTO 4, FRAME ..., EMPTY_DICT, STOP
        byte[] pickle = {(byte) 0x80, 4, (byte) 0x95, 2, 0, 0, 0, 0, 0, 0, 0, '}', '.'};
        WeightsReport report = detect(pickle, "weights/pytorch_model.bin");
        assertEquals(WeightFormat.PICKLE, report.format());
        assertOnlyFinding(report, Severity.ERROR, "weights.pickle-unsafe", "weights/pytorch_model.bin");
        assertFalse(report.isValid());
    }

    @Test
    void aPickleRenamedToSafetensorsIsStillAPickle() throws Exception {
        byte[] pickle = {(byte) 0x80, 2, '}', 'q', 0, '.'};
        assertOnlyFinding(detect(pickle, PATH), Severity.ERROR, "weights.pickle-unsafe", PATH);
    }

    @Test
    void aSafetensorsHeaderLengthThatLooksLikeAPickleOpcodeIsStillSafetensors() throws Exception {
        // 640 = 0x0280: the length prefix starts 0x80 0x02, like a protocol-2 pickle.
        StringBuilder header = new StringBuilder("{\"a\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1]}}");
        while (header.length() < 640) {
            header.append(' ');
        }
        WeightsReport report = detect(safetensors(header.toString(), 1), PATH);
        assertEquals(WeightFormat.SAFETENSORS, report.format());
        assertEquals(List.of(), report.findings());
    }

    @Test
    void joblibIsUnsafeByName() throws Exception {
        WeightsReport report = detect("compressed".getBytes(StandardCharsets.US_ASCII), "model/clf.joblib");
        assertOnlyFinding(report, Severity.ERROR, "weights.pickle-unsafe", "model/clf.joblib");
    }

    @Test
    void pytorchZipCheckpointIsUnsafe() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            for (String name : List.of("archive/data.pkl", "archive/data/0", "archive/version")) {
                zip.putArchiveEntry(new ZipArchiveEntry(name));
                zip.write(name.getBytes(StandardCharsets.US_ASCII));
                zip.closeArchiveEntry();
            }
        }
        WeightsReport report = detect(bytes.toByteArray(), "weights/model.pt");
        assertEquals(WeightFormat.PYTORCH_ZIP, report.format());
        assertEquals(WeightFormat.PYTORCH_ZIP, detect(bytes.toByteArray(), PATH).format());
        assertOnlyFinding(report, Severity.ERROR, "weights.pickle-unsafe", "weights/model.pt");
        assertTrue(report.findings().get(0).message().contains("'archive/data.pkl'"));
    }

    @Test
    void zipWithoutAPickleIsNotPyTorch() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            zip.putArchiveEntry(new ZipArchiveEntry("weights.npy"));
            zip.write(new byte[] {1, 2, 3});
            zip.closeArchiveEntry();
        }
        WeightsReport report = detect(bytes.toByteArray(), "weights/model.bin");
        assertOnlyFinding(report, Severity.WARNING, "weights.format-unknown", "weights/model.bin");
    }

    @Test
    void bytesThatOnlyStartLikeProtobufAreNotOnnx() throws Exception {
        byte[] bytes = {0x08, 0x01, 0x7f, 0x7f, 0x7f};
        assertEquals(WeightFormat.UNKNOWN, detect(bytes, "weights/blob").format());
    }

    @Test
    void ggufHeaderIsRead() throws Exception {
        ByteBuffer out = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        out.put("GGUF".getBytes(StandardCharsets.US_ASCII)).putInt(3).putLong(1).putLong(2);
        putGgufString(out, "general.architecture");
        out.putInt(8);
        putGgufString(out, "llama");
        putGgufString(out, "llama.block_count");
        out.putInt(4).putInt(32);
        putGgufString(out, "blk.0.weight");
        out.putInt(2).putLong(4).putLong(8).putInt(0).putLong(0);
        int headerEnd = out.position();
        int dataStart = (headerEnd + 31) / 32 * 32;
        byte[] bytes = Arrays.copyOf(out.array(), dataStart + 4 * 8 * 4);
        WeightsReport report = detect(bytes, "weights/model.gguf");
        assertEquals(WeightFormat.GGUF, report.format());
        assertEquals(List.of(), report.findings());
        assertEquals("llama", report.metadata().get("general.architecture"));
        assertEquals("32", report.metadata().get("llama.block_count"));
        assertEquals("3", report.metadata().get("gguf.version"));
        assertEquals(1, report.tensorCount().getAsLong());
        assertEquals(32, report.parameterCount().getAsLong());
        assertEquals(List.of("F32"), List.copyOf(report.dtypes()));
    }

    @Test
    void ggufTensorOffsetMustBeAlignedOnDisk(@TempDir Path dir) throws Exception {
        ByteBuffer out = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
        out.put("GGUF".getBytes(StandardCharsets.US_ASCII)).putInt(3).putLong(1).putLong(0);
        putGgufString(out, "w");
        out.putInt(1).putLong(8).putInt(0).putLong(4);
        Path file = dir.resolve("model.gguf");
        Files.write(file, Arrays.copyOf(out.array(), 128));
        WeightsReport report = WeightFormats.detect(file);
        assertOnlyFinding(report, Severity.ERROR, "gguf.tensor-offset-invalid", file.toString());
    }

    @Test
    void ggufWithAForgedStringLengthIsTruncatedNotAllocated() throws Exception {
        ByteBuffer out = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        out.put("GGUF".getBytes(StandardCharsets.US_ASCII)).putInt(3).putLong(0).putLong(1);
        putGgufString(out, "general.name");
        out.putInt(8).putLong(Long.MAX_VALUE);
        WeightsReport report = detect(Arrays.copyOf(out.array(), out.position()), "weights/model.gguf");
        assertOnlyFinding(report, Severity.ERROR, "gguf.truncated", "weights/model.gguf");
    }

    @Test
    void ggufVersionOneIsUnsupported() throws Exception {
        ByteBuffer out = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        out.put("GGUF".getBytes(StandardCharsets.US_ASCII)).putInt(1).putLong(0).putLong(0);
        assertOnlyFinding(detect(out.array(), "m.gguf"), Severity.ERROR, "gguf.version-unsupported", "m.gguf");
    }

    private static void putGgufString(ByteBuffer out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.putLong(bytes.length).put(bytes);
    }

    /** ir_version 9, producer "oab-test", a 3-byte graph, opset_import {version 17}. */
    static byte[] minimalOnnx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x08);
        out.write(9);
        out.write(0x12);
        out.write(8);
        out.writeBytes("oab-test".getBytes(StandardCharsets.US_ASCII));
        out.write(0x3a); // field 7, LEN
        out.write(3);
        out.writeBytes(new byte[] {0x0a, 0x01, 0x67}); // opaque graph bytes: the checker skips them
        out.write(0x42); // field 8, LEN
        out.write(2);
        out.writeBytes(new byte[] {0x10, 17});
        return out.toByteArray();
    }

    @Test
    void onnxModelIsRecognisedByStructure() throws Exception {
        WeightsReport report = detect(minimalOnnx(), "model/model.onnx");
        assertEquals(WeightFormat.ONNX, report.format());
        assertEquals(List.of(), report.findings());
        assertEquals("9", report.metadata().get("onnx.ir_version"));
        assertEquals("17", report.metadata().get("onnx.opset.ai.onnx"));
        assertEquals("oab-test", report.metadata().get("onnx.producer_name"));
        // And without the extension.
        assertEquals(WeightFormat.ONNX, detect(minimalOnnx(), "model/model").format());
    }

    @Test
    void onnxWithoutGraphIsInvalid() throws Exception {
        byte[] noGraph = {0x08, 9, 0x42, 2, 0x10, 17};
        assertOnlyFinding(detect(noGraph, "model.onnx"), Severity.ERROR, "onnx.invalid", "model.onnx");
    }

    @Test
    void truncatedOnnxIsInvalid() throws Exception {
        byte[] bytes = minimalOnnx();
        assertOnlyFinding(detect(Arrays.copyOf(bytes, bytes.length - 1), "model.onnx"), Severity.ERROR,
                "onnx.invalid", "model.onnx");
    }

    @Test
    void unknownBytesAreAWarning() throws Exception {
        WeightsReport report = detect("hello world".getBytes(StandardCharsets.US_ASCII), "weights/model.bin");
        assertEquals(WeightFormat.UNKNOWN, report.format());
        assertOnlyFinding(report, Severity.WARNING, "weights.format-unknown", "weights/model.bin");
    }

    @Test
    void checksAnEntryThroughAPositionalChannelWithoutClosingIt() throws IOException, Exception {
        SeekableInMemoryByteChannel channel = new SeekableInMemoryByteChannel(safetensors(VALID_HEADER, 32));
        WeightFormats.detect(channel, PATH);
        assertTrue(channel.isOpen());
    }
}
