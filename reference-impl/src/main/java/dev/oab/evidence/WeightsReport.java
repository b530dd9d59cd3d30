package dev.oab.evidence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a weights checker learnt about one file: its format, what it holds (when the format says)
 * and what is wrong with it. Immutable.
 */
public final class WeightsReport {

    private final String path;
    private final WeightFormat format;
    private final List<Finding> findings;
    private final long tensorCount;
    private final long parameterCount;
    private final SortedSet<String> dtypes;
    private final Map<String, String> metadata;

    private WeightsReport(Builder builder) {
        this.path = builder.path;
        this.format = builder.format;
        this.findings = List.copyOf(builder.findings);
        this.tensorCount = builder.tensorCount;
        this.parameterCount = builder.parameterCount;
        this.dtypes = Collections.unmodifiableSortedSet(new TreeSet<>(builder.dtypes));
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(builder.metadata));
    }

    public String path() {
        return path;
    }

    /** The format the file was checked as (its content, or its name when the content is broken). */
    public WeightFormat format() {
        return format;
    }

    public List<Finding> findings() {
        return findings;
    }

    /** True when no finding is an {@link Severity#ERROR}. */
    public boolean isValid() {
        return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
    }

    /** How many tensors the header declares, when the format lists them and the header was read. */
    public OptionalLong tensorCount() {
        return tensorCount < 0 ? OptionalLong.empty() : OptionalLong.of(tensorCount);
    }

    /** The sum over tensors of the product of their dimensions, when known. */
    public OptionalLong parameterCount() {
        return parameterCount < 0 ? OptionalLong.empty() : OptionalLong.of(parameterCount);
    }

    /** The element types used, in the format's own spelling (safetensors {@code BF16}, GGUF {@code Q4_K}). */
    public SortedSet<String> dtypes() {
        return dtypes;
    }

    /**
     * Descriptive metadata: safetensors {@code __metadata__}, GGUF scalar key/values such as
     * {@code general.architecture}, ONNX {@code ir_version}, {@code opset.*} and producer fields.
     */
    public Map<String, String> metadata() {
        return metadata;
    }

    @Override
    public String toString() {
        return "WeightsReport[" + path + ", " + format + ", " + findings + "]";
    }

    static Builder builder(String path, WeightFormat format) {
        return new Builder(path, format);
    }

    /** Collects a report while a checker walks the file. */
    static final class Builder {
        private final String path;
        private WeightFormat format;
        private final List<Finding> findings = new ArrayList<>();
        private long tensorCount = -1;
        private long parameterCount = -1;
        private final SortedSet<String> dtypes = new TreeSet<>();
        private final Map<String, String> metadata = new LinkedHashMap<>();

        private Builder(String path, WeightFormat format) {
            this.path = Objects.requireNonNull(path, "path");
            this.format = Objects.requireNonNull(format, "format");
        }

        String path() {
            return path;
        }

        Builder format(WeightFormat value) {
            this.format = value;
            return this;
        }

        Builder error(String code, String message) {
            findings.add(Finding.error(code, path, message));
            return this;
        }

        Builder warning(String code, String message) {
            findings.add(Finding.warning(code, path, message));
            return this;
        }

        boolean hasErrors() {
            return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        }

        Builder tensorCount(long value) {
            this.tensorCount = value;
            return this;
        }

        Builder parameterCount(long value) {
            this.parameterCount = value;
            return this;
        }

        Builder dtype(String value) {
            dtypes.add(value);
            return this;
        }

        Builder metadata(String key, String value) {
            metadata.put(key, value);
            return this;
        }

        WeightsReport build() {
            return new WeightsReport(this);
        }
    }
}
