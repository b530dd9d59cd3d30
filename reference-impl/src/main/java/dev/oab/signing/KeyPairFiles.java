package dev.oab.signing;

import dev.oab.OabException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;

/**
 * The two files {@code oab keygen} writes for a prefix: {@code PREFIX.private.pem} (PKCS#8,
 * encrypted when a passphrase is given, owner-only permissions) and {@code PREFIX.public.pem}.
 * Existing files are never overwritten: losing a private key by accident is not recoverable.
 */
public final class KeyPairFiles {

    private final Path privateKey;
    private final Path publicKey;

    private KeyPairFiles(Path privateKey, Path publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    public static KeyPairFiles forPrefix(Path prefix) {
        String name = prefix.getFileName().toString();
        return new KeyPairFiles(prefix.resolveSibling(name + ".private.pem"), prefix.resolveSibling(name + ".public.pem"));
    }

    public Path privateKey() {
        return privateKey;
    }

    public Path publicKey() {
        return publicKey;
    }

    /** Writes both files; neither may exist yet. */
    public void write(KeyPair pair, char[] passphrase) throws OabException {
        for (Path p : new Path[] {privateKey, publicKey}) {
            if (Files.exists(p)) {
                throw new KeyException(KeyException.Reason.OUTPUT_EXISTS,
                        p + " already exists; choose another --out prefix or move the old key away first");
            }
        }
        EcCurve.of(pair.getPublic());
        writeNew(privateKey, PemKeys.privateKeyPem(pair.getPrivate(), passphrase), true);
        writeNew(publicKey, PublicKeyHint.canonicalPem(pair.getPublic()), false);
    }

    private static void writeNew(Path target, String text, boolean secret) throws OabException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            if (secret) {
                try {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // Not a POSIX file system (Windows): the user profile's ACLs apply instead.
                }
            }
            Files.write(temp, text.getBytes(StandardCharsets.US_ASCII));
            // A plain move refuses an existing target, so a key that appeared meanwhile survives.
            Files.move(temp, target.toAbsolutePath());
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
                    // Reporting the write failure matters more than a leftover temporary file.
                }
            }
        }
    }
}
