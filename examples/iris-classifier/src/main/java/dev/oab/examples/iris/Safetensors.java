package dev.oab.examples.iris;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes the model in the safetensors format: an 8-byte little-endian header length,
 * a JSON header (tensor name → dtype, shape, data offsets; plus {@code __metadata__}), padded with
 * spaces to a multiple of 8, then the tensors' little-endian bytes back to back. Tensors are
 * written in name order, so the same model always gives the same bytes.
 */
final class Safetensors {

    private Safetensors() {
    }

    static void write(SoftmaxRegression model, Map<String, String> metadata, Path file) throws IOException {
        Map<String, double[]> tensors = new TreeMap<>();
        Map<String, int[]> shapes = new TreeMap<>();
        tensors.put("bias", model.bias);
        shapes.put("bias", new int[] {model.classes()});
        tensors.put("feature_mean", model.featureMean);
        shapes.put("feature_mean", new int[] {model.features()});
        tensors.put("feature_std", model.featureStd);
        shapes.put("feature_std", new int[] {model.features()});
        double[] w = new double[model.classes() * model.features()];
        for (int c = 0; c < model.classes(); c++) {
            System.arraycopy(model.weight[c], 0, w, c * model.features(), model.features());
        }
        tensors.put("weight", w);
        shapes.put("weight", new int[] {model.classes(), model.features()});

        StringBuilder header = new StringBuilder("{\"__metadata__\":{");
        boolean first = true;
        for (Map.Entry<String, String> e : new TreeMap<>(metadata).entrySet()) {
            header.append(first ? "" : ",").append(quote(e.getKey())).append(':').append(quote(e.getValue()));
            first = false;
        }
        header.append('}');
        long offset = 0;
        for (Map.Entry<String, double[]> e : tensors.entrySet()) {
            long end = offset + 8L * e.getValue().length;
            header.append(',').append(quote(e.getKey())).append(":{\"dtype\":\"F64\",\"shape\":[");
            int[] shape = shapes.get(e.getKey());
            for (int i = 0; i < shape.length; i++) {
                header.append(i == 0 ? "" : ",").append(shape[i]);
            }
            header.append("],\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
            offset = end;
        }
        header.append('}');
        while (header.length() % 8 != 0) {
            header.append(' ');
        }
        byte[] headerBytes = header.toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(8 + headerBytes.length + (int) offset).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(headerBytes.length);
        out.put(headerBytes);
        for (double[] t : tensors.values()) {
            for (double v : t) {
                out.putDouble(v);
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, out.array());
    }

    static SoftmaxRegression read(Path file) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = in.getLong();
        if (headerLength < 2 || headerLength > in.remaining()) {
            throw new IOException(file + ": bad safetensors header length " + headerLength);
        }
        byte[] headerBytes = new byte[(int) headerLength];
        in.get(headerBytes);
        int dataStart = 8 + (int) headerLength;
        Map<String, Object> header = Json.object(Json.parse(new String(headerBytes, StandardCharsets.UTF_8)), "header");
        double[] bias = tensor(in, dataStart, header, "bias");
        double[] mean = tensor(in, dataStart, header, "feature_mean");
        double[] std = tensor(in, dataStart, header, "feature_std");
        double[] w = tensor(in, dataStart, header, "weight");
        int features = mean.length;
        double[][] weight = new double[bias.length][features];
        for (int c = 0; c < bias.length; c++) {
            System.arraycopy(w, c * features, weight[c], 0, features);
        }
        return new SoftmaxRegression(mean, std, weight, bias);
    }

    private static double[] tensor(ByteBuffer in, int dataStart, Map<String, Object> header, String name)
            throws IOException {
        Map<String, Object> info = Json.object(header.get(name), "tensor " + name);
        if (!"F64".equals(info.get("dtype"))) {
            throw new IOException("tensor " + name + ": expected dtype F64");
        }
        List<?> offsets = (List<?>) info.get("data_offsets");
        int begin = ((Number) offsets.get(0)).intValue();
        int end = ((Number) offsets.get(1)).intValue();
        double[] values = new double[(end - begin) / 8];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.getDouble(dataStart + begin + 8 * i);
        }
        return values;
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }
}
