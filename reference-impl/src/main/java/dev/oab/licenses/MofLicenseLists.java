package dev.oab.licenses;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oab.json.SpecResources;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The Model Openness Framework's lists of licences appropriate to each content type
 * ({@code mof-licenses.json}): software licences for code, open-data licences for data,
 * open-content licences for documents. A licence listed under several types suits each of them.
 */
public final class MofLicenseLists {

    private static final class Bundled {
        static final MofLicenseLists INSTANCE = fromJson(SpecResources.readJson("data/mof-licenses.json"));
    }

    private final Map<ContentType, Set<String>> byType;

    private MofLicenseLists(Map<ContentType, Set<String>> byType) {
        this.byType = byType;
    }

    /** The lists packaged in {@code oab-spec} ({@code dev/oab/spec/data/mof-licenses.json}). */
    public static MofLicenseLists bundled() {
        return Bundled.INSTANCE;
    }

    /** Builds the lists from the MOF's JSON ({@code licenses[]} with {@code licenseId} and {@code ContentType}). */
    public static MofLicenseLists fromJson(JsonNode json) {
        Map<ContentType, Set<String>> byType = new EnumMap<>(ContentType.class);
        for (ContentType type : ContentType.values()) {
            byType.put(type, new LinkedHashSet<>());
        }
        for (JsonNode entry : json.path("licenses")) {
            String id = entry.path("licenseId").asText("");
            for (ContentType type : contentTypes(entry.path("ContentType"))) {
                byType.get(type).add(id);
            }
        }
        byType.replaceAll((type, ids) -> Collections.unmodifiableSet(ids));
        return new MofLicenseLists(Collections.unmodifiableMap(byType));
    }

    /** Parses the {@code ContentType} value of a MOF licence entry: one type name or an array of them. */
    static Set<ContentType> contentTypes(JsonNode value) {
        Set<ContentType> types = EnumSet.noneOf(ContentType.class);
        if (value.isTextual()) {
            ContentType.fromId(value.asText()).ifPresent(types::add);
        } else if (value.isArray()) {
            for (JsonNode item : value) {
                ContentType.fromId(item.asText()).ifPresent(types::add);
            }
        }
        return types;
    }

    /** The licence ids the MOF lists as appropriate for this content type. */
    public Set<String> licensesFor(ContentType type) {
        return byType.get(type);
    }

    /**
     * Whether the expression suits the content type: OR needs one alternative listed for the
     * type, AND every part, WITH and {@code +} are judged by the licence, LicenseRef never suits.
     * Ids are compared exactly; parse with {@link SpdxLicenseList#parse(String)} first to get
     * canonical spelling.
     */
    public boolean suits(LicenseExpression expression, ContentType type) {
        Set<String> ids = byType.get(type);
        return LicenseExpressions.holds(expression, ids::contains);
    }
}
