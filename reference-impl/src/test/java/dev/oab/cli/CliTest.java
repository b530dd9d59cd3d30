package dev.oab.cli;

import dev.oab.bundle.BundleReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    static Result oab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = OabCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private Path source() throws Exception {
        Path src = tmp.resolve("src");
        write(src, "oab.yaml", "name: cli-model\nversion: \"2.0.0\"\nproducer: CLI tests\nlicense: MIT\n");
        write(src, "model/w.safetensors", "weights!");
        write(src, "code/inference/run.py", "print(1)\n");
        write(src, "LICENSES/MIT.txt", "MIT License\n");
        return src;
    }

    private Path packed() throws Exception {
        Path bundle = tmp.resolve("cli.oab");
        Result r = oab("pack", source().toString(), "-o", bundle.toString(), "--timestamp", "1767225600");
        assertEquals(0, r.code(), r.err());
        return bundle;
    }

    @Test
    void packPrintsWhatItWrote() throws Exception {
        Path bundle = tmp.resolve("cli.oab");
        Result r = oab("pack", source().toString(), "-o", bundle.toString(), "--timestamp", "2026-01-01T00:00:00Z");
        assertEquals(0, r.code());
        assertEquals("packed cli-model 2.0.0: 3 files, 29 B -> " + bundle + " (" + formatSize(bundle) + ")\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void dryRunShowsComponentsAndWritesNothing() throws Exception {
        Path bundle = tmp.resolve("never.oab");
        Result r = oab("pack", source().toString(), "-o", bundle.toString(), "--dry-run");
        assertEquals(0, r.code());
        assertEquals("""
                cli-model 2.0.0: 3 files, 29 B
                components:
                  inference-code                   MIT                      code/inference/
                  licenses                         MIT                      LICENSES/
                  model-parameters-final           MIT                      model/
                """, r.out());
        assertFalse(Files.exists(bundle));
    }

    @Test
    void verifyOfAnIntactBundleExitsZero() throws Exception {
        Result r = oab("verify", packed().toString());
        assertEquals(0, r.code());
        assertEquals("verified cli-model 2.0.0: 3 files, 29 B; every size and SHA-256 matches oab.json\n", r.out());
    }

    @Test
    void verifyNamesAFlippedByte() throws Exception {
        Path bundle = packed();
        long offset;
        try (BundleReader reader = BundleReader.open(bundle)) {
            offset = reader.entry("model/w.safetensors").orElseThrow().dataOffset();
        }
        try (RandomAccessFile raf = new RandomAccessFile(bundle.toFile(), "rw")) {
            raf.seek(offset);
            raf.write('W');
        }
        Result r = oab("verify", bundle.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().startsWith("FAILED " + bundle + ": 1 problem\n"
                + String.format("  %-32s %s", "integrity.digest-mismatch", "model/w.safetensors: SHA-256 is ")), r.out());
        assertTrue(r.out().endsWith("The bundle is not what its producer packed, or not from a signer you trust. "
                + "Do not use it.\n"));
    }

    @Test
    void verifyNamesAnAddedEntry() throws Exception {
        Path bundle = packed();
        Path tampered = tmp.resolve("added.oab");
        rewrite(bundle, tampered, "model/backdoor.py", null);
        Result r = oab("verify", tampered.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains(String.format("  %-32s %s", "bundle.unlisted-entry", "model/backdoor.py: the "
                + "archive holds this entry but oab.json does not list it: it was added after packing")), r.out());
    }

    @Test
    void verifyNamesARemovedEntry() throws Exception {
        Path bundle = packed();
        Path tampered = tmp.resolve("removed.oab");
        rewrite(bundle, tampered, null, "code/inference/run.py");
        Result r = oab("verify", tampered.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains(String.format("  %-32s %s", "bundle.missing-entry", "code/inference/run.py: "
                + "oab.json lists this file but the archive does not hold it: it was removed after packing")), r.out());
    }

    @Test
    void verifyJsonReportsProblemsWithCodes() throws Exception {
        Path junk = tmp.resolve("junk.oab");
        Files.writeString(junk, "not a zip at all, just text long enough");
        Result r = oab("verify", junk.toString(), "--json");
        assertEquals(1, r.code());
        assertEquals("""
                {
                  "bundle": "%s",
                  "verified": false,
                  "files": 0,
                  "bytes": 0,
                  "signatures": [ ],
                  "problems": [
                    {
                      "code": "archive.truncated",
                      "where": "",
                      "message": "no end-of-central-directory record at the end of the file: it is truncated or not a ZIP archive"
                    }
                  ]
                }
                """.formatted(junk), r.out());
    }

    @Test
    void inspectShowsManifestAndEntries() throws Exception {
        Path bundle = packed();
        Result r = oab("inspect", bundle.toString());
        assertEquals(0, r.code());
        String expected = """
                cli-model 2.0.0 (OAB 0.1)
                producer:   CLI tests
                license:    MIT
                created:    2026-01-01T00:00:00Z
                archive:    %s, 3 files (29 B), 0 signatures
                components:
                  inference-code                   MIT                      code/inference/
                  licenses                         MIT                      LICENSES/
                  model-parameters-final           MIT                      model/
                files:
                          12 B  %s  LICENSES/MIT.txt
                           9 B  %s  code/inference/run.py
                           8 B  %s  model/w.safetensors
                """.formatted(formatSize(bundle), sha("MIT License\n"), sha("print(1)\n"), sha("weights!"));
        assertEquals(expected, r.out());
        Result json = oab("inspect", bundle.toString(), "--json");
        assertEquals(0, json.code());
        assertTrue(json.out().contains("\"kind\": \"manifest\""));
    }

    @Test
    void extractThenExtractAgainRefusesToOverwrite() throws Exception {
        Path bundle = packed();
        Path out = tmp.resolve("out");
        Result r = oab("extract", bundle.toString(), "-d", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("extracted cli-model 2.0.0: 4 entries into " + out + "\n", r.out());
        assertEquals("weights!", Files.readString(out.resolve("model/w.safetensors")));
        Result again = oab("extract", bundle.toString(), "-d", out.toString());
        assertEquals(2, again.code());
        assertEquals("oab extract: error: " + out + " is not empty; extract into a new or empty directory so no existing file is "
                + "overwritten\n", again.err());
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        assertEquals(2, oab("pack").code());
        assertEquals(2, oab("frobnicate").code());
        Result missingAuthoring = oab("pack", Files.createDirectory(tmp.resolve("empty")).toString(), "-o",
                tmp.resolve("x.oab").toString());
        assertEquals(2, missingAuthoring.code());
        assertEquals("oab pack: error: no authoring file in " + tmp.resolve("empty") + ": create oab.yaml with at least name, "
                + "version, producer and license (oab init writes a skeleton)\n", missingAuthoring.err());
        Result badTime = oab("pack", source().toString(), "-o", tmp.resolve("x.oab").toString(), "--timestamp", "soon");
        assertEquals(2, badTime.code());
        assertTrue(badTime.err().startsWith("--timestamp 'soon' is neither RFC 3339"), badTime.err());
    }

    @Test
    void authoringErrorsNameTheField() throws Exception {
        Path src = source();
        write(src, "oab.yaml", "name: cli-model\nversion: 2.0\nproducer: CLI tests\nlicense: MIT\n");
        Result r = oab("pack", src.toString(), "-o", tmp.resolve("x.oab").toString());
        assertEquals(2, r.code());
        assertEquals("oab pack: error: oab.yaml: version: write the version as a quoted string (e.g. \"2.0\"), so YAML does not "
                + "read it as a number\n", r.err());
        write(src, "oab.yaml", "name: cli-model\nname: other\nversion: \"1\"\nproducer: CLI tests\nlicense: MIT\n");
        Result dup = oab("pack", src.toString(), "-o", tmp.resolve("x.oab").toString());
        assertEquals(2, dup.code());
        assertTrue(dup.err().startsWith("oab pack: error: oab.yaml: Duplicate field 'name'"), dup.err());
    }

    @Test
    void missingBundleIsAUsageError() {
        Result r = oab("verify", tmp.resolve("nope.oab").toString());
        assertEquals(2, r.code());
        assertEquals("oab verify: error: " + tmp.resolve("nope.oab") + " does not exist; pass a bundle, a model "
                + "directory or a file\n", r.err());
    }

    @Test
    void helpDocumentsExitCodes() {
        Result r = oab("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Exit codes:\n  0   success\n  1   verification or validation failed"), r.out());
    }

    @Test
    void helpListsEveryCommandWhicheverWayItIsAsked() {
        String commands = "Commands:\n  pack      ";
        assertTrue(oab("--help").out().contains(commands), oab("--help").out());
        assertTrue(oab("help").out().contains(commands), oab("help").out());
        Result none = oab();
        assertEquals(2, none.code());
        assertTrue(none.err().startsWith("missing command: choose one of [pack, inspect, verify, extract, sign, "
                + "keygen, mof, validate, init, export, help]\n"), none.err());
        Result unknown = oab("unpack");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("Did you mean: oab pack or oab extract?"), unknown.err());
    }

    @Test
    void aCommandsOwnHelpComesTheSameWayWithHelpOrTheOption() {
        Result viaHelp = oab("help", "inspect");
        Result viaOption = oab("inspect", "--help");
        assertEquals(0, viaHelp.code());
        assertEquals(0, viaOption.code());
        assertTrue(viaOption.out().startsWith("Usage: oab inspect [-hV] [--files] [--json] FILE.oab\n"), viaOption.out());
        assertEquals(viaOption.out(), viaHelp.out());
    }

    /**
     * Copies a bundle with Python's zipfile, adding or dropping one entry: a well-formed archive, so
     * only the manifest check can catch it.
     */
    private static void rewrite(Path from, Path to, String add, String drop) throws Exception {
        String script = "import zipfile,sys\n"
                + "src=zipfile.ZipFile(sys.argv[1]); dst=zipfile.ZipFile(sys.argv[2],'w')\n"
                + "for n in src.namelist():\n"
                + "  if n!=sys.argv[4]: dst.writestr(n, src.read(n))\n"
                + "if sys.argv[3]: dst.writestr(sys.argv[3], 'import os\\n')\n"
                + "dst.close()\n";
        Process p = new ProcessBuilder("python3", "-c", script, from.toString(), to.toString(),
                add == null ? "" : add, drop == null ? "" : drop).inheritIO().start();
        assertEquals(0, p.waitFor());
    }

    private static void write(Path root, String path, String content) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static String sha(String content) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(content.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
    }

    private static String formatSize(Path file) throws Exception {
        return Format.bytes(Files.size(file));
    }
}
