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
     * Throws {@code e} as the build failure its category calls for. Declared to return an
     * exception so callers can write {@code throw Errors.fail(...)} and the compiler sees the end.
     *
     * @param element the configuration element the user should look at, e.g. {@code <signingKey>}
     */
    static RuntimeException fail(OabException e, String element) throws MojoExecutionException, MojoFailureException {
        switch (e.category()) {
            case CHECK_FAILED -> throw new MojoFailureException(e.getMessage(), e);
            case BAD_REQUEST -> throw new MojoExecutionException(element + ": " + e.getMessage(), e);
            default -> throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    static MojoExecutionException io(String what, IOException e) {
        String detail = e instanceof java.nio.file.NoSuchFileException nsf ? nsf.getFile() + ": no such file"
                : e instanceof java.nio.file.AccessDeniedException ad ? ad.getFile() + ": permission denied"
                : e.toString();
        return new MojoExecutionException(what + ": " + detail, e);
    }
}
