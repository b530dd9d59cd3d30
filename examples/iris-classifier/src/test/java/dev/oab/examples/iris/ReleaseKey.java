package dev.oab.examples.iris;

import dev.oab.signing.EcCurve;
import dev.oab.signing.KeyPairFiles;
import dev.oab.signing.PemKeys;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build helper, not part of the release: makes the example's signing key pair
 * ({@code PREFIX.private.pem}, {@code PREFIX.public.pem}) with the library that {@code oab keygen}
 * uses, unless it exists already, so every build of the example can sign without a committed
 * private key. A real team keeps its key outside the build and points {@code <signingKey>} or
 * {@code OAB_SIGNING_KEY} at it.
 */
public final class ReleaseKey {

    private ReleaseKey() {
    }

    public static void main(String[] args) throws Exception {
        KeyPairFiles files = KeyPairFiles.forPrefix(Path.of(args[0]));
        if (Files.exists(files.privateKey()) && Files.exists(files.publicKey())) {
            System.out.println("signing key " + files.privateKey() + " exists; using it");
            return;
        }
        Files.createDirectories(files.privateKey().toAbsolutePath().getParent());
        files.write(PemKeys.generate(EcCurve.P256), null);
        System.out.println("made signing key " + files.privateKey() + " (public key " + files.publicKey() + ")");
    }
}
