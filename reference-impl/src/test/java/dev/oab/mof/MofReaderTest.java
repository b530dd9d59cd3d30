package dev.oab.mof;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MofReaderTest {

    private static MofFormatException refused(String yaml) {
        return assertThrows(MofFormatException.class,
                () -> MofReader.parse(yaml.getBytes(StandardCharsets.UTF_8), "t.yml"));
    }

    @Test
    void duplicateKeysAreRefused() {
        MofFormatException e = refused("framework: {name: a, version: '1', date: '2024-01-01'}\n"
                + "release:\n  name: a\n  name: b\n  license: {}\n  producer: p\n  components: []\n");
        assertTrue(e.getMessage().startsWith("t.yml: not valid YAML: Duplicate field 'name'"), e.getMessage());
    }

    @Test
    void fieldsOfTheWrongShapeAreNamed() {
        assertEquals("t.yml: release is missing", refused("framework: {name: a}\n").getMessage());
        assertEquals("t.yml: release.components must be a list of components but is a mapping",
                refused("framework: {}\nrelease: {name: a, components: {x: 1}}\n").getMessage());
        assertEquals("t.yml: release.components[1].name is missing or empty; every component needs its MOF name",
                refused("framework: {}\nrelease: {name: a, components: [{name: Datasets}, {license: MIT}]}\n").getMessage());
        assertEquals("t.yml: release.license.code must be a mapping but is the value MIT",
                refused("framework: {}\nrelease: {name: a, license: {code: MIT}}\n").getMessage());
        assertEquals("t.yml: release.name is missing or empty; the MOF schema requires a release name",
                refused("framework: {}\nrelease: {producer: p}\n").getMessage());
    }

    @Test
    void aliasesAreRefusedRatherThanReadAsTheAnchorsName() {
        assertEquals("t.yml: YAML alias *f at line 2; write the value out in full",
                refused("framework: {name: &f a}\nrelease: {name: *f}\n").getMessage());
    }

    @Test
    void unquotedScalarsAreKeptAsWritten() throws Exception {
        MofDocument document = MofReader.parse(("framework: {name: Model Openness Framework, version: 1.0, date: 2024-12-15}\n"
                + "release:\n  name: m\n  version: 2\n  components:\n  - name: Model card\n    license:\n"
                + "  - name: Datasets\n    license: ''\n").getBytes(StandardCharsets.UTF_8), "t.yml");
        assertEquals("1.0", document.framework().version());
        assertEquals("2024-12-15", document.framework().date());
        assertEquals("2", document.release().version());
        assertEquals(null, document.release().components().get(0).license(), "empty YAML value: inherit");
        assertEquals("", document.release().components().get(1).license(), "empty string: unlicensed");
    }
}
