package dev.oab.mof;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oab.json.SpecResources;
import dev.oab.licenses.ContentType;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The licence facts as the Model Openness Tool holds them, so OAB's MOF classification matches
 * the tool's. The tool stores one record per licence id: first the SPDX list, then each entry of
 * the MOF licence list replaces the record with the same id whole (flags included, and a later
 * duplicate entry replaces an earlier one). Ids are compared exactly, as the tool does: the tool
 * grades the claim as written, not an SPDX expression.
 */
final class MotLicenseRules {

    private record LicenseRecord(boolean osiApproved, boolean fsfLibre, Set<ContentType> contentTypes) {
    }

    private static final class Bundled {
        static final MotLicenseRules INSTANCE = new MotLicenseRules(SpecResources.readJson("data/mot-spdx-licenses.json"),
                SpecResources.readJson("data/mof-licenses.json"), SpecResources.readJson("data/mot-open-licenses.json"));
    }

    private final Map<String, LicenseRecord> records = new HashMap<>();
    private final Set<String> openData = new HashSet<>();
    private final Set<String> additionalOpen = new HashSet<>();

    private MotLicenseRules(JsonNode spdxLicenses, JsonNode mofLicenses, JsonNode openLicenses) {
        for (JsonNode entry : spdxLicenses.path("licenses")) {
            put(entry);
        }
        for (JsonNode entry : mofLicenses.path("licenses")) {
            put(entry);
        }
        openLicenses.path("openData").forEach(id -> openData.add(id.asText()));
        openLicenses.path("additionalOpen").forEach(id -> additionalOpen.add(id.asText()));
    }

    static MotLicenseRules bundled() {
        return Bundled.INSTANCE;
    }

    private void put(JsonNode entry) {
        Set<ContentType> types = EnumSet.noneOf(ContentType.class);
        JsonNode contentType = entry.path("ContentType");
        if (contentType.isTextual()) {
            ContentType.fromId(contentType.asText()).ifPresent(types::add);
        } else if (contentType.isArray()) {
            contentType.forEach(item -> ContentType.fromId(item.asText()).ifPresent(types::add));
        }
        records.put(entry.path("licenseId").asText(), new LicenseRecord(entry.path("isOsiApproved").asBoolean(false),
                entry.path("isFsfLibre").asBoolean(false), types));
    }

    /** The tool's "open source licence": OSI-approved, FSF-libre, on its open-data list, or one it names as open. */
    boolean isOpen(String license) {
        LicenseRecord record = records.get(license);
        return (record != null && (record.osiApproved() || record.fsfLibre()))
                || openData.contains(license) || additionalOpen.contains(license);
    }

    /** Whether the tool lists the licence as appropriate for the content type. */
    boolean isTypeAppropriate(String license, ContentType type) {
        LicenseRecord record = records.get(license);
        return record != null && record.contentTypes().contains(type);
    }
}
