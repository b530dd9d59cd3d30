package dev.oab.authoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oab.json.SpecResources;
import dev.oab.licenses.LicenseExpressionException;
import dev.oab.licenses.SpdxLicenseList;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Maps the {@code license} of a Hugging Face model card's front matter to an SPDX licence
 * expression with the table {@code spec/data/hf-licenses.json}. A Hub id that means no single
 * SPDX licence is reported, never guessed; a {@code LicenseRef-} is made only for a licence the
 * card both names and links to.
 */
public final class HubLicenses {

    /** What the card's licence maps to: an SPDX expression, or why there is none. */
    public record Resolution(Optional<String> spdx, String hubId, Optional<String> problem, Optional<String> note) {
        public Resolution {
            if (spdx.isPresent() == problem.isPresent()) {
                throw new IllegalArgumentException("exactly one of spdx and problem");
            }
        }

        static Resolution of(String hubId, String spdx, String note) {
            return new Resolution(Optional.of(spdx), hubId, Optional.empty(), Optional.ofNullable(note));
        }

        static Resolution problem(String hubId, String problem) {
            return new Resolution(Optional.empty(), hubId, Optional.of(problem), Optional.empty());
        }
    }

    private record Entry(String spdx, String name, String ambiguous) {
    }

    private static final HubLicenses BUNDLED = new HubLicenses(SpecResources.readJson("data/hf-licenses.json"));

    private final Map<String, Entry> table = new TreeMap<>();

    private HubLicenses(JsonNode root) {
        root.get("licenses").properties().forEach(e -> {
            JsonNode v = e.getValue();
            table.put(e.getKey(), new Entry(text(v, "spdx"), text(v, "name"), text(v, "ambiguous")));
        });
    }

    /** The table packaged in {@code oab-spec}. */
    public static HubLicenses bundled() {
        return BUNDLED;
    }

    /** The SPDX id a Hub licence id stands for, if it stands for exactly one. */
    public Optional<String> spdxId(String hubId) {
        Entry e = table.get(hubId.toLowerCase(Locale.ROOT));
        return e == null ? Optional.empty() : Optional.ofNullable(e.spdx());
    }

    /**
     * Resolves a card's licence.
     *
     * @param license     the front matter's {@code license} value (null when absent)
     * @param licenseName its {@code license_name} (null when absent)
     * @param licenseLink its {@code license_link} (null when absent)
     */
    public Resolution resolve(Object license, Object licenseName, Object licenseLink) {
        if (license == null) {
            return Resolution.problem("", "the card's front matter has no 'license'; add the Hub licence id "
                    + "(e.g. license: apache-2.0) or write an oab.yaml that names the SPDX licence");
        }
        if (!(license instanceof String hubId) || hubId.isBlank()) {
            return Resolution.problem(String.valueOf(license), "the card's 'license' is " + describe(license)
                    + ", not one Hub licence id; whether several mean AND or OR is not stated, so write an "
                    + "oab.yaml with the SPDX expression");
        }
        String id = hubId.strip().toLowerCase(Locale.ROOT);
        Entry entry = table.get(id);
        String name = licenseName instanceof String s && !s.isBlank() ? s.strip() : null;
        String link = licenseLink instanceof String s && !s.isBlank() ? s.strip() : null;
        if (entry == null) {
            return Resolution.problem(hubId, "the card's licence '" + hubId + "' is not a Hugging Face Hub licence id "
                    + "OAB knows (spec/data/hf-licenses.json); use a Hub id, or 'other' with license_name and "
                    + "license_link, or write an oab.yaml with the SPDX expression");
        }
        if (entry.spdx() != null) {
            return Resolution.of(hubId, entry.spdx(), null);
        }
        if (entry.ambiguous() != null) {
            return Resolution.problem(hubId, "the card's licence '" + hubId + "' " + entry.ambiguous()
                    + "; write an oab.yaml with the exact SPDX id");
        }
        String refName = entry.name() != null ? id : name;
        if (refName == null || link == null) {
            String what = entry.name() != null ? "'" + hubId + "' (" + entry.name() + ") has no SPDX id"
                    : "'" + hubId + "' names no licence";
            return Resolution.problem(hubId, "the card's licence " + what + " and the card gives no "
                    + (entry.name() != null ? "license_link" : "license_name and license_link")
                    + "; add them to the front matter (OAB then records LicenseRef-<name>) or write an oab.yaml");
        }
        String ref = "LicenseRef-" + refName.replaceAll("[^A-Za-z0-9.]+", "-").replaceAll("^-+|-+$", "");
        try {
            SpdxLicenseList.bundled().parse(ref);
        } catch (LicenseExpressionException e) {
            return Resolution.problem(hubId, "the card's license_name '" + refName + "' gives no usable LicenseRef ("
                    + e.getMessage() + "); write an oab.yaml with the licence");
        }
        return Resolution.of(hubId, ref, "no SPDX id: recorded as " + ref + " for the licence at " + link);
    }

    private static String describe(Object value) {
        return value instanceof java.util.List<?> l ? "a list of " + l.size() : "'" + value + "'";
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
