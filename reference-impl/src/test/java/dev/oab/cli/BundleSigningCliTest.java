package dev.oab.cli;

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

/** Signing bundles from the command line: pack --sign-key, sign --signer, verify --key/--name/--min-version. */
class BundleSigningCliTest {

    @TempDir
    Path tmp;

    private final Map<String, String> env = Map.of("OAB_KEY_PASSPHRASE", "correct horse");

    record Result(int code, String out, String err) {
    }

    private Result oab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = OabCommand.execute(args, new PrintWriter(out), new PrintWriter(err), env::get);
        return new Result(code, out.toString(), err.toString());
    }

    private Path bundle;

    @BeforeEach
    void packSigned() throws Exception {
        Path src = tmp.resolve("src");
        Files.createDirectories(src.resolve("model"));
        Files.writeString(src.resolve("oab.yaml"), "name: signed-model\nversion: \"1.2.0\"\nproducer: tests\nlicense: MIT\n");
        Files.writeString(src.resolve("model/w.safetensors"), "weights");
        assertEquals(0, oab("keygen", "--curve", "p256", "--out", tmp.resolve("producer").toString()).code());
        assertEquals(0, oab("keygen", "--curve", "p384", "--out", tmp.resolve("registry").toString()).code());
        bundle = tmp.resolve("signed.oab");
        Result packed = oab("pack", src.toString(), "-o", bundle.toString(), "--sign-key",
                tmp.resolve("producer.private.pem").toString(), "--timestamp", "2026-01-01T00:00:00Z");
        assertEquals(0, packed.code(), packed.err());
        assertTrue(packed.out().endsWith(", signed as 'producer')\n"), packed.out());
    }

    private String key(String who) {
        return tmp.resolve(who + ".public.pem").toString();
    }

    @Test
    void verifiesWithTheProducerKeyAndNamesTheSignature() {
        Result r = oab("verify", bundle.toString(), "--key", key("producer"));
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("verified signed-model 1.2.0: 1 files, 7 B; every size and SHA-256 matches oab.json\n"
                + "  signature 'producer': valid, key " + key("producer") + "\n", r.out());
    }

    @Test
    void untrustedKeyFailsWithExitOne() {
        Result r = oab("verify", bundle.toString(), "--key", key("registry"));
        assertEquals(1, r.code());
        assertTrue(r.out().contains(String.format("  %-32s %s", "signature.wrong-key", ".oab/signatures/producer.sig: ")),
                r.out());
        assertTrue(r.out().contains(String.format("  %-32s %s", "signature.none-trusted",
                "no embedded signature was made by a trusted signer")), r.out());
    }

    @Test
    void countersignatureByARegistryIsAcceptedBesideTheProducers() {
        Result signed = oab("sign", bundle.toString(), "--key", tmp.resolve("registry.private.pem").toString(),
                "--signer", "registry");
        assertEquals(0, signed.code(), signed.err());
        assertEquals("signed " + bundle + " as 'registry' (.oab/signatures/registry.sig)\n", signed.out());
        Result r = oab("verify", bundle.toString(), "--key", key("registry"), "--key", key("producer"));
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("  signature 'producer': valid, key " + key("producer") + "\n"
                + "  signature 'registry': valid, key " + key("registry") + "\n"), r.out());
    }

    @Test
    void wrongNameAndOlderVersionAreRefused() {
        Result name = oab("verify", bundle.toString(), "--key", key("producer"), "--name", "other-model");
        assertEquals(1, name.code());
        assertTrue(name.out().contains("the bundle is 'signed-model', not the required 'other-model'"), name.out());
        Result old = oab("verify", bundle.toString(), "--key", key("producer"), "--min-version", "1.10.0");
        assertEquals(1, old.code());
        assertTrue(old.out().contains("the bundle is version 1.2.0, older than the required 1.10.0 (a rollback?)"),
                old.out());
        assertEquals(0, oab("verify", bundle.toString(), "--key", key("producer"), "--name", "signed-model",
                "--min-version", "1.2.0").code());
    }

    @Test
    void unsignedBundleFailsWhenAKeyIsRequired() throws Exception {
        Path src = tmp.resolve("src");
        Path unsigned = tmp.resolve("unsigned.oab");
        assertEquals(0, oab("pack", src.toString(), "-o", unsigned.toString()).code());
        Result r = oab("verify", unsigned.toString(), "--key", key("producer"));
        assertEquals(1, r.code());
        assertTrue(r.out().contains("the bundle carries no signature, and a trusted signer was required"), r.out());
        assertEquals(0, oab("verify", unsigned.toString()).code());
    }

    @Test
    void openPgpSignatureBesideTheBundle() throws Exception {
        assertEquals(0, oab("keygen", "--pgp-user-id", "Producer <p@example.org>", "--out",
                tmp.resolve("pgp").toString()).code());
        Result signed = oab("sign", bundle.toString(), "--pgp-key", tmp.resolve("pgp.secret.asc").toString());
        assertEquals(0, signed.code(), signed.err());
        assertTrue(Files.exists(tmp.resolve("signed.oab.asc")));
        Result r = oab("verify", bundle.toString(), "--key", key("producer"), "--pgp-key",
                tmp.resolve("pgp.public.asc").toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().endsWith("  OpenPGP signature signed.oab.asc: valid\n"), r.out());
    }

    @Test
    void aPublicKeyCannotSign() {
        Result r = oab("sign", bundle.toString(), "--key", key("registry"), "--signer", "registry");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("oab sign: error: "), r.err());
    }
}
