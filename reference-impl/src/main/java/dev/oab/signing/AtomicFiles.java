package dev.oab.signing;

import dev.oab.OabException;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes files whole or not at all: a temporary file beside the target, then a rename. */
final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * @param replace whether an existing target may be replaced; when false an existing target
     *     fails with {@link KeyException.Reason#OUTPUT_EXISTS} and is left untouched
     * @param ownerOnly restrict the file to its owner (private keys), where the file system can
     */
    static void write(Path target, byte[] bytes, boolean replace, boolean ownerOnly) throws OabException {
        Path absolute = target.toAbsolutePath();
        Path temp = null;
        try {
            Files.createDirectories(absolute.getParent());
            temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
            if (ownerOnly) {
                try {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // Not a POSIX file system (Windows): the user profile's ACLs apply instead.
                }
            }
            Files.write(temp, bytes);
            if (!replace) {
                // A plain move refuses an existing target, so a file that appeared meanwhile survives.
                Files.move(temp, absolute);
            } else {
                try {
                    Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            temp = null;
        } catch (FileAlreadyExistsException e) {
            throw new KeyException(KeyException.Reason.OUTPUT_EXISTS, target + " already exists; nothing was overwritten", e);
        } catch (IOException e) {
            throw new OabException(OabException.Category.IO, "cannot write " + target + ": " + e, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The write failure is what to report; a leftover temporary file is secondary.
                }
            }
        }
    }
}
