package dev.oab.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oab.OabException;
import dev.oab.json.StrictJson;
import dev.oab.mof.JsonSchemas;
import dev.oab.signing.EcCurve;
import dev.oab.signing.ModelSigner;
import dev.oab.signing.PemKeys;
import dev.oab.signing.PublicKeyHint;
import dev.oab.signing.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrustPolicyTest {

    @TempDir
    Path tmp;

    private final KeyPair producer = PemKeys.generate(EcCurve.P256);
    private final KeyPair registry = PemKeys.generate(EcCurve.P384);
    private Path bundle;

    @BeforeEach
    void packSignedByTheProducer() throws Exception {
        bundle = tmp.resolve("b.oab");
        BundleWriter.builder().timestamp(Instant.parse("2026-01-01T00:00:00Z"))
                .signWith(ModelSigner.withKey(producer.getPrivate()), "producer").build()
                .pack(TestTrees.conventional(tmp.resolve("src")), bundle);
        Files.writeString(tmp.resolve("producer.pub.pem"), PublicKeyHint.canonicalPem(producer.getPublic()));
    }

    private TrustPolicy.TrustDecision decide(String json) throws Exception {
        Path file = tmp.resolve("trust.json");
        Files.writeString(file, json);
        JsonNode document = StrictJson.parse(json.getBytes(), "trust.json");
        assertEquals(List.of(), JsonSchemas.validateOab("trust-policy.schema.json", document));
        try (BundleReader reader = BundleReader.open(bundle)) {
            return TrustPolicy.read(file).evaluate(reader);
        }
    }

    private static List<String> codes(TrustPolicy.TrustDecision decision) {
        return decision.problems().stream().map(Problem::code).toList();
    }

    @Test
    void keyByPathOrInlinePem() throws Exception {
        TrustPolicy.TrustDecision byPath = decide("{\"keys\": {\"producer\": \"producer.pub.pem\"}}");
        assertTrue(byPath.trusted());
        assertEquals(List.of("key producer"), byPath.trustedSigners());
        String inline = PublicKeyHint.canonicalPem(producer.getPublic()).replace("\n", "\\n");
        assertTrue(decide("{\"keys\": {\"p\": \"" + inline + "\"}}").trusted());
    }

    @Test
    void thresholdNeedsDistinctSigners() throws Exception {
        String policy = "{\"keys\": {\"producer\": \"producer.pub.pem\", \"registry\": \"" + PublicKeyHint
                .canonicalPem(registry.getPublic()).replace("\n", "\\n") + "\"}, \"threshold\": 2}";
        TrustPolicy.TrustDecision one = decide(policy);
        assertEquals(List.of("signature.threshold-not-met"), codes(one));
        assertEquals("2 distinct trusted signers are required but only 1 signed: key producer",
                one.problems().get(0).message());
        BundleSignatures.sign(bundle, ModelSigner.withKey(registry.getPrivate()), "registry");
        TrustPolicy.TrustDecision two = decide(policy);
        assertTrue(two.trusted(), two.problems().toString());
        assertEquals(List.of("key producer", "key registry"), two.trustedSigners());
    }

    @Test
    void nameAndMinimumVersionRefuseOtherAndOlderBundles() throws Exception {
        assertEquals(List.of("bundle.wrong-name"),
                codes(decide("{\"keys\": {\"producer\": \"producer.pub.pem\"}, \"name\": \"other\"}")));
        assertEquals(List.of("bundle.version-too-old"),
                codes(decide("{\"keys\": {\"producer\": \"producer.pub.pem\"}, \"minVersion\": \"1.0.1\"}")));
        assertTrue(decide("{\"keys\": {\"producer\": \"producer.pub.pem\"}, \"name\": \"tiny-model\", "
                + "\"minVersion\": \"1.0.0-rc.1\"}").trusted());
    }

    @Test
    void certificateIdentitiesRestrictWhoTheAuthorityMayVouchFor() throws Exception {
        KeyPair caKeys = PemKeys.generate(EcCurve.P256);
        X509Certificate ca = TestKeys.ca("Release CA", caKeys, caKeys, null);
        KeyPair leafKeys = PemKeys.generate(EcCurve.P256);
        X509Certificate leaf = TestKeys.codeSigningLeaf("release-bot", leafKeys.getPublic(), caKeys, ca);
        BundleSignatures.sign(bundle, ModelSigner.withCertificate(leafKeys.getPrivate(), List.of(leaf)), "ci");
        Files.writeString(tmp.resolve("ca.pem"), PemKeys.certificatePem(ca));
        TrustPolicy.TrustDecision allowed = decide(
                "{\"certificateAuthorities\": [\"ca.pem\"], \"identities\": [\"CN=release-bot\"]}");
        assertTrue(allowed.trusted(), allowed.problems().toString());
        assertEquals(List.of("certificate CN=release-bot"), allowed.trustedSigners());
        TrustPolicy.TrustDecision other = decide(
                "{\"certificateAuthorities\": [\"ca.pem\"], \"identities\": [\"CN=someone-else\"]}");
        assertEquals(List.of("signature.identity-not-allowed", "signature.method-mismatch", "signature.none-trusted"),
                codes(other));
    }

    @Test
    void badPoliciesAreUsageErrorsNamingTheField() throws Exception {
        Path file = tmp.resolve("bad.json");
        Files.writeString(file, "{\"keys\": {}, \"treshold\": 2}");
        OabException unknown = assertThrows(OabException.class, () -> TrustPolicy.read(file));
        assertEquals(OabException.Category.BAD_REQUEST, unknown.category());
        assertEquals(file + ": treshold: unknown field; expected one of [certificateAuthorities, identities, keys, "
                + "minVersion, name, threshold]", unknown.getMessage());
        Files.writeString(file, "{\"identities\": [\"CN=x\"]}");
        assertEquals(file + ": identities: identities only apply to certificate signatures: add "
                + "certificateAuthorities", assertThrows(OabException.class, () -> TrustPolicy.read(file)).getMessage());
        Files.writeString(file, "{\"keys\": {\"p\": \"producer.pub.pem\"}, \"threshold\": 0}");
        assertEquals(file + ": threshold: expected the number of distinct trusted signers required, 1 to 64",
                assertThrows(OabException.class, () -> TrustPolicy.read(file)).getMessage());
    }
}
