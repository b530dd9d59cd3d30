package dev.oab.cli;

import dev.oab.signing.Vectors;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sign, keygen and verify command classes: exit codes 0/1/2/3 and messages. */
class SigningCliTest {

    @TempDir
    Path temp;

    private Path model;
    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    @BeforeEach
    void makeModel() throws Exception {
        model = Files.createDirectories(temp.resolve("model"));
        Files.writeString(model.resolve("weights.bin"), "weights");
        Files.writeString(model.resolve("config.json"), "{}");
    }

    private int run(Map<String, String> env, String command, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        return OabCommand.execute(all, new PrintWriter(out, true), new PrintWriter(err, true), env::get);
    }

    private static Map<String, String> passphrase(String value) {
        return Map.of("OAB_KEY_PASSPHRASE", value);
    }

    @Test
    void keygenSignVerifyWithEncryptedKey() throws Exception {
        Map<String, String> env = passphrase("s3cret");
        assertEquals(0, run(env, "keygen", "--curve", "p384", "--out", temp.resolve("k").toString()));
        assertTrue(Files.readString(temp.resolve("k.private.pem")).contains("ENCRYPTED PRIVATE KEY"));

        assertEquals(0, run(env, "sign", model.toString(), "--key", temp.resolve("k.private.pem").toString()));
        assertTrue(Files.exists(model.resolve("model.sig")));
        assertEquals(0, run(Map.of(), "verify", model.toString(), "--key", temp.resolve("k.public.pem").toString()));
        assertTrue(out.toString().contains("verified 2 files"), out.toString());

        Files.writeString(model.resolve("extra.txt"), "x");
        assertEquals(1, run(Map.of(), "verify", model.toString(), "--key", temp.resolve("k.public.pem").toString()));
        assertTrue(err.toString().contains("extra file: extra.txt"), err.toString());
    }

    @Test
    void usageErrorsExitWithTwo() throws Exception {
        Map<String, String> none = Map.of();
        assertEquals(0, run(none, "keygen", "--out", temp.resolve("k").toString()));
        // Unknown curve, missing required option, an existing key, a public key used to sign.
        assertEquals(2, run(none, "keygen", "--curve", "p192", "--out", temp.resolve("x").toString()));
        assertEquals(2, run(none, "keygen"));
        assertEquals(2, run(none, "keygen", "--out", temp.resolve("k").toString()));
        assertEquals(2, run(none, "sign", model.toString(), "--key", temp.resolve("k.public.pem").toString()));
        assertTrue(err.toString().contains("needs the private key"), err.toString());
        // Both --key and --pgp-key, or neither.
        assertEquals(2, run(none, "sign", model.toString()));
        assertEquals(2, run(Map.of(), "verify", model.toString(), "--key", "a.pem", "--cert-chain", "b.pem"));
    }

    @Test
    void wrongPassphraseIsAUsageError() throws Exception {
        Map<String, String> right = passphrase("right");
        Map<String, String> wrong = passphrase("wrong");
        assertEquals(0, run(right, "keygen", "--curve", "p256", "--out", temp.resolve("k").toString()));
        assertEquals(2, run(wrong, "sign", model.toString(), "--key", temp.resolve("k.private.pem").toString()));
        assertTrue(err.toString().contains("passphrase does not decrypt"), err.toString());
    }

    @Test
    void verifiesReferenceCertificateVectorWithCaFile() {
        Path dir = Vectors.reference().resolve("v1.1.0-certificate");
        assertEquals(0, run(Map.of(), "verify", dir.toString(), "--cert-chain",
                Vectors.referenceKey("ca-cert.pem").toString()));
        assertEquals(0, run(Map.of(), "verify", Vectors.reference().resolve("v1.0.1-elliptic-key").toString(),
                "--key", Vectors.referenceKey("signing-key-pub.pem").toString(), "--ignore-paths", "ignore-me"));
    }

    @Test
    void pgpSignAndVerifyOneFile() throws Exception {
        Map<String, String> env = passphrase("pgp");
        assertEquals(0, run(env, "keygen", "--pgp-user-id", "T <t@example.org>", "--out", temp.resolve("p").toString()));
        Path file = model.resolve("weights.bin");
        assertEquals(0, run(env, "sign", file.toString(), "--pgp-key", temp.resolve("p.secret.asc").toString()));
        assertEquals(0, run(Map.of(), "verify", file.toString(), "--pgp-key", temp.resolve("p.public.asc").toString()));
        Files.writeString(file, "other weights");
        assertEquals(1, run(Map.of(), "verify", file.toString(), "--pgp-key", temp.resolve("p.public.asc").toString()));
    }

    @Test
    void missingSignatureFileIsAUsageError() {
        assertEquals(2, run(Map.of(), "verify", model.toString(), "--key",
                Vectors.referenceKey("signing-key-pub.pem").toString()));
        assertTrue(err.toString().contains("does not exist"), err.toString());
    }
}
