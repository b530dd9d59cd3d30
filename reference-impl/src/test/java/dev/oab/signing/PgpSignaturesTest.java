package dev.oab.signing;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PgpSignaturesTest {

    private static final char[] PASSPHRASE = "pgp passphrase".toCharArray();

    @TempDir
    Path temp;

    private Path file;
    private PgpSignatures.ArmoredKeyPair keys;

    @BeforeEach
    void setUp() throws Exception {
        file = temp.resolve("model.oab");
        Files.write(file, "bundle bytes\n".repeat(1000).getBytes(StandardCharsets.UTF_8));
        keys = PgpSignatures.generateKey("OAB Test <test@oab.dev>", PASSPHRASE, Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void roundTrip() throws Exception {
        byte[] asc = PgpSignatures.signDetached(file, keys.secretKey(), PASSPHRASE, Instant.now());
        String text = new String(asc, StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("-----BEGIN PGP SIGNATURE-----"), text);
        assertTrue(!text.contains("Version:"), "no implementation banner in the armor");
        PgpSignatures.verifyDetached(file, asc, keys.publicKey());
    }

    @Test
    void tamperedFileWrongKeyAndWrongPassphrase() throws Exception {
        byte[] asc = PgpSignatures.signDetached(file, keys.secretKey(), PASSPHRASE, Instant.now());
        PgpSignatures.ArmoredKeyPair other = PgpSignatures.generateKey("Other <o@example.org>", null, Instant.now());
        assertEquals(SignatureException.Reason.WRONG_KEY, assertThrows(SignatureException.class,
                () -> PgpSignatures.verifyDetached(file, asc, other.publicKey())).reason());
        Files.write(file, "bundle bytes, altered\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(SignatureException.Reason.BAD_SIGNATURE, assertThrows(SignatureException.class,
                () -> PgpSignatures.verifyDetached(file, asc, keys.publicKey())).reason());
        assertEquals(KeyException.Reason.WRONG_PASSPHRASE, assertThrows(KeyException.class,
                () -> PgpSignatures.signDetached(file, keys.secretKey(), "nope".toCharArray(), Instant.now())).reason());
        assertEquals(KeyException.Reason.PASSPHRASE_REQUIRED, assertThrows(KeyException.class,
                () -> PgpSignatures.signDetached(file, keys.secretKey(), null, Instant.now())).reason());
        assertEquals(KeyException.Reason.BAD_PGP_KEY, assertThrows(KeyException.class,
                () -> PgpSignatures.signDetached(file, keys.publicKey(), PASSPHRASE, Instant.now())).reason());
    }

    /** The point of the .asc: stock GnuPG accepts it, and rejects it for an altered file. */
    @Test
    void gpgVerifiesTheSignature() throws Exception {
        String gpg = findOnPath("gpg");
        if (gpg == null) {
            System.out.println("SKIPPED gpgVerifiesTheSignature: no 'gpg' on PATH (install gnupg to run it)");
            Assumptions.abort("gpg is not on PATH");
        }
        Path home = Files.createTempDirectory("oab-gpg");
        try {
            Path pub = temp.resolve("public.asc");
            Path asc = temp.resolve("model.oab.asc");
            Files.write(pub, keys.publicKey());
            Files.write(asc, PgpSignatures.signDetached(file, keys.secretKey(), PASSPHRASE, Instant.now()));

            assertEquals(0, run(home, gpg, "--batch", "--import", pub.toString()));
            assertEquals(0, run(home, gpg, "--batch", "--verify", asc.toString(), file.toString()));
            Files.write(file, "altered\n".getBytes(StandardCharsets.UTF_8));
            assertNotEquals(0, run(home, gpg, "--batch", "--verify", asc.toString(), file.toString()));
        } finally {
            String gpgconf = findOnPath("gpgconf");
            if (gpgconf != null) {
                run(home, gpgconf, "--kill", "all");
            }
            deleteTree(home);
        }
    }

    private static int run(Path home, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("GNUPGHOME", home.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "gpg timed out");
        System.out.println("$ " + String.join(" ", command) + "\n" + output);
        return process.exitValue();
    }

    private static String findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static void deleteTree(Path root) throws Exception {
        List<Path> paths = new ArrayList<>();
        try (var walk = Files.walk(root)) {
            walk.forEach(paths::add);
        }
        for (int i = paths.size() - 1; i >= 0; i--) {
            Files.deleteIfExists(paths.get(i));
        }
    }
}
