package dev.oab.licenses;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oab.json.SpecResources;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The SPDX licence and exception lists, with the OSI-approved and FSF-libre flags. The bundled
 * copy ({@link #bundled()}) is SPDX list 3.28.0. Ids are matched case-insensitively, as SPDX
 * requires, and reported in the list's spelling.
 */
public final class SpdxLicenseList {

    /** One licence on the SPDX list. */
    public record SpdxLicense(String id, String name, boolean osiApproved, boolean fsfLibre, boolean deprecated) {
    }

    /** One licence exception on the SPDX list. */
    public record SpdxException(String id, String name, boolean deprecated) {
    }

    private static final class Bundled {
        static final SpdxLicenseList INSTANCE = fromJson(
                SpecResources.readJson("data/spdx-licenses.json"), SpecResources.readJson("data/spdx-exceptions.json"));
    }

    private final String licenseListVersion;
    private final Map<String, SpdxLicense> licenses;
    private final Map<String, SpdxException> exceptions;

    private SpdxLicenseList(String licenseListVersion, Map<String, SpdxLicense> licenses,
                            Map<String, SpdxException> exceptions) {
        this.licenseListVersion = licenseListVersion;
        this.licenses = licenses;
        this.exceptions = exceptions;
    }

    /** The lists packaged in {@code oab-spec} ({@code dev/oab/spec/data/}). */
    public static SpdxLicenseList bundled() {
        return Bundled.INSTANCE;
    }

    /**
     * Builds a list from SPDX's JSON formats: {@code licenses.json} ({@code licenses[]} with
     * {@code licenseId}) and {@code exceptions.json} ({@code exceptions[]} with {@code licenseExceptionId}).
     */
    public static SpdxLicenseList fromJson(JsonNode licensesJson, JsonNode exceptionsJson) {
        Map<String, SpdxLicense> licenses = new LinkedHashMap<>();
        for (JsonNode entry : requiredArray(licensesJson, "licenses")) {
            SpdxLicense license = new SpdxLicense(requiredText(entry, "licenseId"), entry.path("name").asText(""),
                    entry.path("isOsiApproved").asBoolean(false), entry.path("isFsfLibre").asBoolean(false),
                    entry.path("isDeprecatedLicenseId").asBoolean(false));
            licenses.putIfAbsent(key(license.id()), license);
        }
        Map<String, SpdxException> exceptions = new LinkedHashMap<>();
        for (JsonNode entry : requiredArray(exceptionsJson, "exceptions")) {
            SpdxException exception = new SpdxException(requiredText(entry, "licenseExceptionId"),
                    entry.path("name").asText(""), entry.path("isDeprecatedLicenseId").asBoolean(false));
            exceptions.putIfAbsent(key(exception.id()), exception);
        }
        return new SpdxLicenseList(licensesJson.path("licenseListVersion").asText(""),
                Collections.unmodifiableMap(licenses), Collections.unmodifiableMap(exceptions));
    }

    /** The SPDX licence list version of the licence data. */
    public String licenseListVersion() {
        return licenseListVersion;
    }

    /** Every licence on the list, in the list's order. */
    public Collection<SpdxLicense> licenses() {
        return licenses.values();
    }

    /** The licence with this id, matched case-insensitively. */
    public Optional<SpdxLicense> license(String id) {
        return Optional.ofNullable(licenses.get(key(id)));
    }

    /** The exception with this id, matched case-insensitively. */
    public Optional<SpdxException> exception(String id) {
        return Optional.ofNullable(exceptions.get(key(id)));
    }

    /**
     * Parses an SPDX licence expression and checks every licence and exception id against this
     * list. Ids come back in the list's spelling, so {@code toString()} of the result is canonical.
     *
     * @throws LicenseExpressionException naming the bad token and its position
     */
    public LicenseExpression parse(String text) throws LicenseExpressionException {
        return new LicenseExpressionParser(text, new LicenseExpressionParser.IdResolver() {
            @Override
            public String licence(String id, int position, String expression) throws LicenseExpressionException {
                SpdxLicense license = licenses.get(key(id));
                if (license != null) {
                    return license.id();
                }
                if (exceptions.containsKey(key(id))) {
                    throw new LicenseExpressionException(expression, position, "\"" + id + "\" at position "
                            + position + " is a licence exception; it can only follow \"WITH\"");
                }
                throw new LicenseExpressionException(expression, position, "unknown licence id \"" + id
                        + "\" at position " + position + "; use an id from the SPDX licence list, or LicenseRef-"
                        + id + " for a licence that is not on it");
            }

            @Override
            public String exception(String id, int position, String expression) throws LicenseExpressionException {
                SpdxException exception = exceptions.get(key(id));
                if (exception != null) {
                    return exception.id();
                }
                if (licenses.containsKey(key(id))) {
                    throw new LicenseExpressionException(expression, position, "\"" + id + "\" at position "
                            + position + " is a licence, not a licence exception");
                }
                throw new LicenseExpressionException(expression, position, "unknown licence exception \"" + id
                        + "\" at position " + position + "; use an exception id from the SPDX exceptions list");
            }
        }).parse();
    }

    /**
     * Whether the expression can be used entirely under OSI-approved licences: one alternative of
     * an OR suffices, every part of an AND must be approved, an exception is judged by its licence
     * (exceptions only add permissions), and a LicenseRef is never approved.
     */
    public boolean isOsiApproved(LicenseExpression expression) {
        return LicenseExpressions.holds(expression, id -> license(id).map(SpdxLicense::osiApproved).orElse(false));
    }

    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    private static Iterable<JsonNode> requiredArray(JsonNode document, String field) {
        JsonNode array = document.path(field);
        if (!array.isArray()) {
            throw new IllegalArgumentException("SPDX list data has no \"" + field + "\" array");
        }
        return array;
    }

    private static String requiredText(JsonNode entry, String field) {
        JsonNode value = entry.path(field);
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException("SPDX list entry without \"" + field + "\": " + entry);
        }
        return value.asText();
    }
}
