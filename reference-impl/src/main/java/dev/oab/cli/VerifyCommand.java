package dev.oab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oab.bundle.BundleFormatException;
import dev.oab.bundle.BundleReader;
import dev.oab.bundle.BundleVerifier;
import dev.oab.bundle.IntegrityReport;
import dev.oab.bundle.Manifest;
import dev.oab.bundle.Problem;
import dev.oab.json.StrictJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import java.util.concurrent.Callable;

@Command(name = "verify", description = {
        "Verify a bundle: the archive's strict structure, the manifest, and that every file's size and "
                + "SHA-256 match oab.json (the integrity rule). Exits 1 naming each entry that fails."})
final class VerifyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.oab")
    Path bundle;

    @Option(names = "--json", description = "Print a JSON report.")
    boolean json;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "auto, bar, plain or none (default: ${DEFAULT-VALUE}).")
    Progress.Mode progressMode;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Manifest manifest = null;
        IntegrityReport report;
        try (BundleReader reader = BundleReader.open(bundle)) {
            manifest = reader.manifest();
            Progress progress = Progress.of(progressMode, spec.commandLine().getErr(), "verifying");
            try {
                report = BundleVerifier.create().withProgress(progress).verify(reader);
            } finally {
                progress.finish();
            }
        } catch (BundleFormatException e) {
            report = new IntegrityReport(0, 0, e.problems());
        }
        if (json) {
            printJson(out, manifest, report);
        } else if (report.intact()) {
            out.printf("verified %s %s: %d files, %s; every size and SHA-256 matches oab.json%n",
                    manifest.name(), manifest.version(), report.files(), Format.bytes(report.bytes()));
        } else {
            out.printf("FAILED %s: %d problem%s%n", bundle, report.problems().size(),
                    report.problems().size() == 1 ? "" : "s");
            Format.printProblems(out, report.problems());
            out.println("The bundle is not what its producer packed. Do not use it; obtain it again from its source.");
        }
        return report.intact() ? OabCommand.OK : OabCommand.CHECK_FAILED;
    }

    private void printJson(PrintWriter out, Manifest manifest, IntegrityReport report) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("bundle", bundle.toString());
        if (manifest != null) {
            root.put("name", manifest.name());
            root.put("version", manifest.version());
        }
        root.put("verified", report.intact());
        root.put("files", report.files());
        root.put("bytes", report.bytes());
        ArrayNode problems = root.putArray("problems");
        for (Problem p : report.problems()) {
            problems.addObject().put("code", p.code()).put("where", p.where()).put("message", p.message());
        }
        out.print(new String(StrictJson.writePretty(root), StandardCharsets.UTF_8));
    }

}
