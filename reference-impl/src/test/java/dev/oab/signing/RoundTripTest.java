package dev.oab.signing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oab.OabException;
import dev.oab.json.StrictJson;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign with OAB, verify with OAB (and the JDK's ECDSA), for every curve and both methods. */
class RoundTripTest {

    @TempDir
    Path temp;

    private Path model;

    @BeforeEach
    void makeModel() throws Exception {
        model = temp.resolve("my-model");
        Files.createDirectories(model.resolve("weights/shard"));
        Files.createDirectories(model.resolve(".git/objects"));
        Files.createDirectories(model.resolve("cache"));
        Files.writeString(model.resolve("config.json"), "{\"layers\": 2}\n");
        Files.write(model.resolve("weights/shard/model-00001.safetensors"), new byte[300_000]);
        Files.writeString(model.resolve("weights/é.txt"), "non-ASCII name\n");
        Files.writeString(model.resolve("README.md"), "# model\n");
        Files.writeString(model.resolve(".git/objects/ab"), "git internals are never signed\n");
        Files.writeString(model.resolve(".gitignore"), "cache/\n");
        Files.writeString(model.resolve("cache/tmp.bin"), "scratch\n");
    }

    @ParameterizedTest
    @EnumSource(EcCurve.class)
    void keyMethodRoundTripOnEveryCurve(EcCurve curve) throws Exception {
        KeyPair keys = PemKeys.generate(curve);
        Path sig = model.resolve("model.sig");
        SigstoreBundle bundle = new DirectorySigner(ModelSigner.withKey(keys.getPrivate())).sign(model, sig, List.of("cache"));
        assertEquals(PublicKeyHint.of(keys.getPublic()), bundle.publicKeyHint().orElseThrow());

        ResourceManifest verified = new DirectoryVerifier(SignatureVerifier.forPublicKey(keys.getPublic())).verify(model, sig, List.of());
        assertEquals(List.of("README.md", "config.json", "weights/shard/model-00001.safetensors", "weights/é.txt"),
                ReferenceVectorsTest.paths(verified));

        // The signature is plain ECDSA over the DSSE PAE with the curve's hash: the JDK agrees.
        String jdkAlgorithm = curve == EcCurve.P256 ? "SHA256withECDSA" : curve == EcCurve.P384 ? "SHA384withECDSA" : "SHA512withECDSA";
        Signature jdk = Signature.getInstance(jdkAlgorithm);
        jdk.initVerify(keys.getPublic());
        jdk.update(DsseEnvelope.pae(DsseEnvelope.IN_TOTO_PAYLOAD_TYPE, bundle.envelope().payload()));
        assertTrue(jdk.verify(bundle.envelope().signature()));
    }

    @Test
    void signingIsDeterministic() throws Exception {
        KeyPair keys = PemKeys.generate(EcCurve.P384);
        DirectorySigner signer = new DirectorySigner(ModelSigner.withKey(keys.getPrivate()));
        Path first = temp.resolve("first.sig");
        Path second = temp.resolve("second.sig");
        signer.sign(model, first, List.of("cache"));
        signer.sign(model, second, List.of("cache"));
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        // Single-threaded hashing gives the same bytes too: parallelism never leaks into the output.
        Path third = temp.resolve("third.sig");
        new DirectorySigner(ModelSigner.withKey(keys.getPrivate()), new ModelHasher(1)).sign(model, third, List.of("cache"));
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(third));
    }

    @Test
    void statementLayoutIsTheOmsOne() throws Exception {
        KeyPair keys = PemKeys.generate(EcCurve.P256);
        Path sig = model.resolve("model.sig");
        SigstoreBundle bundle = new DirectorySigner(ModelSigner.withKey(keys.getPrivate())).sign(model, sig, List.of("cache/"));
        JsonNode root = StrictJson.parse(Files.readAllBytes(sig), "model.sig");
        assertEquals(SigstoreBundle.MEDIA_TYPE, root.get("mediaType").textValue());
        assertEquals(DsseEnvelope.IN_TOTO_PAYLOAD_TYPE, root.get("dsseEnvelope").get("payloadType").textValue());
        JsonNode statement = StrictJson.parse(Base64.getDecoder().decode(root.get("dsseEnvelope").get("payload").textValue()), "payload");
        assertEquals("my-model", statement.get("subject").get(0).get("name").textValue());
        JsonNode serialization = statement.get("predicate").get("serialization");
        assertEquals("{\"method\":\"files\",\"hash_type\":\"sha256\",\"allow_symlinks\":false,"
                + "\"ignore_paths\":[\".git\",\".gitattributes\",\".github\",\".gitignore\",\"cache\",\"model.sig\"]}",
                serialization.toString());
        List<String> fieldOrder = new ArrayList<>();
        statement.fieldNames().forEachRemaining(fieldOrder::add);
        assertEquals(List.of("_type", "subject", "predicateType", "predicate"), fieldOrder);
        assertArrayEquals(Statement.parse(bundle.envelope().payload()).rootDigest(),
                Statement.parse(bundle.envelope().payload()).manifest().rootDigest());
    }

    @Test
    void certificateMethodRoundTripWithIntermediate() throws Exception {
        KeyPair rootKeys = PemKeys.generate(EcCurve.P384);
        KeyPair intermediateKeys = PemKeys.generate(EcCurve.P256);
        KeyPair signerKeys = PemKeys.generate(EcCurve.P256);
        X509Certificate root = TestKeys.ca("test-root", rootKeys, rootKeys, null);
        X509Certificate intermediate = TestKeys.ca("test-intermediate", intermediateKeys, rootKeys, root);
        X509Certificate leaf = TestKeys.codeSigningLeaf("model-team", signerKeys.getPublic(), intermediateKeys, intermediate);

        Path sig = temp.resolve("model.sig");
        ModelSigner signer = ModelSigner.withCertificate(signerKeys.getPrivate(), List.of(leaf, intermediate));
        SigstoreBundle bundle = new DirectorySigner(signer).sign(model, sig, List.of("cache"));
        assertEquals(SigstoreBundle.Material.CERTIFICATE_CHAIN, bundle.material());
        assertEquals(2, bundle.certificates().size());

        ResourceManifest verified = new DirectoryVerifier(SignatureVerifier.forTrustAnchors(List.of(root))).verify(model, sig, List.of("cache"));
        assertEquals(4, verified.size());

        // The same chain is not trusted after it expired, nor under another root.
        SignatureException late = assertThrows(SignatureException.class, () ->
                SignatureVerifier.forTrustAnchors(List.of(root)).atTime(Instant.now().plus(60, ChronoUnit.DAYS))
                        .verify(Files.readAllBytes(sig)));
        assertEquals(SignatureException.Reason.UNTRUSTED_CERTIFICATE, late.reason());
        assertTrue(late.getMessage().contains("checked at"));
        assertEquals(SignatureException.Reason.UNTRUSTED_CERTIFICATE, assertThrows(SignatureException.class, () ->
                SignatureVerifier.forTrustAnchors(List.of(unrelatedRoot()))
                        .verify(Files.readAllBytes(sig))).reason());
    }

    private static X509Certificate unrelatedRoot() throws Exception {
        KeyPair keys = PemKeys.generate(EcCurve.P256);
        return TestKeys.ca("unrelated-root", keys, keys, null);
    }

    @Test
    void certificateWithoutSigningUsageIsRefused() throws Exception {
        KeyPair caKeys = PemKeys.generate(EcCurve.P256);
        KeyPair signerKeys = PemKeys.generate(EcCurve.P256);
        X509Certificate ca = TestKeys.ca("ca", caKeys, caKeys, null);
        Instant now = Instant.now();
        List<X509Certificate> badLeaves = List.of(
                TestKeys.leaf("encipher-only", signerKeys.getPublic(), caKeys, ca, KeyUsage.keyEncipherment, null,
                        now.minusSeconds(60), now.plusSeconds(3600)),
                TestKeys.leaf("server-auth", signerKeys.getPublic(), caKeys, ca, null, KeyPurposeId.id_kp_serverAuth,
                        now.minusSeconds(60), now.plusSeconds(3600)),
                TestKeys.leaf("no-usage", signerKeys.getPublic(), caKeys, ca, null, null,
                        now.minusSeconds(60), now.plusSeconds(3600)));
        for (X509Certificate leaf : badLeaves) {
            Statement statement = new DirectorySigner(ModelSigner.withKey(signerKeys.getPrivate()))
                    .statementFor(model, temp.resolve("x.sig"), List.of("cache"));
            byte[] bundle = ModelSigner.withCertificate(signerKeys.getPrivate(), List.of(leaf)).sign(statement).toJson();
            SignatureException e = assertThrows(SignatureException.class,
                    () -> SignatureVerifier.forTrustAnchors(List.of(ca)).verify(bundle));
            assertEquals(SignatureException.Reason.CERTIFICATE_USAGE, e.reason(), leaf.getSubjectX500Principal().getName());
        }
    }

    @Test
    void certificateMustBelongToTheKey() throws Exception {
        KeyPair caKeys = PemKeys.generate(EcCurve.P256);
        X509Certificate ca = TestKeys.ca("ca", caKeys, caKeys, null);
        X509Certificate leaf = TestKeys.codeSigningLeaf("someone-else", PemKeys.generate(EcCurve.P256).getPublic(), caKeys, ca);
        KeyException e = assertThrows(KeyException.class,
                () -> ModelSigner.withCertificate(PemKeys.generate(EcCurve.P256).getPrivate(), List.of(leaf)));
        assertEquals(KeyException.Reason.KEY_MISMATCH, e.reason());
    }

    @Test
    void singleFileModel() throws Exception {
        KeyPair keys = PemKeys.generate(EcCurve.P256);
        Path file = model.resolve("config.json");
        Path sig = temp.resolve("config.json.sig");
        new DirectorySigner(ModelSigner.withKey(keys.getPrivate())).sign(file, sig, List.of());
        ResourceManifest verified = new DirectoryVerifier(SignatureVerifier.forPublicKey(keys.getPublic())).verify(file, sig, List.of());
        assertEquals(List.of("config.json"), ReferenceVectorsTest.paths(verified));
        Files.writeString(file, "{\"layers\": 3}\n");
        SignatureException e = assertThrows(SignatureException.class, () ->
                new DirectoryVerifier(SignatureVerifier.forPublicKey(keys.getPublic())).verify(file, sig, List.of()));
        assertEquals(SignatureException.Reason.FILE_CHANGED, e.reason());
    }

    @Test
    void symlinksAreRefusedWhenSigningAndVerifying() throws Exception {
        KeyPair keys = PemKeys.generate(EcCurve.P256);
        Path sig = temp.resolve("model.sig");
        new DirectorySigner(ModelSigner.withKey(keys.getPrivate())).sign(model, sig, List.of("cache"));
        Files.createSymbolicLink(model.resolve("link.json"), model.resolve("config.json"));

        SignatureException verifying = assertThrows(SignatureException.class, () ->
                new DirectoryVerifier(SignatureVerifier.forPublicKey(keys.getPublic())).verify(model, sig, List.of("cache")));
        assertEquals(SignatureException.Reason.UNSUPPORTED_FILE, verifying.reason());
        assertEquals("link.json", verifying.path().orElseThrow());

        OabException signing = assertThrows(OabException.class, () ->
                new DirectorySigner(ModelSigner.withKey(keys.getPrivate())).sign(model, sig, List.of("cache")));
        assertEquals(OabException.Category.BAD_REQUEST, signing.category());
        assertTrue(signing.getMessage().contains("link.json"));
    }

    @Test
    void emptyModelAndBadIgnorePathsAreUsageErrors() throws Exception {
        KeyPair keys = PemKeys.generate(EcCurve.P256);
        DirectorySigner signer = new DirectorySigner(ModelSigner.withKey(keys.getPrivate()));
        Path empty = Files.createDirectories(temp.resolve("empty"));
        Files.writeString(empty.resolve(".gitattributes"), "* text\n");
        assertEquals(OabException.Category.BAD_REQUEST, assertThrows(OabException.class,
                () -> signer.sign(empty, temp.resolve("e.sig"), List.of())).category());
        for (String bad : List.of("/abs", "../up", "*.bin", "a/../b")) {
            assertEquals(OabException.Category.BAD_REQUEST, assertThrows(OabException.class,
                    () -> signer.sign(model, temp.resolve("b.sig"), List.of(bad))).category(), bad);
        }
    }

    @Test
    void resourcesSortByUtf8BytesNotUtf16() {
        byte[] d = new byte[32];
        // U+FF5E (3 UTF-8 bytes, EF BD 9E) sorts before U+1F600 (F0 9F 98 80) by bytes,
        // but after it by Java's UTF-16 String order (surrogate D83D < FF5E).
        ResourceManifest m = ResourceManifest.of(List.of(new Resource("\uD83D\uDE00", d), new Resource("\uFF5E", d), new Resource("a", d)));
        assertEquals(List.of("a", "\uFF5E", "\uD83D\uDE00"), ReferenceVectorsTest.paths(m));
        assertTrue("\uD83D\uDE00".compareTo("\uFF5E") < 0);
        assertEquals(3, "\uFF5E".getBytes(StandardCharsets.UTF_8).length);
    }
}
