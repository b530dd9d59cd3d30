package dev.oab.signing;

import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;

/** Small EC key operations the signer needs. */
final class EcKeys {

    private EcKeys() {
    }

    /** The public key of an EC private key (Q = d·G), so a signer needs only the private key file. */
    static PublicKey publicKeyOf(PrivateKey key) throws KeyException {
        EcCurve.of(key);
        try {
            ECPrivateKeyParameters priv = (ECPrivateKeyParameters) PrivateKeyFactory.createKey(key.getEncoded());
            ECPublicKeyParameters pub = new ECPublicKeyParameters(
                    new FixedPointCombMultiplier().multiply(priv.getParameters().getG(), priv.getD()).normalize(),
                    priv.getParameters());
            return new JcaPEMKeyConverter().setProvider(Providers.BC)
                    .getPublicKey(SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pub));
        } catch (IOException | ClassCastException e) {
            throw new KeyException(KeyException.Reason.UNSUPPORTED_KEY_TYPE,
                    "cannot derive the public key of the EC private key: " + e.getMessage(), e);
        }
    }

    static boolean samePublicKey(PublicKey a, PublicKey b) {
        return Arrays.equals(a.getEncoded(), b.getEncoded());
    }
}
