package dev.oab.signing;

import dev.oab.OabException;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the key material of the key and certificate methods as PEM: PKCS#8 private
 * keys (plain or encrypted), SEC1 {@code EC PRIVATE KEY} (plain or OpenSSL-encrypted), public keys
 * and X.509 certificates. Text around PEM blocks (as GnuTLS certtool writes) is skipped. Every
 * key read is checked to be EC on P-256, P-384 or P-521.
 */
public final class PemKeys {

    /** PBKDF2-HMAC-SHA256 iterations for encrypted private keys (OWASP 2023 guidance). */
    static final int PBKDF2_ITERATIONS = 600_000;

    private PemKeys() {
    }

    public static PrivateKey readPrivateKey(Path file, char[] passphrase) throws OabException {
        return parsePrivateKey(read(file), passphrase, file.toString());
    }

    public static PublicKey readPublicKey(Path file) throws OabException {
        return parsePublicKey(read(file), file.toString());
    }

    /** Every certificate in the file, in file order. */
    public static List<X509Certificate> readCertificates(Path file) throws OabException {
        return parseCertificates(read(file), file.toString());
    }

    /**
     * Parses the first PEM object as a private key.
     *
     * @param passphrase needed only for encrypted keys; may be null
     * @param where names the source in error messages
     */
    public static PrivateKey parsePrivateKey(byte[] pem, char[] passphrase, String where) throws KeyException {
        Object object = firstObject(pem, where);
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(Providers.BC);
        PrivateKey key;
        try {
            if (object instanceof PrivateKeyInfo) {
                key = converter.getPrivateKey((PrivateKeyInfo) object);
            } else if (object instanceof PEMKeyPair) {
                key = converter.getKeyPair((PEMKeyPair) object).getPrivate();
            } else if (object instanceof PKCS8EncryptedPrivateKeyInfo) {
                key = converter.getPrivateKey(decryptPkcs8((PKCS8EncryptedPrivateKeyInfo) object, passphrase, where));
            } else if (object instanceof PEMEncryptedKeyPair) {
                key = converter.getKeyPair(decryptLegacy((PEMEncryptedKeyPair) object, passphrase, where)).getPrivate();
            } else if (object instanceof SubjectPublicKeyInfo || object instanceof X509CertificateHolder) {
                throw new KeyException(KeyException.Reason.NOT_A_PRIVATE_KEY, where + " holds a "
                        + (object instanceof SubjectPublicKeyInfo ? "public key" : "certificate")
                        + ", but signing needs the private key; pass the private key file"
                        + " (the one 'oab keygen' wrote as *.private.pem)");
            } else {
                throw new KeyException(KeyException.Reason.MALFORMED_PEM,
                        where + " holds a PEM object OAB does not read as a private key ("
                                + object.getClass().getSimpleName() + ")");
            }
        } catch (IOException e) {
            throw new KeyException(KeyException.Reason.MALFORMED_PEM,
                    where + ": the private key cannot be decoded: " + e.getMessage(), e);
        }
        EcCurve.of(key);
        return key;
    }

    public static PublicKey parsePublicKey(byte[] pem, String where) throws KeyException {
        Object object = firstObject(pem, where);
        if (object instanceof PrivateKeyInfo || object instanceof PEMKeyPair
                || object instanceof PKCS8EncryptedPrivateKeyInfo || object instanceof PEMEncryptedKeyPair) {
            throw new KeyException(KeyException.Reason.NOT_A_PUBLIC_KEY, where
                    + " holds a private key; verification needs only the public key (never share the"
                    + " private key): pass the *.public.pem file");
        }
        if (!(object instanceof SubjectPublicKeyInfo)) {
            throw new KeyException(KeyException.Reason.NOT_A_PUBLIC_KEY, where + " holds no public key ("
                    + object.getClass().getSimpleName() + "); for certificates use the certificate options");
        }
        PublicKey key;
        try {
            key = new JcaPEMKeyConverter().setProvider(Providers.BC).getPublicKey((SubjectPublicKeyInfo) object);
        } catch (IOException e) {
            throw new KeyException(KeyException.Reason.MALFORMED_PEM,
                    where + ": the public key cannot be decoded: " + e.getMessage(), e);
        }
        EcCurve.of(key);
        return key;
    }

    public static List<X509Certificate> parseCertificates(byte[] pem, String where) throws KeyException {
        List<X509Certificate> certificates = new ArrayList<>();
        try (PEMParser parser = parser(pem)) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (!(o instanceof X509CertificateHolder)) {
                    throw new KeyException(KeyException.Reason.NOT_A_CERTIFICATE, where
                            + " holds a " + o.getClass().getSimpleName() + " among its certificates;"
                            + " a certificate file must hold only CERTIFICATE blocks");
                }
                certificates.add(toCertificate(((X509CertificateHolder) o).getEncoded(), where));
            }
        } catch (IOException e) {
            throw new KeyException(KeyException.Reason.MALFORMED_PEM, where + " is not valid PEM: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new KeyException(KeyException.Reason.NOT_A_CERTIFICATE, where + " holds no PEM certificate");
        }
        return certificates;
    }

    static X509Certificate toCertificate(byte[] der, String where) throws KeyException {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new KeyException(KeyException.Reason.NOT_A_CERTIFICATE,
                    where + ": not a valid X.509 certificate: " + e.getMessage(), e);
        }
    }

    /** A fresh key pair on the curve (random; signatures made with it are still deterministic). */
    public static KeyPair generate(EcCurve curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Providers.BC);
            generator.initialize(new ECGenParameterSpec(curve.standardName()));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("BouncyCastle cannot generate a " + curve + " key", e);
        }
    }

    /**
     * PKCS#8 PEM of a private key: {@code ENCRYPTED PRIVATE KEY} (PBES2, PBKDF2-HMAC-SHA256,
     * AES-256-CBC) when a non-empty passphrase is given, else {@code PRIVATE KEY}.
     */
    public static String privateKeyPem(PrivateKey key, char[] passphrase) {
        try {
            JcaPKCS8Generator generator;
            if (passphrase == null || passphrase.length == 0) {
                generator = new JcaPKCS8Generator(key, null);
            } else {
                generator = new JcaPKCS8Generator(key, new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                        .setProvider(Providers.BC)
                        .setPRF(PKCS8Generator.PRF_HMACSHA256)
                        .setIterationCount(PBKDF2_ITERATIONS)
                        .setPassword(passphrase)
                        .build());
            }
            PemObject object = generator.generate();
            StringWriter text = new StringWriter();
            try (PemWriter writer = new PemWriter(text)) {
                writer.writeObject(object);
            }
            // PemWriter ends lines with the platform separator; OAB files use LF everywhere.
            return text.toString().replace("\r\n", "\n");
        } catch (Exception e) {
            throw new IllegalStateException("cannot encode the private key as PKCS#8", e);
        }
    }

    public static String certificatePem(X509Certificate certificate) {
        try {
            return PublicKeyHint.pem("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateException e) {
            throw new IllegalStateException("cannot encode certificate", e);
        }
    }

    private static PrivateKeyInfo decryptPkcs8(PKCS8EncryptedPrivateKeyInfo info, char[] passphrase, String where)
            throws KeyException {
        requirePassphrase(passphrase, where);
        try {
            return info.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(Providers.BC).build(passphrase));
        } catch (Exception e) {
            // A wrong passphrase shows up as bad padding or as garbage that is not ASN.1; both mean the same.
            throw wrongPassphrase(where, e);
        }
    }

    private static PEMKeyPair decryptLegacy(PEMEncryptedKeyPair pair, char[] passphrase, String where)
            throws KeyException {
        requirePassphrase(passphrase, where);
        try {
            return pair.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(Providers.BC).build(passphrase));
        } catch (Exception e) {
            throw wrongPassphrase(where, e);
        }
    }

    private static void requirePassphrase(char[] passphrase, String where) throws KeyException {
        if (passphrase == null || passphrase.length == 0) {
            throw new KeyException(KeyException.Reason.PASSPHRASE_REQUIRED, where
                    + " is encrypted; give its passphrase (the oab command reads it from OAB_KEY_PASSPHRASE)");
        }
    }

    private static KeyException wrongPassphrase(String where, Exception cause) {
        return new KeyException(KeyException.Reason.WRONG_PASSPHRASE,
                where + ": the passphrase does not decrypt this key; check OAB_KEY_PASSPHRASE", cause);
    }

    private static Object firstObject(byte[] pem, String where) throws KeyException {
        try (PEMParser parser = parser(pem)) {
            Object object = parser.readObject();
            if (object == null) {
                throw new KeyException(KeyException.Reason.MALFORMED_PEM, where
                        + " holds no PEM block (expected '-----BEGIN ...-----'); is it a PEM file?");
            }
            return object;
        } catch (IOException | IllegalArgumentException e) {
            throw new KeyException(KeyException.Reason.MALFORMED_PEM, where + " is not valid PEM: " + e.getMessage(), e);
        }
    }

    private static PEMParser parser(byte[] pem) {
        return new PEMParser(new InputStreamReader(new ByteArrayInputStream(pem), StandardCharsets.US_ASCII));
    }

    private static byte[] read(Path file) throws OabException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new OabException(OabException.Category.BAD_REQUEST,
                    "cannot read key file " + file + ": " + e + "; check the path and its permissions", e);
        }
    }
}
