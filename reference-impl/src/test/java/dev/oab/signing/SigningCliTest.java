package dev.oab.signing;

import dev.oab.cli.KeygenCommand;
import dev.oab.cli.SignCommand;
import dev.oab.cli.SignatureVerifyCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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

    private int run(Object command, String... args) {
        CommandLine cli = new CommandLine(command);
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(out, true));
        return cli.execute(args);
    }

    private static Map<String, String> passphrase(String value) {
        return Map.of("OAB_KEY_PASSPHRASE", value);
    }

    @Test
    void keygenSignVerifyWithEncryptedKey() throws Exception {
        Map<String, String> env = passphrase("s3cret");
        assertEquals(0, run(new KeygenCommand(env::get), "--curve", "p384", "--out", temp.resolve("k").toString()));
        assertTrue(Files.readString(temp.resolve("k.private.pem")).contains("ENCRYPTED PRIVATE KEY"));

        assertEquals(0, run(new SignCommand(env::get), model.toString(), "--key", temp.resolve("k.private.pem").toString()));
        assertTrue(Files.exists(model.resolve("model.sig")));
        assertEquals(0, run(new SignatureVerifyCommand(), model.toString(), "--key", temp.resolve("k.public.pem").toString()));
        assertTrue(out.toString().contains("verified 2 files"), out.toString());

        Files.writeString(model.resolve("extra.txt"), "x");
        assertEquals(1, run(new SignatureVerifyCommand(), model.toString(), "--key", temp.resolve("k.public.pem").toString()));
        assertTrue(err.toString().contains("extra file: extra.txt"), err.toString());
    }

    @Test
    void usageErrorsExitWithTwo() throws Exception {
        Map<String, String> none = Map.of();
        assertEquals(0, run(new KeygenCommand(none::get), "--out", temp.resolve("k").toString()));
        // Unknown curve, missing required option, an existing key, a public key used to sign.
        assertEquals(2, run(new KeygenCommand(none::get), "--curve", "p192", "--out", temp.resolve("x").toString()));
        assertEquals(2, run(new KeygenCommand(none::get)));
        assertEquals(2, run(new KeygenCommand(none::get), "--out", temp.resolve("k").toString()));
        assertEquals(2, run(new SignCommand(none::get), model.toString(), "--key", temp.resolve("k.public.pem").toString()));
        assertTrue(err.toString().contains("needs the private key"), err.toString());
        // Both --key and --pgp-key, or neither.
        assertEquals(2, run(new SignCommand(none::get), model.toString()));
        assertEquals(2, run(new SignatureVerifyCommand(), model.toString(), "--key", "a.pem", "--cert-chain", "b.pem"));
    }

    @Test
    void wrongPassphraseIsAUsageError() throws Exception {
        Map<String, String> right = passphrase("right");
        Map<String, String> wrong = passphrase("wrong");
        assertEquals(0, run(new KeygenCommand(right::get), "--curve", "p256", "--out", temp.resolve("k").toString()));
        assertEquals(2, run(new SignCommand(wrong::get), model.toString(), "--key", temp.resolve("k.private.pem").toString()));
        assertTrue(err.toString().contains("passphrase does not decrypt"), err.toString());
    }

    @Test
    void verifiesReferenceCertificateVectorWithCaFile() {
        Path dir = Vectors.reference().resolve("v1.1.0-certificate");
        assertEquals(0, run(new SignatureVerifyCommand(), dir.toString(), "--cert-chain",
                Vectors.referenceKey("ca-cert.pem").toString()));
        assertEquals(0, run(new SignatureVerifyCommand(), Vectors.reference().resolve("v1.0.1-elliptic-key").toString(),
                "--key", Vectors.referenceKey("signing-key-pub.pem").toString(), "--ignore-paths", "ignore-me"));
    }

    @Test
    void pgpSignAndVerifyOneFile() throws Exception {
        Map<String, String> env = passphrase("pgp");
        assertEquals(0, run(new KeygenCommand(env::get), "--pgp-user-id", "T <t@example.org>", "--out", temp.resolve("p").toString()));
        Path file = model.resolve("weights.bin");
        assertEquals(0, run(new SignCommand(env::get), file.toString(), "--pgp-key", temp.resolve("p.secret.asc").toString()));
        assertEquals(0, run(new SignatureVerifyCommand(), file.toString(), "--pgp-key", temp.resolve("p.public.asc").toString()));
        Files.writeString(file, "other weights");
        assertEquals(1, run(new SignatureVerifyCommand(), file.toString(), "--pgp-key", temp.resolve("p.public.asc").toString()));
    }

    @Test
    void missingSignatureFileIsAUsageError() {
        assertEquals(2, run(new SignatureVerifyCommand(), model.toString(), "--key",
                Vectors.referenceKey("signing-key-pub.pem").toString()));
        assertTrue(err.toString().contains("does not exist"), err.toString());
    }
}
