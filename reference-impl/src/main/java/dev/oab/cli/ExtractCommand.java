package dev.oab.cli;

import dev.oab.bundle.BundleExtractor;
import dev.oab.bundle.BundleReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "extract", mixinStandardHelpOptions = true, description = {
        "Extract a bundle into a new or empty directory, checking every file's SHA-256 as it is written. "
                + "Nothing is left behind if any check fails."})
final class ExtractCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.oab")
    Path bundle;

    @Option(names = {"-d", "--directory"}, required = true, paramLabel = "DIR", description = "Target directory.")
    Path target;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (BundleReader reader = BundleReader.open(bundle)) {
            BundleExtractor.extract(reader, target);
            spec.commandLine().getOut().printf("extracted %s %s: %d entries into %s%n", reader.manifest().name(),
                    reader.manifest().version(), reader.entries().size(), target);
        }
        return CliErrors.OK;
    }
}
