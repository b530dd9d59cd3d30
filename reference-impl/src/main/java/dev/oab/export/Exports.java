package dev.oab.export;

import dev.oab.OabException;
import dev.oab.bundle.BundleFormatException;
import dev.oab.bundle.BundleReader;
import dev.oab.bundle.BundleVerifier;
import dev.oab.bundle.IntegrityReport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Describes a bundle in another format after proving it intact: what {@code oab export} and the
 * Maven plugin's {@code <boms>} both do. The same bundle always gives the same bytes.
 */
public final class Exports {

    /** The formats a bundle can be described in. */
    public enum Format {
        CYCLONEDX, SPDX, CROISSANT;

        /** The lower-case name used on command lines and as a Maven classifier. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The format named {@code id} (case-insensitive), or an error listing the formats. */
        public static Format of(String id) throws ExportException {
            for (Format f : values()) {
                if (f.id().equalsIgnoreCase(id.trim())) {
                    return f;
                }
            }
            throw new ExportException("unknown export format '" + id + "'; use cyclonedx, spdx or croissant");
        }
    }

    private Exports() {
    }

    /**
     * Opens {@code bundle} strictly, checks every file's digest, and describes it.
     *
     * @throws BundleFormatException when the bundle is malformed or altered: nothing is described
     */
    public static byte[] export(Path bundle, Format format) throws OabException, IOException {
        try (BundleReader reader = BundleReader.open(bundle)) {
            IntegrityReport integrity = BundleVerifier.create().verify(reader);
            if (!integrity.intact()) {
                throw new BundleFormatException(integrity.problems());
            }
            return switch (format) {
                case CYCLONEDX -> CycloneDxExporter.export(reader);
                case SPDX -> SpdxExporter.export(reader);
                case CROISSANT -> CroissantExporter.export(reader);
            };
        }
    }
}
