package dev.oab.cli;

import dev.oab.bundle.BundleFormatException;
import dev.oab.export.Exports;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true, description = {
        "Describe a bundle in another format: a CycloneDX 1.6 ML-BOM (cyclonedx), an SPDX 3.0.1 JSON-LD document "
                + "with the AI and dataset profiles (spdx), or an MLCommons Croissant 1.1 description of its "
                + "datasets (croissant).",
        "The bundle's integrity is checked first. The same bundle always gives the same bytes."})
final class ExportCommand implements Callable<Integer> {

    /** Lower-case names, as users type them and as picocli lists them in errors. */
    enum Kind { cyclonedx, spdx, croissant }

    @Parameters(index = "0", paramLabel = "FORMAT", description = "cyclonedx, spdx or croissant.")
    Kind format;

    @Parameters(index = "1", paramLabel = "FILE.oab", description = "Bundle to describe.")
    Path bundle;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write (default: standard output).")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        byte[] document;
        try {
            document = Exports.export(bundle, Exports.Format.of(format.name()));
        } catch (BundleFormatException e) {
            var err = spec.commandLine().getErr();
            err.println("oab export: verification FAILED: " + bundle + " is malformed or altered; no "
                    + format + " document written:");
            Format.printProblems(err, e.problems());
            err.flush();
            return CliErrors.CHECK_FAILED;
        }
        if (OutputFiles.writeOrPrint(output, document, spec.commandLine().getOut())) {
            spec.commandLine().getOut().printf("wrote %s (%s, %d bytes)%n", output, format, document.length);
        }
        return CliErrors.OK;
    }
}
