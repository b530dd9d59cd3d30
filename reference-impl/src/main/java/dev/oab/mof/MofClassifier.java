package dev.oab.mof;

import dev.oab.components.ComponentCatalog;
import dev.oab.components.OabComponent;
import dev.oab.mof.MofClassification.ComponentVerdict;
import dev.oab.mof.MofClassification.LicenseSource;
import dev.oab.mof.MofClassification.Status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes a {@code mof.yml}'s MOF class and progress exactly as the Model Openness Tool does,
 * so a producer sees the same grade from OAB and from the tool. The rules:
 * <ul>
 * <li>A component's licence is its own; failing that the release licence for its content type;
 *     failing that the distribution licence. {@code unlicensed} or an empty value stops the search.</li>
 * <li>A claimed component counts when its licence is open (OSI-approved, FSF-libre, on the tool's
 *     open-data list, or OpenMDW); a licence that is open but not listed for the content type still
 *     counts.</li>
 * <li>Classes are cumulative: Class II requires everything Class III does, Class I everything
 *     Class II does. Only components the tool marks required count; optional ones never do.</li>
 * <li>A research paper stands in for a missing or non-counting technical report in Classes II and
 *     III, and Class I then needs one component fewer.</li>
 * <li>A class's progress is the share of its cumulative required components that count, and is 0
 *     while a more basic class (III before II before I) is not fully met. The class is the most
 *     open one at exactly 100%.</li>
 * </ul>
 */
public final class MofClassifier {

    private static final String TECHNICAL_REPORT = "technical-report";
    private static final String RESEARCH_PAPER = "research-paper";

    private final ComponentCatalog catalog;
    private final MotLicenseRules rules;

    private MofClassifier(ComponentCatalog catalog, MotLicenseRules rules) {
        this.catalog = catalog;
        this.rules = rules;
    }

    /** A classifier using the component vocabulary and licence data packaged in {@code oab-spec}. */
    public static MofClassifier standard() {
        return new MofClassifier(ComponentCatalog.bundled(), MotLicenseRules.bundled());
    }

    public MofClassification classify(MofDocument document) {
        MofDocument.Release release = document.release();

        // The tool keys claims by component: a component listed twice keeps its first place and its last claim.
        Map<OabComponent, MofDocument.Component> claims = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (MofDocument.Component claim : release.components()) {
            catalog.byMofName(claim.name()).ifPresentOrElse(component -> claims.put(component, claim),
                    () -> ignored.add(claim.name()));
        }

        Map<String, ComponentVerdict> verdicts = new LinkedHashMap<>();
        for (Map.Entry<OabComponent, MofDocument.Component> claim : claims.entrySet()) {
            verdicts.put(claim.getKey().id(), judge(claim.getKey(), claim.getValue(), release));
        }

        double[] progress = new double[4];
        for (int mofClass = 1; mofClass <= 3; mofClass++) {
            progress[mofClass] = progress(mofClass, verdicts);
        }
        int achieved = 0;
        for (int mofClass = 3; mofClass >= 1; mofClass--) {
            if (progress[mofClass] == 100.0) {
                achieved = mofClass;
            }
        }
        return new MofClassification(achieved, progress[1], progress[2], progress[3],
                List.copyOf(verdicts.values()), ignored);
    }

    private ComponentVerdict judge(OabComponent component, MofDocument.Component claim, MofDocument.Release release) {
        String license;
        LicenseSource source;
        if (claim.license() != null) {
            source = LicenseSource.COMPONENT;
            // The tool stores "unlicensed" as an empty licence, and an empty licence as none.
            license = claim.license().isEmpty() || claim.license().equals("unlicensed") ? null : claim.license();
        } else if (isSet(release.licenses().get(component.contentType().id()))) {
            source = LicenseSource.CONTENT_TYPE;
            license = release.licenses().get(component.contentType().id()).name();
        } else if (isSet(release.licenses().get("distribution"))) {
            source = LicenseSource.DISTRIBUTION;
            license = release.licenses().get("distribution").name();
        } else {
            source = LicenseSource.NONE;
            license = null;
        }

        Status status;
        if (license != null && rules.isOpen(license)) {
            status = rules.isTypeAppropriate(license, component.contentType()) ? Status.OPEN
                    : Status.OPEN_NOT_TYPE_APPROPRIATE;
        } else if (license == null || license.equals("unlicensed")) {
            status = Status.UNLICENSED;
        } else {
            status = Status.NOT_OPEN;
        }
        return new ComponentVerdict(component.id(), component.mofName(), license, source, status);
    }

    /** PHP's empty(): a release licence with no name, an empty name or "0" is not set. */
    private static boolean isSet(MofDocument.License license) {
        return license != null && license.name() != null && !license.name().isEmpty() && !license.name().equals("0");
    }

    /** Percentage of the class met, following the tool's counting (see the class comment). */
    private double progress(int mofClass, Map<String, ComponentVerdict> verdicts) {
        boolean reportCounts = counts(verdicts, TECHNICAL_REPORT);
        boolean paperCounts = counts(verdicts, RESEARCH_PAPER);

        int total = 0;
        int counted = 0;
        for (int level = 3; level >= mofClass; level--) {
            total += requiredAt(level).size();
            counted = countedUpTo(level, verdicts);
            // The paper stands in for the report in Classes II and III (it is a Class I component itself).
            if (level >= 2 && !reportCounts && paperCounts) {
                counted++;
            }
            if (counted < total) {
                if (level > mofClass) {
                    return 0;
                }
                break;
            }
        }
        if (mofClass == 1 && !reportCounts && paperCounts) {
            total--;
        }
        return Math.min((double) counted / total * 100, 100.0);
    }

    private List<OabComponent> requiredAt(int level) {
        return catalog.mofComponents().stream()
                .filter(component -> component.mofClass() == level && component.mofRequired())
                .toList();
    }

    /** Required components of classes {@code level}..3 that are claimed under a licence that counts. */
    private int countedUpTo(int level, Map<String, ComponentVerdict> verdicts) {
        int counted = 0;
        for (OabComponent component : catalog.mofComponents()) {
            if (component.mofRequired() && component.mofClass() >= level && counts(verdicts, component.id())) {
                counted++;
            }
        }
        return counted;
    }

    private static boolean counts(Map<String, ComponentVerdict> verdicts, String componentId) {
        ComponentVerdict verdict = verdicts.get(componentId);
        return verdict != null && verdict.status().counts();
    }
}
