package dev.oab.signing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every key and certificate vector the OMS reference implementation produced verifies. */
class ReferenceVectorsTest {

    private static final Pattern VECTOR = Pattern.compile("v(\\d+)\\.(\\d+)\\.(\\d+)-(elliptic-key|certificate|sigstore)");

    /** Every vector directory with a key or certificate signature, of every version present. */
    static Stream<String> keyAndCertificateVectors() throws IOException {
        List<String> names;
        try (Stream<Path> dirs = Files.list(Vectors.reference())) {
            names = dirs.map(p -> p.getFileName().toString()).filter(n -> {
                Matcher m = VECTOR.matcher(n);
                return m.matches() && !m.group(4).equals("sigstore");
            }).sorted().collect(Collectors.toList());
        }
        assertTrue(names.size() >= 9, "expected the OMS reference vectors, found " + names);
        return names.stream();
    }

    @ParameterizedTest
    @MethodSource("keyAndCertificateVectors")
    void verifiesReferenceVector(String name) throws Exception {
        Path dir = Vectors.reference().resolve(name);
        SignatureVerifier verifier = verifierFor(name);
        VerifiedSignature signature = verifier.verify(Files.readAllBytes(dir.resolve("model.sig")));
        assertEquals(name.startsWith("v0.2.0"), signature.legacyV02());

        ResourceManifest verified;
        if (signature.manifest().get(".").isPresent()) {
            // Up to v1.0.0 the reference signed a single file and named its resource ".".
            verified = new DirectoryVerifier(verifier).verify(dir.resolve(signature.subjectName()),
                    dir.resolve("model.sig"), List.of());
            assertEquals(List.of(signature.subjectName()), paths(verified));
        } else {
            // Before v1.1.0 the signer did not record that it was told to ignore "ignore-me".
            verified = new DirectoryVerifier(verifier).verify(dir, dir.resolve("model.sig"), List.of("ignore-me"));
            assertEquals(List.of("signme-1", "signme-2"), paths(verified));
        }
    }

    @Test
    void v110VectorsRecordTheirIgnorePathsSoNoneNeedBeGiven() throws Exception {
        for (String name : List.of("v1.1.0-elliptic-key", "v1.1.0-certificate")) {
            Path dir = Vectors.reference().resolve(name);
            ResourceManifest verified = new DirectoryVerifier(verifierFor(name)).verify(dir, dir.resolve("model.sig"), List.of());
            assertEquals(List.of("signme-1", "signme-2"), paths(verified));
        }
    }

    @Test
    void v101WithoutTheUnrecordedIgnorePathReportsTheExtraFile() throws Exception {
        Path dir = Vectors.reference().resolve("v1.0.1-elliptic-key");
        SignatureException e = assertThrows(SignatureException.class, () -> new DirectoryVerifier(
                verifierFor("v1.0.1-elliptic-key")).verify(dir, dir.resolve("model.sig"), List.of()));
        assertEquals(SignatureException.Reason.FILE_EXTRA, e.reason());
        assertEquals("ignore-me", e.path().orElseThrow());
    }

    @Test
    void hintIsSha256OfTheCanonicalPublicKeyPem() throws Exception {
        String hint = PublicKeyHint.of(PemKeys.readPublicKey(Vectors.referenceKey("signing-key-pub.pem")));
        assertEquals("e8450dec4eb99dae995da9af1bc2cc9f76ed669ee2e744f57abba763df3e3f8e", hint);
        SigstoreBundle bundle = SigstoreBundle.parse(
                Files.readAllBytes(Vectors.reference().resolve("v1.1.0-elliptic-key/model.sig")));
        assertEquals(hint, bundle.publicKeyHint().orElseThrow());
        // The private key file (SEC1 "EC PRIVATE KEY" after certtool's text) derives the same key.
        assertEquals(hint, PublicKeyHint.of(EcKeys.publicKeyOf(
                PemKeys.readPrivateKey(Vectors.referenceKey("signing-key.pem"), null))));
    }

    @Test
    void sigstoreKeylessVectorsAreRefusedAsUnsupported() throws Exception {
        SignatureVerifier verifier = SignatureVerifier.forPublicKey(PemKeys.readPublicKey(Vectors.referenceKey("signing-key-pub.pem")));
        for (String name : List.of("v1.0.0-sigstore", "v1.1.0-sigstore")) {
            byte[] bundle = Files.readAllBytes(Vectors.reference().resolve(name).resolve("model.sig"));
            SignatureException e = assertThrows(SignatureException.class, () -> verifier.verify(bundle));
            assertEquals(SignatureException.Reason.UNSUPPORTED, e.reason(), name);
            assertFalse(e.getMessage().isEmpty());
        }
    }

    static SignatureVerifier verifierFor(String vectorName) throws Exception {
        if (vectorName.endsWith("certificate")) {
            return SignatureVerifier.forTrustAnchors(PemKeys.readCertificates(Vectors.referenceKey("ca-cert.pem")));
        }
        return SignatureVerifier.forPublicKey(PemKeys.readPublicKey(Vectors.referenceKey("signing-key-pub.pem")));
    }

    static List<String> paths(ResourceManifest manifest) {
        return manifest.resources().stream().map(Resource::path).collect(Collectors.toList());
    }
}
