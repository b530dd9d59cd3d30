package dev.oab.signing;

import dev.oab.OabException;

/**
 * A key, certificate or passphrase supplied by the caller cannot be used. Always a
 * {@link Category#BAD_REQUEST}: the fix is on the caller's side (another file, another
 * passphrase, another curve).
 */
public final class KeyException extends OabException {

    /** Why the key material is unusable. */
    public enum Reason {
        /** The passphrase does not decrypt the private key. */
        WRONG_PASSPHRASE,
        /** The private key is encrypted and no passphrase was given. */
        PASSPHRASE_REQUIRED,
        /** An EC key on a curve other than P-256, P-384 or P-521. */
        UNSUPPORTED_CURVE,
        /** A key that is not an EC key (RSA, Ed25519, ...). */
        UNSUPPORTED_KEY_TYPE,
        /** The file holds no PEM object OAB can read. */
        MALFORMED_PEM,
        /** A public key or certificate was given where a private key belongs. */
        NOT_A_PRIVATE_KEY,
        /** A private key was given where a public key belongs, or the object is not a key. */
        NOT_A_PUBLIC_KEY,
        /** The file holds no X.509 certificate. */
        NOT_A_CERTIFICATE,
        /** The private key and the certificate (or public key) do not belong together. */
        KEY_MISMATCH,
        /** An OpenPGP key ring is unusable (no signing key, bad armor). */
        BAD_PGP_KEY,
        /** The output file for a key already exists. */
        OUTPUT_EXISTS
    }

    private final Reason reason;

    public KeyException(Reason reason, String message) {
        super(Category.BAD_REQUEST, message);
        this.reason = reason;
    }

    public KeyException(Reason reason, String message, Throwable cause) {
        super(Category.BAD_REQUEST, message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
