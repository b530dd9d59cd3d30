package dev.oab.mof;

import dev.oab.cli.MofCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MofCommandTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new MofCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int exit = command.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void classifyPrintsClassAndProgressPerFile() {
        Path dir = SharedData.mofDir().resolve("mot-test-data");
        Path classTwo = dir.resolve("Class2RTestFile_C1_77%-C2_100%-C3_100%_11C_1G_11L_11V_0I_11T.yml");
        Path unclassified = dir.resolve("OnlyGlobalLicense_C1_87%-C2_91%-C3_83%_15C_3G_0L_15V_0I_15T.yml");
        Run run = run("classify", classTwo.toString(), unclassified.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals(classTwo + ": Class II - Open Tooling Model (class I 76.92%, class II 100%, class III 100%)\n"
                + unclassified + ": Unclassified (class I 0%, class II 0%, class III 83.33%)\n", run.out());
    }

    @Test
    void exitCodesSayWhatWentWrong(@TempDir Path temp) throws Exception {
        assertEquals(2, run("classify").exit(), "no file: usage");
        assertEquals(2, run("classify", "--no-such-option", "x.yml").exit(), "unknown option: usage");
        assertEquals(2, run().exit(), "no subcommand: usage");

        Run missing = run("classify", temp.resolve("absent.yml").toString());
        assertEquals(3, missing.exit());
        assertTrue(missing.err().contains("absent.yml: no such file"), missing.err());

        Path broken = Files.writeString(temp.resolve("broken.yml"), "release: [unclosed\n");
        Run bad = run("classify", broken.toString());
        assertEquals(1, bad.exit());
        assertTrue(bad.err().startsWith("error: " + broken + ": not valid YAML"), bad.err());
    }

    @Test
    void importWritesTheSkeletonAtomically(@TempDir Path temp) throws Exception {
        Path source = SharedData.mofDir().resolve("schema/sample_model.yml");
        Path target = temp.resolve("oab.yaml");
        Run run = run("import", source.toString(), "-o", target.toString());
        assertEquals(0, run.exit(), run.err());
        String yaml = Files.readString(target, StandardCharsets.UTF_8);
        assertTrue(yaml.contains("name: My-model"), yaml);
        assertTrue(yaml.contains("data-preprocessing-code:"), yaml);
        try (var left = Files.list(temp)) {
            assertEquals(1, left.count(), "no temporary file is left behind");
        }

        Run toStdout = run("import", source.toString());
        assertEquals(0, toStdout.exit());
        assertEquals(yaml, toStdout.out());
    }
}
