package dev.oab.maven;

import dev.oab.OabException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

import java.io.IOException;

/**
 * Maps library errors to build failures: a failed check (tampering, a bad signature) fails the
 * build with {@link MojoFailureException}; a wrong configuration or an I/O error stops it with
 * {@link MojoExecutionException}, naming the POM element to fix.
 */
final class Errors {

    private Errors() {
    }

    /**
     * @param element the configuration element the user should look at, e.g. {@code <signingKey>}
     */
    static Exception map(OabException e, String element) {
        return switch (e.category()) {
            case CHECK_FAILED -> new MojoFailureException(e.getMessage(), e);
            case BAD_REQUEST -> new MojoExecutionException(element + ": " + e.getMessage(), e);
            case IO -> new MojoExecutionException(e.getMessage(), e);
        };
    }

    static MojoExecutionException io(String what, IOException e) {
        String detail = e instanceof java.nio.file.NoSuchFileException nsf ? nsf.getFile() + ": no such file"
                : e instanceof java.nio.file.AccessDeniedException ad ? ad.getFile() + ": permission denied"
                : e.toString();
        return new MojoExecutionException(what + ": " + detail, e);
    }

    /** Rethrows what {@link #map} returned with its checked type. */
    static void rethrow(Exception e) throws MojoExecutionException, MojoFailureException {
        if (e instanceof MojoFailureException f) {
            throw f;
        }
        throw (MojoExecutionException) e;
    }
}
