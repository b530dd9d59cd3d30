package dev.oab.signing;

import dev.oab.OabException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        AtomicFiles.write(privateKey, PemKeys.privateKeyPem(pair.getPrivate(), passphrase).getBytes(StandardCharsets.US_ASCII), false, true);
        AtomicFiles.write(publicKey, PublicKeyHint.canonicalPem(pair.getPublic()).getBytes(StandardCharsets.US_ASCII), false, false);
    }
}
