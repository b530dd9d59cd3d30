package dev.oab.cli;

import dev.oab.OabException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;

/** The {@code oab} command: parses arguments, calls the library, maps its errors to exit codes. */
@Command(name = "oab",
        mixinStandardHelpOptions = true,
        versionProvider = OabCommand.Version.class,
        description = "Pack, inspect, verify and extract Open AI Bundles (.oab).",
        subcommands = {
                PackCommand.class,
                InspectCommand.class,
                VerifyCommand.class,
                ExtractCommand.class,
                MofCommand.class,
                CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "1:verification or validation failed (the bundle is altered, malformed or incomplete)",
                "2:usage error (bad arguments, unusable key or authoring file)",
                "3:I/O or internal error"
        })
public final class OabCommand implements Runnable {

    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int USAGE = 2;
    public static final int IO_ERROR = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: choose one of "
                + spec.subcommands().keySet());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns its exit code; used by tests and the launcher alike. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new OabCommand()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("oab: " + messageOf(ex));
            commandLine.getErr().flush();
            return exitCodeOf(ex);
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static int exitCodeOf(Throwable ex) {
        if (ex instanceof OabException oe) {
            return switch (oe.category()) {
                case CHECK_FAILED -> CHECK_FAILED;
                case BAD_REQUEST -> USAGE;
                case IO -> IO_ERROR;
            };
        }
        return IO_ERROR;
    }

    static String messageOf(Throwable ex) {
        if (ex instanceof OabException) {
            return ex.getMessage();
        }
        if (ex instanceof java.nio.file.NoSuchFileException e) {
            return e.getFile() + ": no such file or directory";
        }
        if (ex instanceof java.nio.file.AccessDeniedException e) {
            return e.getFile() + ": permission denied";
        }
        if (ex instanceof java.nio.file.FileSystemException e && e.getReason() != null) {
            return e.getFile() + ": " + e.getReason();
        }
        if (ex instanceof IOException) {
            return "I/O error: " + ex.getMessage();
        }
        return "internal error: " + ex + " (please report this with the command you ran)";
    }

    /** Reads the version Maven wrote into the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = OabCommand.class.getPackage().getImplementationVersion();
            return new String[]{"oab " + (version == null ? "(development build)" : version)
                    + ", OAB format " + dev.oab.bundle.Manifest.FORMAT_VERSION};
        }
    }
}
