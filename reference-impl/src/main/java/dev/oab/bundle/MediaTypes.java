package dev.oab.bundle;

import java.util.Locale;
import java.util.Map;

/** The media type recorded for a file, chosen from its name alone so packing stays reproducible. */
public final class MediaTypes {

    public static final String DEFAULT = "application/octet-stream";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("safetensors", "application/vnd.safetensors"),
            Map.entry("gguf", "application/vnd.gguf"),
            Map.entry("onnx", "application/vnd.onnx"),
            Map.entry("json", "application/json"),
            Map.entry("jsonld", "application/ld+json"),
            Map.entry("jsonl", "application/jsonl"),
            Map.entry("yaml", "application/yaml"),
            Map.entry("yml", "application/yaml"),
            Map.entry("toml", "application/toml"),
            Map.entry("md", "text/markdown"),
            Map.entry("txt", "text/plain"),
            Map.entry("csv", "text/csv"),
            Map.entry("tsv", "text/tab-separated-values"),
            Map.entry("html", "text/html"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("py", "text/x-python"),
            Map.entry("java", "text/x-java"),
            Map.entry("sh", "text/x-shellscript"),
            Map.entry("xml", "application/xml"),
            Map.entry("parquet", "application/vnd.apache.parquet"),
            Map.entry("arrow", "application/vnd.apache.arrow.file"),
            Map.entry("npy", "application/x-npy"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("sig", "application/vnd.dev.sigstore.bundle.v0.3+json"),
            Map.entry("lock", "text/plain"),
            Map.entry("gz", "application/gzip"),
            Map.entry("zip", "application/zip"));

    private MediaTypes() {
    }

    public static String of(String path) {
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        if (fileName.equals("LICENSE") || fileName.equals("NOTICE") || fileName.equals("COPYING")) {
            return "text/plain";
        }
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return DEFAULT;
        }
        return BY_EXTENSION.getOrDefault(fileName.substring(dot + 1).toLowerCase(Locale.ROOT), DEFAULT);
    }
}
