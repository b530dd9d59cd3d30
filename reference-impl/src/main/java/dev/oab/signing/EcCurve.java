package dev.oab.signing;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;

import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The curves OMS requires (algorithm registry), each paired with the hash the OMS reference and
 * Sigstore use for it: P-256/SHA-256, P-384/SHA-384, P-521/SHA-512.
 */
public enum EcCurve {
    P256("p256", "secp256r1", SECObjectIdentifiers.secp256r1, SHA256Digest::new),
    P384("p384", "secp384r1", SECObjectIdentifiers.secp384r1, SHA384Digest::new),
    P521("p521", "secp521r1", SECObjectIdentifiers.secp521r1, SHA512Digest::new);

    private final String cliName;
    private final String standardName;
    private final ASN1ObjectIdentifier oid;
    private final Supplier<Digest> digest;

    EcCurve(String cliName, String standardName, ASN1ObjectIdentifier oid, Supplier<Digest> digest) {
        this.cliName = cliName;
        this.standardName = standardName;
        this.oid = oid;
        this.digest = digest;
    }

    /** The short name used on the command line: p256, p384, p521. */
    public String cliName() {
        return cliName;
    }

    /** The SEC 2 name, as JCA's ECGenParameterSpec expects it. */
    public String standardName() {
        return standardName;
    }

    Digest newDigest() {
        return digest.get();
    }

    /** Parses p256/p384/p521 (also P-256, secp256r1, ...). */
    public static EcCurve fromName(String name) throws KeyException {
        String n = name.toLowerCase(Locale.ROOT).replace("-", "");
        for (EcCurve c : values()) {
            if (c.cliName.equals(n) || c.standardName.equals(n)) {
                return c;
            }
        }
        throw new KeyException(KeyException.Reason.UNSUPPORTED_CURVE,
                "curve '" + name + "' is not supported; use p256, p384 or p521");
    }

    /** The curve of a public key, refusing anything OMS does not allow. */
    public static EcCurve of(PublicKey key) throws KeyException {
        return ofAlgorithm(SubjectPublicKeyInfo.getInstance(key.getEncoded()).getAlgorithm(), key);
    }

    /** The curve of a private key, refusing anything OMS does not allow. */
    public static EcCurve of(PrivateKey key) throws KeyException {
        return ofAlgorithm(PrivateKeyInfo.getInstance(key.getEncoded()).getPrivateKeyAlgorithm(), key);
    }

    private static EcCurve ofAlgorithm(AlgorithmIdentifier algorithm, Key key) throws KeyException {
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm.getAlgorithm())) {
            throw new KeyException(KeyException.Reason.UNSUPPORTED_KEY_TYPE, "the key is a "
                    + key.getAlgorithm() + " key; OMS signatures need an EC key on P-256, P-384 or P-521");
        }
        ASN1Encodable params = algorithm.getParameters();
        if (params instanceof ASN1ObjectIdentifier) {
            for (EcCurve c : values()) {
                if (c.oid.equals(params)) {
                    return c;
                }
            }
            throw new KeyException(KeyException.Reason.UNSUPPORTED_CURVE, "the EC key is on curve "
                    + params + "; OMS allows only P-256, P-384 and P-521 (generate one with 'oab keygen')");
        }
        throw new KeyException(KeyException.Reason.UNSUPPORTED_CURVE,
                "the EC key carries explicit curve parameters instead of a named curve;"
                        + " re-encode it with a named curve (P-256, P-384 or P-521)");
    }
}
