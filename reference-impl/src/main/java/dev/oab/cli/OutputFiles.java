package dev.oab.cli;

import dev.oab.OabException;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes the files commands produce (reports, badges, mof.yml) so that a failure leaves no partial file. */
final class OutputFiles {

    private OutputFiles() {
    }

    /**
     * Writes {@code bytes} to {@code output} atomically, or prints them to {@code out} when no
     * output file was given. Returns whether a file was written.
     */
    static boolean writeOrPrint(Path output, byte[] bytes, java.io.PrintWriter out) throws OabException {
        if (output == null) {
            out.print(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            out.flush();
            return false;
        }
        writeAtomically(output, bytes);
        return true;
    }

    /** Writes to a temporary file beside the target and renames it over the target. */
    static void writeAtomically(Path target, byte[] bytes) throws OabException {
        Path absolute = target.toAbsolutePath();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
            Files.write(temporary, bytes);
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new OabException(OabException.Category.IO, target + ": cannot write: " + e.getMessage(), e);
        }
    }
}
