package dev.oab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExportCliTest {

    @TempDir
    Path tmp;

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = OabCommand.execute(args, new PrintWriter(out), new PrintWriter(err), name -> null);
        return new String[]{String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void exportsOfThePackedExampleAreTheGoldenFiles() throws Exception {
        Path spec = Path.of(System.getProperty("oab.spec.dir", "../spec"));
        Path bundle = tmp.resolve("tiny-model.oab");
        String[] r = run("pack", spec.resolveSibling("examples").resolve("tiny-model").toString(), "-o",
                bundle.toString(), "--timestamp", "2026-01-01T00:00:00Z", "--progress", "none");
        assertEquals("0", r[0], r[2]);
        for (String[] format : new String[][]{{"cyclonedx", "tiny-model.cdx.json"}, {"spdx", "tiny-model.spdx.json"},
                {"croissant", "tiny-model.croissant.json"}}) {
            Path out = tmp.resolve(format[1]);
            r = run("export", format[0], bundle.toString(), "-o", out.toString());
            assertEquals("0", r[0], r[2]);
            assertTrue(r[1].startsWith("wrote " + out + " (" + format[0] + ", "), r[1]);
            assertArrayEquals(Files.readAllBytes(spec.resolve("vectors/exports").resolve(format[1])),
                    Files.readAllBytes(out), format[1]);
        }
        r = run("export", "cyclonedx", bundle.toString());
        assertEquals("0", r[0], r[2]);
        assertEquals(Files.readString(spec.resolve("vectors/exports/tiny-model.cdx.json")), r[1]);
    }

    @Test
    void aBundleWithoutDatasetsHasNoCroissant() throws Exception {
        Path dir = dev.oab.authoring.HubFixtures.write(tmp.resolve("tiny-hub-model"),
                dev.oab.authoring.HubFixtures.sharded());
        Path bundle = tmp.resolve("hub.oab");
        assertEquals("0", run("pack", dir.toString(), "-o", bundle.toString(), "--progress", "none")[0]);
        String[] r = run("export", "croissant", bundle.toString(), "-o", tmp.resolve("c.json").toString());
        assertEquals("2", r[0]);
        assertEquals("oab export: error: tiny-hub-model unversioned has no 'datasets' or 'evaluation-data' component;"
                + " there is no data to describe in Croissant\n", r[2]);
        assertTrue(Files.notExists(tmp.resolve("c.json")));
    }

    @Test
    void anAlteredBundleIsNotDescribed() throws Exception {
        Path spec = Path.of(System.getProperty("oab.spec.dir", "../spec"));
        Path bundle = tmp.resolve("tiny-model.oab");
        assertEquals("0", run("pack", spec.resolveSibling("examples").resolve("tiny-model").toString(), "-o",
                bundle.toString(), "--progress", "none")[0]);
        byte[] bytes = Files.readAllBytes(bundle);
        byte[] needle = "two-feature logistic regression".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int at = indexOf(bytes, needle, indexOf(bytes, needle, 0) + 1);
        assertTrue(at > 0, "the card's text appears in the stored card");
        bytes[at] = 'T';
        Files.write(bundle, bytes);
        Path out = tmp.resolve("bom.json");
        String[] r = run("export", "cyclonedx", bundle.toString(), "-o", out.toString());
        assertEquals("1", r[0], r[1] + r[2]);
        assertTrue(r[2].startsWith("oab export: verification FAILED: "), r[2]);
        assertTrue(Files.notExists(out));
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void unknownFormatIsAUsageError() {
        String[] r = run("export", "xml", tmp.resolve("x.oab").toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("cyclonedx, spdx, croissant"), r[2]);
    }
}
