package dev.oab.signing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oab.json.JsonDocumentException;
import dev.oab.json.StrictJson;
import org.bouncycastle.crypto.digests.SHA256Digest;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static dev.oab.signing.SignatureException.Reason.MALFORMED_STATEMENT;

/**
 * Verifies OMS bundles made with the {@code key} or {@code certificate} method and returns the
 * signed resources. The statement is read from the payload bytes exactly as decoded from the
 * envelope, never from a re-serialisation. Sigstore keyless bundles are refused: verifying them
 * needs a Fulcio/Rekor trust root that OAB does not ship.
 */
public final class SignatureVerifier {

    private static final String CODE_SIGNING_EKU = "1.3.6.1.5.5.7.3.3";
    private static final String ANY_EKU = "2.5.29.37.0";
    private static final int DIGITAL_SIGNATURE_BIT = 0;

    private final PublicKey publicKey;
    private final Set<TrustAnchor> anchors;
    private final Instant validationTime;

    private SignatureVerifier(PublicKey publicKey, Set<TrustAnchor> anchors, Instant validationTime) {
        this.publicKey = publicKey;
        this.anchors = anchors;
        this.validationTime = validationTime;
    }

    /** Verifies key-method bundles against this public key. */
    public static SignatureVerifier forPublicKey(PublicKey key) throws KeyException {
        EcCurve.of(key);
        return new SignatureVerifier(key, null, null);
    }

    /**
     * Verifies certificate-method bundles whose chain leads to one of these CA certificates,
     * checking validity at the time of verification (see NOTES.md).
     */
    public static SignatureVerifier forTrustAnchors(List<X509Certificate> trustAnchors) {
        if (trustAnchors.isEmpty()) {
            throw new IllegalArgumentException("at least one trust anchor is needed");
        }
        Set<TrustAnchor> set = new HashSet<>();
        trustAnchors.forEach(c -> set.add(new TrustAnchor(c, null)));
        return new SignatureVerifier(null, set, null);
    }

    /**
     * Checks certificate validity at {@code time} instead of now: for auditing an archive against
     * a time the caller trusts from elsewhere. The bundle itself records no trusted time.
     */
    public SignatureVerifier atTime(Instant time) {
        return new SignatureVerifier(publicKey, anchors, Objects.requireNonNull(time));
    }

    public VerifiedSignature verify(byte[] bundleJson) throws SignatureException, JsonDocumentException {
        return verify(SigstoreBundle.parse(bundleJson));
    }

    public VerifiedSignature verify(SigstoreBundle bundle) throws SignatureException, JsonDocumentException {
        DsseEnvelope envelope = bundle.envelope();
        X509Certificate leaf = null;
        PublicKey key;
        switch (bundle.material()) {
            case SIGSTORE_CERTIFICATE:
                throw new SignatureException(SignatureException.Reason.UNSUPPORTED,
                        "signature bundle: Sigstore keyless (method 'sigstore') bundles are not verified by OAB;"
                                + " verify them with the OMS reference tool (model_signing verify sigstore)");
            case PUBLIC_KEY:
                if (publicKey == null) {
                    throw new SignatureException(SignatureException.Reason.METHOD_MISMATCH,
                            "signature bundle uses the 'key' method, but a certificate trust anchor was given;"
                                    + " verify with the signer's public key instead");
                }
                key = publicKey;
                break;
            default:
                if (anchors == null) {
                    throw new SignatureException(SignatureException.Reason.METHOD_MISMATCH,
                            "signature bundle uses the 'certificate' method, but a public key was given;"
                                    + " verify with the CA certificate(s) the signer's chain leads to");
                }
                leaf = validateChain(bundle.certificates());
                key = leaf.getPublicKey();
        }
        String keyMismatch = publicKey == null ? null : describeKeyMismatch(bundle);
        boolean compatUsed = checkSignature(key, envelope, keyMismatch);

        if (!DsseEnvelope.IN_TOTO_PAYLOAD_TYPE.equals(envelope.payloadType())) {
            throw new SignatureException(SignatureException.Reason.PAYLOAD_TYPE, "signature bundle: payloadType is '"
                    + envelope.payloadType() + "', expected '" + DsseEnvelope.IN_TOTO_PAYLOAD_TYPE + "'");
        }
        byte[] payload = envelope.payload();
        if (compatUsed || isLegacyPredicate(payload)) {
            return verifyLegacyStatement(payload, leaf);
        }
        Statement statement = Statement.parse(payload);
        return new VerifiedSignature(statement.subjectName(), statement.manifest(),
                statement.serialization().ignorePaths().orElse(null), false, leaf);
    }

    /** Returns true when only the v0.2.0 "pae_compat" encoding verified. */
    private boolean checkSignature(PublicKey key, DsseEnvelope envelope, String keyMismatch)
            throws SignatureException {
        byte[] signature = envelope.signature();
        try {
            if (Ecdsa.verify(key, DsseEnvelope.pae(envelope.payloadType(), envelope.payload()), signature)) {
                return false;
            }
            // model_signing v0.2.0 signed a mangled PAE and hashed with SHA-256 whatever the curve.
            if (Ecdsa.verify(key, DsseEnvelope.paeCompatV02(envelope.payloadType(), envelope.payload()),
                    signature, new SHA256Digest())) {
                return true;
            }
        } catch (KeyException e) {
            throw new SignatureException(SignatureException.Reason.UNSUPPORTED,
                    "signature bundle: the signing key cannot be used: " + e.getMessage(), e);
        }
        if (keyMismatch != null) {
            throw new SignatureException(SignatureException.Reason.WRONG_KEY, keyMismatch);
        }
        throw new SignatureException(SignatureException.Reason.BAD_SIGNATURE,
                "signature bundle: the DSSE signature does not verify with the "
                        + (publicKey != null ? "given public key" : "signing certificate's key")
                        + "; the signature or the signed statement was altered");
    }

    /** Null when the bundle names the given key (or does not say), else a message for the user. */
    private String describeKeyMismatch(SigstoreBundle bundle) {
        String expected = PublicKeyHint.of(publicKey);
        if (bundle.publicKeyHint().isPresent() && !bundle.publicKeyHint().get().equals(expected)) {
            return "signature bundle: made with the key whose hint is " + bundle.publicKeyHint().get()
                    + ", but the given public key has hint " + expected + "; verify with the signer's public key";
        }
        if (bundle.publicKeyRawBytes().isPresent()) {
            try {
                PublicKey named = PemKeys.parsePublicKey(bundle.publicKeyRawBytes().get(), "publicKey.rawBytes");
                if (!EcKeys.samePublicKey(named, publicKey)) {
                    return "signature bundle: made with the key with hint " + PublicKeyHint.of(named)
                            + ", but the given public key has hint " + expected + "; verify with the signer's public key";
                }
            } catch (KeyException e) {
                return null;
            }
        }
        return null;
    }

    private X509Certificate validateChain(List<byte[]> ders) throws SignatureException {
        List<X509Certificate> chain = new ArrayList<>();
        for (int i = 0; i < ders.size(); i++) {
            try {
                chain.add(PemKeys.toCertificate(ders.get(i), "x509CertificateChain.certificates[" + i + "]"));
            } catch (KeyException e) {
                throw new SignatureException(SignatureException.Reason.MALFORMED_BUNDLE,
                        "signature bundle: " + e.getMessage(), e);
            }
        }
        X509Certificate leaf = chain.get(0);
        List<X509Certificate> path = new ArrayList<>();
        for (X509Certificate c : chain) {
            // A bundle may carry the root too; PKIX wants the path without the anchor.
            if (anchors.stream().noneMatch(a -> a.getTrustedCert().equals(c)) || c == leaf) {
                path.add(c);
            }
        }
        Instant time = validationTime != null ? validationTime : Instant.now();
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters params = new PKIXParameters(anchors);
            // Key/certificate bundles carry no revocation data and OAB works offline.
            params.setRevocationEnabled(false);
            params.setDate(Date.from(time));
            CertPathValidator.getInstance("PKIX").validate(certPath, params);
        } catch (CertPathValidatorException e) {
            String where = e.getIndex() >= 0 && e.getIndex() < path.size()
                    ? " at certificate " + path.get(e.getIndex()).getSubjectX500Principal().getName() : "";
            throw new SignatureException(SignatureException.Reason.UNTRUSTED_CERTIFICATE,
                    "signature bundle: the certificate chain is not trusted" + where + " (checked at " + time
                            + "): " + e.getMessage() + "; pass the CA certificate that issued the chain", e);
        } catch (GeneralSecurityException e) {
            throw new SignatureException(SignatureException.Reason.UNTRUSTED_CERTIFICATE,
                    "signature bundle: the certificate chain cannot be validated: " + e.getMessage(), e);
        }
        checkUsage(leaf);
        return leaf;
    }

    /**
     * The leaf must be meant for signing: every usage extension present must allow it
     * (keyUsage digitalSignature, extendedKeyUsage codeSigning), and at least one must be present.
     */
    private static void checkUsage(X509Certificate leaf) throws SignatureException {
        boolean[] keyUsage = leaf.getKeyUsage();
        List<String> eku;
        try {
            eku = leaf.getExtendedKeyUsage();
        } catch (java.security.cert.CertificateParsingException e) {
            throw new SignatureException(SignatureException.Reason.CERTIFICATE_USAGE,
                    "signing certificate: unreadable extendedKeyUsage: " + e.getMessage(), e);
        }
        String subject = leaf.getSubjectX500Principal().getName();
        if (keyUsage == null && eku == null) {
            throw new SignatureException(SignatureException.Reason.CERTIFICATE_USAGE, "signing certificate "
                    + subject + " has neither keyUsage nor extendedKeyUsage; OAB needs digitalSignature or codeSigning");
        }
        if (keyUsage != null && !(keyUsage.length > DIGITAL_SIGNATURE_BIT && keyUsage[DIGITAL_SIGNATURE_BIT])) {
            throw new SignatureException(SignatureException.Reason.CERTIFICATE_USAGE, "signing certificate "
                    + subject + " has keyUsage without digitalSignature; it may not sign");
        }
        if (eku != null && !eku.contains(CODE_SIGNING_EKU) && !eku.contains(ANY_EKU)) {
            throw new SignatureException(SignatureException.Reason.CERTIFICATE_USAGE, "signing certificate "
                    + subject + " has extendedKeyUsage " + eku + " without codeSigning (1.3.6.1.5.5.7.3.3)");
        }
    }

    private static boolean isLegacyPredicate(byte[] payload) throws JsonDocumentException {
        JsonNode root = StrictJson.parse(payload, "DSSE payload (in-toto statement)");
        JsonNode type = root.get("predicateType");
        return type != null && Statement.LEGACY_PREDICATE_TYPE.equals(type.textValue());
    }

    /** model_signing v0.2.0: the file digests are the statement's subjects. Verify-only. */
    private static VerifiedSignature verifyLegacyStatement(byte[] payload, X509Certificate leaf)
            throws SignatureException, JsonDocumentException {
        JsonNode root = StrictJson.parse(payload, "DSSE payload (in-toto statement)");
        JsonFields fields = new JsonFields(MALFORMED_STATEMENT, "in-toto statement (v0.2 format)");
        fields.requireObject(root, "(document)");
        Statement.checkTypes(root, fields);
        if (!Statement.LEGACY_PREDICATE_TYPE.equals(root.get("predicateType").textValue())) {
            throw new SignatureException(SignatureException.Reason.BAD_SIGNATURE,
                    "signature bundle: the signature uses the v0.2.0 legacy encoding, which OAB accepts only"
                            + " for the v0.2.0 predicate, but the predicate is " + root.get("predicateType"));
        }
        JsonNode subjects = fields.array(root, "subject");
        if (subjects.isEmpty()) {
            throw fields.fail("subject", "must list at least one file");
        }
        List<Resource> resources = new ArrayList<>();
        for (int i = 0; i < subjects.size(); i++) {
            String where = "subject[" + i + "]";
            JsonNode s = subjects.get(i);
            fields.requireObject(s, where);
            JsonNode annotations = s.get("annotations");
            JsonNode algorithm = annotations == null ? null : annotations.get("actual_hash_algorithm");
            if (algorithm != null && !"file-sha256".equals(algorithm.textValue())) {
                throw new SignatureException(SignatureException.Reason.UNSUPPORTED, "in-toto statement (v0.2 format): "
                        + where + " uses " + algorithm + "; OAB verifies only file-sha256");
            }
            String name = fields.text(s, "name");
            Statement.checkResourceName(name, where);
            resources.add(new Resource(name, Statement.parseDigest(
                    fields.text(fields.object(s, "digest"), "sha256"), where + ".digest.sha256")));
        }
        ResourceManifest manifest;
        try {
            manifest = ResourceManifest.of(resources);
        } catch (IllegalArgumentException e) {
            throw new SignatureException(MALFORMED_STATEMENT, "in-toto statement (v0.2 format): " + e.getMessage());
        }
        return new VerifiedSignature(resources.get(0).path(), manifest, null, true, leaf);
    }
}
