package dev.oab.signing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oab.json.JsonDocumentException;
import dev.oab.json.StrictJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Altered copies of a real OMS vector fail, each with its own exact cause. */
class TamperTest {

    @TempDir
    Path temp;

    private Path model;
    private Path sig;
    private PublicKey referenceKey;
    private PrivateKey referencePrivateKey;

    @BeforeEach
    void copyVector() throws Exception {
        model = Vectors.copy(Vectors.reference().resolve("v1.1.0-elliptic-key"), temp.resolve("model"));
        sig = model.resolve("model.sig");
        referenceKey = PemKeys.readPublicKey(Vectors.referenceKey("signing-key-pub.pem"));
        referencePrivateKey = PemKeys.readPrivateKey(Vectors.referenceKey("signing-key.pem"), null);
    }

    private ResourceManifest verify() throws Exception {
        return new DirectoryVerifier(SignatureVerifier.forPublicKey(referenceKey)).verify(model, sig, List.of());
    }

    private SignatureException failure() {
        return assertThrows(SignatureException.class, this::verify);
    }

    @Test
    void untouchedCopyVerifies() throws Exception {
        assertEquals(2, verify().size());
    }

    @Test
    void changedFileByte() throws Exception {
        byte[] content = Files.readAllBytes(model.resolve("signme-2"));
        content[0] ^= 1;
        Files.write(model.resolve("signme-2"), content);
        SignatureException e = failure();
        assertEquals(SignatureException.Reason.FILE_CHANGED, e.reason());
        assertEquals("signme-2", e.path().orElseThrow());
    }

    @Test
    void addedFile() throws Exception {
        Files.createDirectories(model.resolve("sub"));
        Files.write(model.resolve("sub/added.bin"), new byte[] {1});
        SignatureException e = failure();
        assertEquals(SignatureException.Reason.FILE_EXTRA, e.reason());
        assertEquals("sub/added.bin", e.path().orElseThrow());
    }

    @Test
    void removedFile() throws Exception {
        Files.delete(model.resolve("signme-1"));
        SignatureException e = failure();
        assertEquals(SignatureException.Reason.FILE_MISSING, e.reason());
        assertEquals("signme-1", e.path().orElseThrow());
    }

    @Test
    void flippedSignatureByte() throws Exception {
        String text = Files.readString(sig);
        String b64 = envelope().get("signatures").get(0).get("sig").textValue();
        byte[] raw = Base64.getDecoder().decode(b64);
        raw[raw.length - 3] ^= 0x01;
        Files.writeString(sig, text.replace(b64, Base64.getEncoder().encodeToString(raw)));
        assertEquals(SignatureException.Reason.BAD_SIGNATURE, failure().reason());
    }

    @Test
    void payloadAlteredWithoutResigning() throws Exception {
        String payload = payload();
        String altered = payload.replace("bc9a717db6064a32cbe9eae6fc40651dd6d36ef1757183f590eff2b1765d7ebc",
                "0000000000000000000000000000000000000000000000000000000000000000");
        assertTrue(!altered.equals(payload));
        String text = Files.readString(sig);
        Files.writeString(sig, text.replace(encodedPayload(), b64(altered)));
        assertEquals(SignatureException.Reason.BAD_SIGNATURE, failure().reason());
    }

    @Test
    void resourceListAlteredAndResignedWithAnotherKey() throws Exception {
        // An attacker drops signme-2 from the list and signs with their own key.
        String altered = payload().replaceFirst(
                ",\\s*\\{\\s*\"algorithm\": \"sha256\",\\s*\"name\": \"signme-2\",[^}]*}", "");
        assertTrue(!altered.contains("signme-2"));
        KeyPair attacker = PemKeys.generate(EcCurve.P384);
        Files.write(sig, bundle(altered, attacker.getPrivate(), PublicKeyHint.of(attacker.getPublic())));
        assertEquals(SignatureException.Reason.WRONG_KEY, failure().reason());
        // Claiming the genuine key's hint does not help: the signature itself is checked.
        Files.write(sig, bundle(altered, attacker.getPrivate(), PublicKeyHint.of(referenceKey)));
        assertEquals(SignatureException.Reason.BAD_SIGNATURE, failure().reason());
    }

    @Test
    void subjectDigestChangedEvenWhenProperlySigned() throws Exception {
        String altered = payload().replace("92745110b1ab4368471cbe31664e10174e954b113a3df333db860317b2c6dec4",
                "92745110b1ab4368471cbe31664e10174e954b113a3df333db860317b2c6dec5");
        Files.write(sig, bundle(altered, referencePrivateKey, PublicKeyHint.of(referenceKey)));
        assertEquals(SignatureException.Reason.ROOT_DIGEST_MISMATCH, failure().reason());
    }

    @Test
    void wrongKey() throws Exception {
        PublicKey other = PemKeys.generate(EcCurve.P384).getPublic();
        SignatureException e = assertThrows(SignatureException.class, () ->
                new DirectoryVerifier(SignatureVerifier.forPublicKey(other)).verify(model, sig, List.of()));
        assertEquals(SignatureException.Reason.WRONG_KEY, e.reason());
        assertTrue(e.getMessage().contains("e8450dec4eb99dae995da9af1bc2cc9f76ed669ee2e744f57abba763df3e3f8e"));
    }

    @Test
    void statementTypeChecksAfterAValidSignature() throws Exception {
        String hint = PublicKeyHint.of(referenceKey);
        String original = payload();
        Files.write(sig, bundle(original.replace("https://in-toto.io/Statement/v1", "https://in-toto.io/Statement/v0.1"),
                referencePrivateKey, hint));
        assertEquals(SignatureException.Reason.STATEMENT_TYPE, failure().reason());
        Files.write(sig, bundle(original.replace("https://model_signing/signature/v1.0", "https://example.com/other/v1"),
                referencePrivateKey, hint));
        assertEquals(SignatureException.Reason.PREDICATE_TYPE, failure().reason());
        byte[] payload = original.getBytes(StandardCharsets.UTF_8);
        byte[] signature = Ecdsa.sign(referencePrivateKey, DsseEnvelope.pae("application/json", payload));
        Files.write(sig, SigstoreBundle.withPublicKeyHint(hint, new DsseEnvelope("application/json", payload, signature)).toJson());
        assertEquals(SignatureException.Reason.PAYLOAD_TYPE, failure().reason());
    }

    @Test
    void legacyV02EncodingIsRefusedForAV10Statement() throws Exception {
        // The v0.2.0 "pae_compat" signature (Python repr, SHA-256) is valid here, but only the
        // deprecated v0.2 predicate may use it.
        byte[] payload = payload().getBytes(StandardCharsets.UTF_8);
        java.security.Signature ecdsa = java.security.Signature.getInstance("SHA256withECDSA", Providers.BC);
        ecdsa.initSign(referencePrivateKey);
        ecdsa.update(DsseEnvelope.paeCompatV02(DsseEnvelope.IN_TOTO_PAYLOAD_TYPE, payload));
        Files.write(sig, SigstoreBundle.withPublicKeyHint(PublicKeyHint.of(referenceKey),
                new DsseEnvelope(DsseEnvelope.IN_TOTO_PAYLOAD_TYPE, payload, ecdsa.sign())).toJson());
        assertEquals(SignatureException.Reason.BAD_SIGNATURE, failure().reason());
    }

    @Test
    void urlSafeUnpaddedBase64IsAccepted() throws Exception {
        String text = Files.readString(sig);
        String sigB64 = envelope().get("signatures").get(0).get("sig").textValue();
        byte[] sigRaw = Base64.getDecoder().decode(sigB64);
        byte[] payloadRaw = Base64.getDecoder().decode(encodedPayload());
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        Files.writeString(sig, text.replace(sigB64, url.encodeToString(sigRaw))
                .replace(encodedPayload(), url.encodeToString(payloadRaw)));
        assertEquals(2, verify().size());
    }

    @Test
    void bothResourceOrdersAreAccepted() throws Exception {
        ResourceManifest manifest = verify();
        List<Resource> reversed = List.of(manifest.resources().get(1), manifest.resources().get(0));
        for (byte[] root : List.of(ResourceManifest.rootDigest(reversed), manifest.rootDigest())) {
            String statement = "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"m\",\"digest\":{\"sha256\":\""
                    + org.bouncycastle.util.encoders.Hex.toHexString(root) + "\"}}],"
                    + "\"predicateType\":\"https://model_signing/signature/v1.0\",\"predicate\":{\"resources\":["
                    + resourceJson(reversed.get(0)) + "," + resourceJson(reversed.get(1)) + "],"
                    + "\"serialization\":{\"method\":\"files\",\"hash_type\":\"sha256\",\"allow_symlinks\":false,"
                    + "\"ignore_paths\":[\"model.sig\",\"ignore-me\"]}}}";
            Files.write(sig, bundle(statement, referencePrivateKey, PublicKeyHint.of(referenceKey)));
            assertEquals(manifest, verify());
        }
    }

    @Test
    void recordedIgnorePathsAreHonouredAndNonRelativeOnesSkipped() throws Exception {
        Files.writeString(model.resolve("ignore-me"), "changed, but excluded by the signer");
        String statement = payload().replace("\"model.sig\"", "\"/elsewhere/model.sig\"");
        Files.write(sig, bundle(statement, referencePrivateKey, PublicKeyHint.of(referenceKey)));
        // model.sig is still skipped: the verifier always leaves out the signature it reads.
        assertEquals(2, verify().size());
    }

    @Test
    void duplicateJsonKeysAreRefused() throws Exception {
        String text = Files.readString(sig);
        Files.writeString(sig, text.replaceFirst("\"mediaType\"", "\"mediaType\": \"x\", \"mediaType\""));
        assertThrows(JsonDocumentException.class, this::verify);
    }

    @Test
    void keyBundleGivenToACertificateVerifier() throws Exception {
        SignatureException e = assertThrows(SignatureException.class, () ->
                new DirectoryVerifier(SignatureVerifier.forTrustAnchors(PemKeys.readCertificates(
                        Vectors.referenceKey("ca-cert.pem")))).verify(model, sig, List.of()));
        assertEquals(SignatureException.Reason.METHOD_MISMATCH, e.reason());
    }

    @Test
    void certificateVectorAgainstAnotherCaIsUntrusted() throws Exception {
        KeyPair caKeys = PemKeys.generate(EcCurve.P256);
        Path dir = Vectors.reference().resolve("v1.1.0-certificate");
        SignatureException e = assertThrows(SignatureException.class, () ->
                new DirectoryVerifier(SignatureVerifier.forTrustAnchors(List.of(TestKeys.ca("other-ca", caKeys, caKeys, null))))
                        .verify(dir, dir.resolve("model.sig"), List.of()));
        assertEquals(SignatureException.Reason.UNTRUSTED_CERTIFICATE, e.reason());
    }

    private static String resourceJson(Resource r) {
        return "{\"name\":\"" + r.path() + "\",\"digest\":\"" + r.sha256Hex() + "\",\"algorithm\":\"sha256\"}";
    }

    private static byte[] bundle(String statement, PrivateKey key, String hint) throws Exception {
        byte[] payload = statement.getBytes(StandardCharsets.UTF_8);
        byte[] signature = Ecdsa.sign(key, DsseEnvelope.pae(DsseEnvelope.IN_TOTO_PAYLOAD_TYPE, payload));
        return SigstoreBundle.withPublicKeyHint(hint,
                new DsseEnvelope(DsseEnvelope.IN_TOTO_PAYLOAD_TYPE, payload, signature)).toJson();
    }

    private JsonNode envelope() throws Exception {
        return StrictJson.parse(Files.readAllBytes(sig), "model.sig").get("dsseEnvelope");
    }

    private String encodedPayload() throws Exception {
        return envelope().get("payload").textValue();
    }

    private String payload() throws Exception {
        return new String(Base64.getDecoder().decode(encodedPayload()), StandardCharsets.UTF_8);
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
