package dev.oab.cli;

import dev.oab.OabException;
import dev.oab.mof.MofClassification;
import dev.oab.mof.MofClassifier;
import dev.oab.bundle.BundleReader;
import dev.oab.mof.MofDocument;
import dev.oab.mof.MofExporter;
import dev.oab.mof.MofWriter;
import dev.oab.mof.MofImporter;
import dev.oab.mof.MofReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code oab mof}: interoperate with the Model Openness Tool's {@code mof.yml} files. */
@Command(name = "mof", mixinStandardHelpOptions = true,
        description = "Work with Model Openness Framework (MOF) mof.yml files.",
        subcommands = {MofCommand.Classify.class, MofCommand.Import.class, MofCommand.Export.class})
public final class MofCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CliErrors.USAGE;
    }

    @Command(name = "classify", mixinStandardHelpOptions = true,
            description = {"Print the MOF class and the progress toward each class, computed as the Model Openness "
                    + "Tool computes them from the file's claims."})
    static final class Classify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE.yml", description = "mof.yml files")
        List<Path> files;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            MofClassifier classifier = MofClassifier.standard();
            int exit = CliErrors.OK;
            for (Path file : files) {
                try {
                    MofClassification result = classifier.classify(MofReader.read(file));
                    out.println(file + ": " + result.label() + " (class I " + percent(result.classIProgress())
                            + ", class II " + percent(result.classIIProgress()) + ", class III "
                            + percent(result.classIIIProgress()) + ")");
                    for (String ignored : result.ignoredComponentNames()) {
                        out.println(file + ": ignored \"" + ignored + "\": not a MOF component name");
                    }
                } catch (OabException e) {
                    err.println("error: " + e.getMessage());
                    exit = Math.max(exit, CliErrors.exitCode(e));
                }
            }
            out.flush();
            return exit;
        }

        private static String percent(double progress) {
            return BigDecimal.valueOf(progress).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Write an OAB authoring file (oab.yaml) skeleton from a mof.yml: the claimed components at "
                    + "OAB's conventional paths, with SPDX licences, and notes on what to check."})
    static final class Import implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE.yml", description = "the mof.yml to import")
        Path file;

        @Option(names = {"-o", "--output"}, paramLabel = "oab.yaml",
                description = "where to write the skeleton (default: standard output)")
        Path output;

        @Override
        public Integer call() {
            try {
                MofDocument document = MofReader.read(file);
                byte[] yaml = MofImporter.standard().importDocument(document, file.getFileName().toString()).toYaml();
                OutputFiles.writeOrPrint(output, yaml, spec.commandLine().getOut());
                return CliErrors.OK;
            } catch (OabException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return CliErrors.exitCode(e);
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write a mof.yml from a bundle's manifest: each MOF component it declares with its licence "
                    + "and the path of the licence text, and the distribution licence. The Model Openness Tool "
                    + "grades these claims; `oab validate` also grades the evidence."})
    static final class Export implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE.oab", description = "the bundle")
        Path bundle;

        @Option(names = {"-o", "--output"}, paramLabel = "mof.yml",
                description = "where to write it (default: standard output)")
        Path output;

        @Override
        public Integer call() throws Exception {
            MofDocument document;
            try (BundleReader reader = BundleReader.open(bundle)) {
                document = MofExporter.standard().export(reader.manifest());
            }
            byte[] yaml = MofWriter.toYaml(document);
            if (OutputFiles.writeOrPrint(output, yaml, spec.commandLine().getOut())) {
                spec.commandLine().getOut().println("wrote " + output + ": " + document.release().components().size()
                        + " MOF components of " + document.release().name() + " " + document.release().version());
            }
            return CliErrors.OK;
        }
    }
}
