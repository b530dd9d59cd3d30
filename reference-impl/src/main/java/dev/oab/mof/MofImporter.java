package dev.oab.mof;

import dev.oab.components.ComponentCatalog;
import dev.oab.components.OabComponent;
import dev.oab.licenses.LicenseExpressionException;
import dev.oab.licenses.SpdxLicenseList;
import dev.oab.mof.MofClassification.ComponentVerdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a {@code mof.yml} into an {@link OabAuthoringSkeleton}: each claimed MOF component becomes
 * an OAB component at its conventional paths, with the licence the Model Openness Tool would
 * resolve for it (component, then content type, then distribution) as an SPDX expression.
 * Licence text that is not an SPDX expression becomes a {@code LicenseRef-}, and every such
 * decision is written as a note, because only the producer knows the real licence.
 */
public final class MofImporter {

    /** Real mof.yml files often say "Component not included" (variously spelt) in the licence field. */
    private static final Pattern NOT_INCLUDED = Pattern.compile("^(component\\s+)+not\\s+includ.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_REF_CHARS = Pattern.compile("[^A-Za-z0-9.]+");

    private final ComponentCatalog catalog;
    private final MofClassifier classifier;
    private final SpdxLicenseList spdx;

    private MofImporter(ComponentCatalog catalog, MofClassifier classifier, SpdxLicenseList spdx) {
        this.catalog = catalog;
        this.classifier = classifier;
        this.spdx = spdx;
    }

    /** An importer using the data packaged in {@code oab-spec}. */
    public static MofImporter standard() {
        return new MofImporter(ComponentCatalog.bundled(), MofClassifier.standard(), SpdxLicenseList.bundled());
    }

    /**
     * @param sourceName names the mof.yml in the notes, e.g. its file name
     */
    public OabAuthoringSkeleton importDocument(MofDocument document, String sourceName) {
        MofDocument.Release release = document.release();
        List<String> notes = new ArrayList<>();
        notes.add("Imported from " + sourceName + " (Model Openness Tool mof.yml). These are the producer's claims:");
        notes.add("put each component's files under its paths (or declare an external reference with URL, size,");
        notes.add("SHA-256 and licence), put every licence text under LICENSES/, and check the notes below.");

        String version = blankToNull(release.version());
        if (version == null) {
            notes.add("version: the mof.yml gives none; set the release version.");
        }
        // Licence text that is not SPDX, to the places it is used: one note each, not one per component.
        Map<String, List<String>> nonSpdx = new LinkedHashMap<>();
        MofDocument.License distribution = release.licenses().get("distribution");
        String license = distribution == null ? null : spdxLicense(distribution.name(), "license", nonSpdx);
        if (license == null) {
            notes.add("license: the mof.yml gives no distribution licence; set one.");
        }

        MofClassification classification = classifier.classify(document);
        for (String ignored : classification.ignoredComponentNames()) {
            notes.add("component \"" + ignored + "\" is not a MOF component name; left out.");
        }
        Map<String, ComponentVerdict> verdicts = new LinkedHashMap<>();
        classification.components().forEach(verdict -> verdicts.put(verdict.componentId(), verdict));
        Map<String, MofDocument.Component> claims = new LinkedHashMap<>();
        for (MofDocument.Component claim : release.components()) {
            catalog.byMofName(claim.name()).ifPresent(component -> claims.put(component.id(), claim));
        }

        Map<String, OabAuthoringSkeleton.ComponentEntry> components = new LinkedHashMap<>();
        for (OabComponent component : catalog.all()) {
            ComponentVerdict verdict = verdicts.get(component.id());
            if (verdict == null) {
                continue;
            }
            if (verdict.license() != null && NOT_INCLUDED.matcher(verdict.license().trim()).matches()) {
                notes.add(component.id() + ": the mof.yml lists it with licence \"" + verdict.license()
                        + "\"; left out as not included.");
                continue;
            }
            String componentLicense = verdict.license() == null ? null
                    : spdxLicense(verdict.license(), component.id(), nonSpdx);
            if (verdict.license() == null) {
                notes.add(component.id() + ": no licence in the mof.yml; choose one.");
            }
            String componentPath = claims.get(component.id()).componentPath();
            if (componentPath != null && !componentPath.isBlank()) {
                notes.add(component.id() + ": the mof.yml points to " + componentPath.trim() + ".");
            }
            components.put(component.id(),
                    new OabAuthoringSkeleton.ComponentEntry(component.evidencePaths(), componentLicense));
        }
        for (Map.Entry<String, List<String>> text : nonSpdx.entrySet()) {
            String licenseRef = licenseRef(text.getKey());
            notes.add("\"" + text.getKey() + "\" (" + String.join(", ", text.getValue()) + ") is not an SPDX expression;"
                    + " written as " + licenseRef + ": put its text in LICENSES/" + licenseRef
                    + ".txt, or replace it with the SPDX expression.");
        }
        return new OabAuthoringSkeleton(release.name(), version, blankToNull(release.producer()), license,
                components, notes);
    }

    /**
     * The claim as a canonical SPDX expression, or as a LicenseRef when it is not one (recording
     * {@code where} under the claim in {@code nonSpdx}); null when there is none.
     */
    private String spdxLicense(String claimed, String where, Map<String, List<String>> nonSpdx) {
        if (claimed == null || claimed.isBlank() || claimed.trim().equalsIgnoreCase("unlicensed")) {
            return null;
        }
        try {
            return spdx.parse(claimed.trim()).toString();
        } catch (LicenseExpressionException e) {
            nonSpdx.computeIfAbsent(claimed.trim(), text -> new ArrayList<>()).add(where);
            return licenseRef(claimed.trim());
        }
    }

    /** A LicenseRef named after the claimed text, keeping only the characters an SPDX id allows. */
    private static String licenseRef(String claimed) {
        String ref = NOT_REF_CHARS.matcher(claimed).replaceAll("-").replaceAll("^-+|-+$", "");
        return "LicenseRef-" + (ref.isEmpty() ? "unnamed" : ref);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
