package dev.oab.signing;

import org.bouncycastle.util.encoders.Hex;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;

/**
 * The {@code verificationMaterial.publicKey.hint} of OMS key-method bundles, computed as the OMS
 * reference implementation does: the lowercase hex SHA-256 of the key's canonical
 * SubjectPublicKeyInfo PEM text ({@code -----BEGIN PUBLIC KEY-----}, base64 in 64-character lines,
 * LF line ends, a final LF). The hint depends on the key only, never on how a PEM file was laid out.
 */
public final class PublicKeyHint {

    private PublicKeyHint() {
    }

    public static String of(PublicKey key) {
        return Hex.toHexString(ResourceManifest.sha256().digest(canonicalPem(key).getBytes(StandardCharsets.US_ASCII)));
    }

    /** The canonical PEM text of a public key: also what {@code oab keygen} writes. */
    public static String canonicalPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }
}
