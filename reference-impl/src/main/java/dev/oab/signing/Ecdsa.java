package dev.oab.signing;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * ECDSA with DER signatures. Signing uses RFC 6979 deterministic nonces (BouncyCastle's
 * {@link HMacDSAKCalculator}), so equal inputs give byte-identical signatures and no RNG failure
 * can leak the key.
 */
final class Ecdsa {

    private Ecdsa() {
    }

    static byte[] sign(PrivateKey key, byte[] message) throws KeyException {
        EcCurve curve = EcCurve.of(key);
        ECPrivateKeyParameters params;
        try {
            params = (ECPrivateKeyParameters) PrivateKeyFactory.createKey(key.getEncoded());
        } catch (IOException | ClassCastException e) {
            throw new KeyException(KeyException.Reason.UNSUPPORTED_KEY_TYPE, "cannot use the EC private key: " + e.getMessage(), e);
        }
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(curve.newDigest()));
        signer.init(true, params);
        BigInteger[] rs = signer.generateSignature(hash(curve.newDigest(), message));
        try {
            return StandardDSAEncoding.INSTANCE.encode(params.getParameters().getN(), rs[0], rs[1]);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding of an ECDSA signature failed", e);
        }
    }

    /** Verifies with the hash OMS pairs with the key's curve. */
    static boolean verify(PublicKey key, byte[] message, byte[] derSignature) throws KeyException {
        return verify(key, message, derSignature, EcCurve.of(key).newDigest());
    }

    /** Verifies with a given hash; model_signing v0.2.0 used SHA-256 whatever the curve. */
    static boolean verify(PublicKey key, byte[] message, byte[] derSignature, Digest digest) throws KeyException {
        EcCurve.of(key);
        ECPublicKeyParameters params;
        try {
            params = (ECPublicKeyParameters) PublicKeyFactory.createKey(key.getEncoded());
        } catch (IOException | ClassCastException e) {
            throw new KeyException(KeyException.Reason.UNSUPPORTED_KEY_TYPE, "cannot use the EC public key: " + e.getMessage(), e);
        }
        BigInteger[] rs;
        try {
            // Strict DER: BER variants and trailing bytes are refused, so one signature has one encoding.
            rs = StandardDSAEncoding.INSTANCE.decode(params.getParameters().getN(), derSignature);
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            // BouncyCastle casts ASN.1 objects without checking them first: a signature that is a
            // SEQUENCE of something other than two INTEGERs (found by fuzzing) ends here too.
            return false;
        }
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, params);
        return verifier.verifySignature(hash(digest, message), rs[0], rs[1]);
    }

    private static byte[] hash(Digest digest, byte[] message) {
        digest.update(message, 0, message.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }
}
