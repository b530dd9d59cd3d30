package dev.oab.licenses;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LicenseQueriesTest {

    private static final SpdxLicenseList SPDX = SpdxLicenseList.bundled();
    private static final MofLicenseLists MOF = MofLicenseLists.bundled();

    @Test
    void theBundledListsAreLoaded() {
        assertEquals("3.28.0", SPDX.licenseListVersion());
        assertEquals(727, SPDX.licenses().size());
        assertTrue(SPDX.license("OpenMDW-1.0").isPresent(), "the MOF's recommended licence is on the list");
        assertTrue(SPDX.license("apache-2.0").orElseThrow().osiApproved());
        assertEquals("Apache-2.0", SPDX.license("APACHE-2.0").orElseThrow().id());
        assertTrue(SPDX.exception("llvm-exception").isPresent());
        assertTrue(SPDX.license("GPL-2.0").orElseThrow().deprecated());
    }

    @Test
    void osiApprovalFollowsTheExpression() throws Exception {
        assertTrue(SPDX.isOsiApproved(SPDX.parse("Apache-2.0")));
        assertFalse(SPDX.isOsiApproved(SPDX.parse("CC-BY-4.0")));
        assertTrue(SPDX.isOsiApproved(SPDX.parse("CC-BY-NC-4.0 OR MIT")), "one approved alternative suffices");
        assertFalse(SPDX.isOsiApproved(SPDX.parse("CC-BY-NC-4.0 AND MIT")), "every part of AND must be approved");
        assertTrue(SPDX.isOsiApproved(SPDX.parse("GPL-2.0-only WITH Classpath-exception-2.0")));
        assertTrue(SPDX.isOsiApproved(SPDX.parse("GPL-2.0+")));
        assertFalse(SPDX.isOsiApproved(SPDX.parse("LicenseRef-Llama-3")));
    }

    @Test
    void contentTypeSuitabilityFollowsTheMofLists() throws Exception {
        assertTrue(MOF.suits(SPDX.parse("MIT"), ContentType.CODE));
        assertFalse(MOF.suits(SPDX.parse("MIT"), ContentType.DATA));
        assertTrue(MOF.suits(SPDX.parse("Apache-2.0"), ContentType.DOCUMENT));
        assertTrue(MOF.suits(SPDX.parse("CDLA-Permissive-2.0"), ContentType.DATA));
        assertTrue(MOF.suits(SPDX.parse("CC-BY-4.0"), ContentType.DOCUMENT));
        assertFalse(MOF.suits(SPDX.parse("CC-BY-4.0"), ContentType.CODE));
        // Listed twice in mof-licenses.json: OAB reads the union.
        assertTrue(MOF.suits(SPDX.parse("CC0-1.0"), ContentType.DATA));
        assertTrue(MOF.suits(SPDX.parse("CC0-1.0"), ContentType.DOCUMENT));
        assertTrue(MOF.suits(SPDX.parse("CC-BY-NC-4.0 OR CC0-1.0"), ContentType.DATA));
        assertFalse(MOF.suits(SPDX.parse("MIT AND CC0-1.0"), ContentType.DATA));
        assertFalse(MOF.suits(SPDX.parse("LicenseRef-open-data"), ContentType.DATA));
        assertTrue(MOF.licensesFor(ContentType.CODE).contains("OpenMDW-1.0"));
    }
}
