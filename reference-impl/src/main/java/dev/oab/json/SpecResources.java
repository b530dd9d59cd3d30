package dev.oab.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads the JSON files the {@code oab-spec} jar puts on the classpath under {@code dev/oab/spec/}
 * (schemas, profiles, {@code components.json}, licence data).
 */
public final class SpecResources {

    private SpecResources() {
    }

    /**
     * Parses a packaged JSON file strictly.
     *
     * @param relativePath path below {@code dev/oab/spec/}, e.g. {@code data/spdx-licenses.json}
     * @throws IllegalStateException when the file is missing or invalid: the spec jar is a declared
     *                               dependency, so that is a packaging bug, not a user error
     */
    public static JsonNode readJson(String relativePath) {
        String resource = "dev/oab/spec/" + relativePath;
        try (InputStream in = SpecResources.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + resource + " is missing; is oab-spec on the classpath?");
            }
            return StrictJson.parse(in.readAllBytes(), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + resource, e);
        } catch (JsonDocumentException e) {
            throw new IllegalStateException("packaged spec file is invalid: " + e.getMessage(), e);
        }
    }
}
