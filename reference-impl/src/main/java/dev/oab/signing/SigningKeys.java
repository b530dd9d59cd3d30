package dev.oab.signing;

import dev.oab.OabException;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * A signer from PEM files, as every front end loads one: the private key (decrypted with the
 * passphrase when it is encrypted) with the OMS key method, or with the certificate method when
 * the key's certificate, and optionally the intermediates, are given.
 */
public final class SigningKeys {

    private SigningKeys() {
    }

    /**
     * @param keyFile     EC private key (PKCS#8 or SEC1 PEM, plain or encrypted)
     * @param passphrase  the key's passphrase, or null for a plain key; not kept
     * @param certificate the key's certificate for the certificate method, or null
     * @param chain       intermediate CA certificates, issuer of the leaf first, or null
     */
    public static ModelSigner load(Path keyFile, char[] passphrase, Path certificate, Path chain) throws OabException {
        if (chain != null && certificate == null) {
            throw new KeyException(KeyException.Reason.NOT_A_CERTIFICATE,
                    "a certificate chain needs the signing certificate (the certificate of the key) as well");
        }
        PrivateKey key = PemKeys.readPrivateKey(keyFile, passphrase);
        if (certificate == null) {
            return ModelSigner.withKey(key);
        }
        List<X509Certificate> certificates = new ArrayList<>(PemKeys.readCertificates(certificate));
        if (chain != null) {
            certificates.addAll(PemKeys.readCertificates(chain));
        }
        return ModelSigner.withCertificate(key, certificates);
    }
}
