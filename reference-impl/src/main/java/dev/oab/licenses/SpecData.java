package dev.oab.licenses;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oab.json.JsonDocumentException;
import dev.oab.json.StrictJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the JSON data files the {@code oab-spec} jar puts on the classpath under {@code dev/oab/spec/}. */
final class SpecData {

    private SpecData() {
    }

    static JsonNode read(String relativePath) {
        String resource = "dev/oab/spec/" + relativePath;
        try (InputStream in = SpecData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                // The spec jar is a declared dependency; its absence is a packaging bug, not user error.
                throw new IllegalStateException("classpath resource " + resource + " is missing; is oab-spec on the classpath?");
            }
            return StrictJson.parse(in.readAllBytes(), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + resource, e);
        } catch (JsonDocumentException e) {
            throw new IllegalStateException("bundled data file is invalid: " + e.getMessage(), e);
        }
    }
}
