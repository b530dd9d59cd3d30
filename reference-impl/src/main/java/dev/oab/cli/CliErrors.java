package dev.oab.cli;

import dev.oab.OabException;

import java.io.PrintWriter;
import java.util.function.Function;

/**
 * Maps library errors to the exit codes and messages every oab command shares:
 * 0 ok, 1 verification failed, 2 usage error (bad arguments, unusable key), 3 I/O or internal error.
 */
public final class CliErrors {

    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int USAGE = 2;
    public static final int IO_OR_INTERNAL = 3;

    /** The only place the CLI takes key passphrases from: never argv, which other users can see. */
    public static final String PASSPHRASE_ENV = "OAB_KEY_PASSPHRASE";

    private CliErrors() {
    }

    public static int exitCode(OabException e) {
        switch (e.category()) {
            case CHECK_FAILED:
                return CHECK_FAILED;
            case BAD_REQUEST:
                return USAGE;
            default:
                return IO_OR_INTERNAL;
        }
    }

    /** Prints the error for a person and returns the exit code. */
    public static int report(String command, OabException e, PrintWriter err) {
        String prefix = e.category() == OabException.Category.CHECK_FAILED
                ? "oab " + command + ": verification FAILED: "
                : "oab " + command + ": error: ";
        err.println(prefix + e.getMessage());
        err.flush();
        return exitCode(e);
    }

    /** For bugs: say so plainly instead of printing a stack trace as if it were the user's fault. */
    public static int reportInternal(String command, RuntimeException e, PrintWriter err) {
        err.println("oab " + command + ": internal error: " + e
                + "; please report it with the command line you used");
        err.flush();
        return IO_OR_INTERNAL;
    }

    /** The passphrase from {@value #PASSPHRASE_ENV}, or null when unset or empty. */
    static char[] passphrase(Function<String, String> env) {
        String value = env.apply(PASSPHRASE_ENV);
        return value == null || value.isEmpty() ? null : value.toCharArray();
    }
}
