package dev.oab.signing;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Signs OMS statements into Sigstore bundles with the {@code key} or {@code certificate} method.
 * Output is deterministic: the same statement and key give byte-identical bundles.
 */
public final class ModelSigner {

    private final PrivateKey privateKey;
    private final String hint;
    private final List<byte[]> chain;

    private ModelSigner(PrivateKey privateKey, String hint, List<byte[]> chain) {
        this.privateKey = privateKey;
        this.hint = hint;
        this.chain = chain;
    }

    /** The {@code key} method: the bundle names the key by its {@link PublicKeyHint}. */
    public static ModelSigner withKey(PrivateKey privateKey) throws KeyException {
        return new ModelSigner(privateKey, PublicKeyHint.of(EcKeys.publicKeyOf(privateKey)), null);
    }

    /**
     * The {@code certificate} method: the bundle carries {@code chain} (leaf first, then the
     * intermediates; the root may be left out) as {@code x509CertificateChain}.
     *
     * @throws KeyException when the leaf certificate is not for this private key
     */
    public static ModelSigner withCertificate(PrivateKey privateKey, List<X509Certificate> chain) throws KeyException {
        if (chain.isEmpty()) {
            throw new KeyException(KeyException.Reason.NOT_A_CERTIFICATE, "the certificate method needs at least the signing certificate");
        }
        PublicKey fromKey = EcKeys.publicKeyOf(privateKey);
        if (!EcKeys.samePublicKey(fromKey, chain.get(0).getPublicKey())) {
            throw new KeyException(KeyException.Reason.KEY_MISMATCH, "the first certificate ("
                    + chain.get(0).getSubjectX500Principal().getName()
                    + ") is not the certificate of the private key; put the signing certificate first, then its CA chain");
        }
        List<byte[]> ders = new ArrayList<>();
        for (X509Certificate c : chain) {
            try {
                ders.add(c.getEncoded());
            } catch (CertificateEncodingException e) {
                throw new KeyException(KeyException.Reason.NOT_A_CERTIFICATE, "cannot encode certificate "
                        + c.getSubjectX500Principal().getName() + ": " + e.getMessage(), e);
            }
        }
        return new ModelSigner(privateKey, null, ders);
    }

    public SigstoreBundle sign(Statement statement) throws KeyException {
        byte[] payload = statement.toJson();
        byte[] signature = Ecdsa.sign(privateKey, DsseEnvelope.pae(DsseEnvelope.IN_TOTO_PAYLOAD_TYPE, payload));
        DsseEnvelope envelope = new DsseEnvelope(DsseEnvelope.IN_TOTO_PAYLOAD_TYPE, payload, signature);
        return chain == null
                ? SigstoreBundle.withPublicKeyHint(hint, envelope)
                : SigstoreBundle.withCertificateChain(chain, envelope);
    }
}
