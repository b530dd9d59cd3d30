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
        return switch (e.category()) {
            case CHECK_FAILED -> CHECK_FAILED;
            case BAD_REQUEST -> USAGE;
            case IO -> IO_OR_INTERNAL;
        };
    }

    /** Prints the error for a person and returns the exit code. */
    public static int report(String command, OabException e, PrintWriter err) {
        String prefix = e.category() == OabException.Category.CHECK_FAILED
                ? "oab " + command + ": verification FAILED: "
                : "oab " + command + ": error: ";
        // A format defect leads with its spec code, so scripts and people can look it up.
        String code = e instanceof dev.oab.bundle.BundleFormatException bfe ? bfe.code() + ": " : "";
        err.println(prefix + code + e.getMessage());
        err.flush();
        return exitCode(e);
    }

    /**
     * Prints any failure of a command for a person and returns its exit code: library errors by
     * their category, file-system errors as the file and what went wrong, anything else as a bug.
     */
    public static int report(String command, Throwable e, PrintWriter err) {
        if (e instanceof OabException oe) {
            return report(command, oe, err);
        }
        if (e instanceof RuntimeException re) {
            return reportInternal(command, re, err);
        }
        String message;
        if (e instanceof java.nio.file.NoSuchFileException nsf) {
            message = nsf.getFile() + ": no such file or directory";
        } else if (e instanceof java.nio.file.AccessDeniedException ad) {
            message = ad.getFile() + ": permission denied";
        } else if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            message = fse.getFile() + ": " + fse.getReason();
        } else {
            message = "I/O error: " + e.getMessage();
        }
        err.println("oab " + command + ": error: " + message);
        err.flush();
        return IO_OR_INTERNAL;
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
