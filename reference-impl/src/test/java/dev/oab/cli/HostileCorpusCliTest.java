package dev.oab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oab.bundle.BundleFormatException;
import dev.oab.bundle.BundleReader;
import dev.oab.json.StrictJson;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every hostile archive of the conformance vectors (each one that breaks the archive profile, the
 * paths or the manifest) is refused by BundleReader.open, by oab verify and by oab validate with
 * exit 1 and the defect's code, before any entry is returned.
 */
class HostileCorpusCliTest {

    private static final Path VECTORS = Path.of(System.getProperty("oab.spec.dir", "../spec")).resolve("vectors");

    @TestFactory
    Stream<DynamicTest> everyMalformedArchiveIsRefusedEverywhere() throws Exception {
        JsonNode index = StrictJson.parse(Files.readAllBytes(VECTORS.resolve("index.json")), "index.json");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode v : index.get("vectors")) {
            String expect = v.get("expect").asText();
            boolean structural = expect.startsWith("archive.") || expect.startsWith("path.")
                    || expect.startsWith("bundle.") || expect.startsWith("manifest.");
            if (!structural) {
                continue;
            }
            Path bundle = VECTORS.resolve(v.get("file").asText());
            tests.add(DynamicTest.dynamicTest(v.get("file").asText() + " -> " + expect, () -> {
                BundleFormatException e = assertThrows(BundleFormatException.class, () -> BundleReader.open(bundle));
                assertEquals(expect, e.code());
                String[] verify = run("verify", bundle.toString());
                assertEquals("1", verify[0]);
                assertTrue(verify[1].contains(expect), verify[1]);
                String[] validate = run("validate", bundle.toString(), "--profile", "mof-class-iii");
                assertEquals("1", validate[0]);
                assertTrue(validate[2].startsWith("oab validate: verification FAILED: " + expect + ": "), validate[2]);
            }));
        }
        assertTrue(tests.size() > 60, "hostile vectors: " + tests.size());
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everySignatureVectorGivesItsResultOnTheCommandLine() throws Exception {
        JsonNode index = StrictJson.parse(Files.readAllBytes(VECTORS.resolve("index.json")), "index.json");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode v : index.get("vectors")) {
            if (!v.has("trustedKeys")) {
                continue;
            }
            String expect = v.get("expect").asText();
            List<String> args = new ArrayList<>(List.of("verify", VECTORS.resolve(v.get("file").asText()).toString()));
            v.get("trustedKeys").forEach(k -> args.addAll(List.of("--key", VECTORS.resolve(k.asText()).toString())));
            tests.add(DynamicTest.dynamicTest(v.get("file").asText() + " -> " + expect, () -> {
                String[] r = run(args.toArray(String[]::new));
                if (expect.equals("valid")) {
                    assertEquals("0", r[0], r[1] + r[2]);
                    assertTrue(r[1].contains("signature 'producer'") || r[1].contains("signature 'registry'"), r[1]);
                } else {
                    assertEquals("1", r[0], r[1] + r[2]);
                    assertTrue(r[1].contains(String.format("  %-32s ", expect)), r[1]);
                }
            }));
        }
        assertTrue(tests.size() >= 9, "signature vectors: " + tests.size());
        return tests.stream();
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = OabCommand.execute(args, new PrintWriter(out), new PrintWriter(err), name -> null);
        return new String[]{String.valueOf(code), out.toString(), err.toString()};
    }
}
