package dev.oab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The {@code oab} command: parses arguments, calls the library, maps its errors to exit codes. */
@Command(name = "oab",
        mixinStandardHelpOptions = true,
        versionProvider = OabCommand.Version.class,
        description = "Pack, inspect, verify and extract Open AI Bundles (.oab).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "1:verification or validation failed (the bundle is altered, malformed or incomplete)",
                "2:usage error (bad arguments, unusable key or authoring file)",
                "3:I/O or internal error"
        })
public final class OabCommand implements Runnable {

    /** The subcommands, in the order help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(PackCommand.class, InspectCommand.class,
            VerifyCommand.class, ExtractCommand.class, SignCommand.class, KeygenCommand.class, MofCommand.class,
            ValidateCommand.class, InitCommand.class, ExportCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: choose one of "
                + spec.subcommands().keySet());
    }

    public static void main(String[] args) {
        // The JSON Schema validator logs through SLF4J; the CLI has no logging backend and reports every
        // problem itself, so silence SLF4J's "no providers" notice instead of printing it on every run.
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System::getenv));
    }

    /** Runs the command line with the process environment and returns its exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, System::getenv);
    }

    /**
     * Runs the command line and returns its exit code. Commands that read the environment
     * (passphrases, SOURCE_DATE_EPOCH) get {@code env}, so tests never touch the real one.
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, Function<String, String> env) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                try {
                    Constructor<K> withEnv = type.getDeclaredConstructor(Function.class);
                    withEnv.setAccessible(true);
                    return withEnv.newInstance(env);
                } catch (NoSuchMethodException e) {
                    return defaults.create(type);
                }
            }
        };
        CommandLine cli = new CommandLine(new OabCommand(), factory);
        // Picocli reflects over every option of every subcommand it is given, a tenth of a second
        // at start-up: a run that names its subcommand first gets only that one (help needs all).
        Optional<Class<?>> named = args.length == 0 ? Optional.empty() : SUBCOMMANDS.stream()
                .filter(type -> type != CommandLine.HelpCommand.class
                        && type.getAnnotation(Command.class).name().equals(args[0]))
                .findFirst();
        for (Class<?> type : named.map(List::<Class<?>>of).orElse(SUBCOMMANDS)) {
            cli.addSubcommand(new CommandLine(type, factory));
        }
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) ->
                CliErrors.report(commandLine.getCommandName(), ex, commandLine.getErr()));
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
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
