package dev.oab.signing;

import dev.oab.json.JsonDocumentException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The OMS specification's own test vectors (bundle level: they come without model files). */
class SpecVectorsTest {

    private static byte[] vector(String path) throws Exception {
        return Files.readAllBytes(Vectors.specVectors().resolve(path));
    }

    private static SignatureVerifier keyVerifier() throws Exception {
        return SignatureVerifier.forPublicKey(PemKeys.readPublicKey(Vectors.referenceKey("signing-key-pub.pem")));
    }

    @Test
    void validKeyBundleVerifies() throws Exception {
        VerifiedSignature verified = keyVerifier().verify(vector("valid/key.bundle.json"));
        assertEquals(List.of("signme-1", "signme-2"), ReferenceVectorsTest.paths(verified.manifest()));
        assertEquals("bc9a717db6064a32cbe9eae6fc40651dd6d36ef1757183f590eff2b1765d7ebc",
                verified.manifest().resources().get(0).sha256Hex());
        assertEquals(List.of(".gitattributes", ".github", "ignore-me", ".gitignore", ".git"),
                verified.ignorePaths().orElseThrow());
    }

    @Test
    void validCertificateBundleVerifies() throws Exception {
        VerifiedSignature verified = SignatureVerifier.forTrustAnchors(
                PemKeys.readCertificates(Vectors.referenceKey("ca-cert.pem"))).verify(vector("valid/certificate.bundle.json"));
        assertEquals(2, verified.manifest().size());
        assertEquals("CN=intermediate-ca", verified.signerCertificate().orElseThrow().getSubjectX500Principal().getName());
    }

    @Test
    void sigstoreBundlesAreRefusedAsUnsupported() throws Exception {
        for (String name : List.of("valid/sigstore.bundle.json", "invalid/missing-tlog-entries.bundle.json")) {
            SignatureException e = assertThrows(SignatureException.class, () -> keyVerifier().verify(vector(name)));
            assertEquals(SignatureException.Reason.UNSUPPORTED, e.reason(), name);
        }
    }

    @Test
    void invalidBundlesFailWithTheirOwnCause() throws Exception {
        assertThrows(JsonDocumentException.class, () -> keyVerifier().verify(vector("invalid/empty.bundle.json")));
        assertEquals(SignatureException.Reason.MALFORMED_BUNDLE, assertThrows(SignatureException.class,
                () -> keyVerifier().verify(vector("invalid/missing-envelope.bundle.json"))).reason());
        assertEquals(SignatureException.Reason.MALFORMED_BUNDLE, assertThrows(SignatureException.class,
                () -> keyVerifier().verify(vector("invalid/missing-verification-material.bundle.json"))).reason());
        // Its signature is copied from key.bundle.json, so the signature check rejects it before
        // the statement is read (a correctly signed wrong predicate is covered in TamperTest).
        assertEquals(SignatureException.Reason.BAD_SIGNATURE, assertThrows(SignatureException.class,
                () -> keyVerifier().verify(vector("invalid-payload/wrong-predicate.bundle.json"))).reason());
    }
}
