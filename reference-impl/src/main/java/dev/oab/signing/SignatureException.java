package dev.oab.signing;

import dev.oab.OabException;

import java.util.Optional;

/**
 * A signature, bundle or model did not pass verification. The {@link Reason} says which check
 * failed, so callers and tests can tell a tampered file from a wrong key without parsing text;
 * {@link #path()} names the model file concerned when there is one.
 */
public final class SignatureException extends OabException {

    /** Which verification check failed. */
    public enum Reason {
        /** The bundle is not a well-formed OMS/Sigstore bundle (missing field, wrong type, bad base64). */
        MALFORMED_BUNDLE,
        /** The bundle uses something this implementation does not verify (sigstore keyless, shards, ...). */
        UNSUPPORTED,
        /** The DSSE payloadType is not {@code application/vnd.in-toto+json}. */
        PAYLOAD_TYPE,
        /** The statement's {@code _type} is not in-toto Statement v1. */
        STATEMENT_TYPE,
        /** The statement's predicateType is not the OMS one. */
        PREDICATE_TYPE,
        /** The statement is not a well-formed OMS statement. */
        MALFORMED_STATEMENT,
        /** The subject's root digest does not match the listed resources. */
        ROOT_DIGEST_MISMATCH,
        /** The bundle was made with another signing method than the verifier was set up for. */
        METHOD_MISMATCH,
        /** The bundle names a different key than the one the verifier was given. */
        WRONG_KEY,
        /** The signature does not verify over the envelope. */
        BAD_SIGNATURE,
        /** The certificate chain does not lead to a trust anchor, or is not valid now. */
        UNTRUSTED_CERTIFICATE,
        /** The signing certificate may not be used for signing. */
        CERTIFICATE_USAGE,
        /** A file listed in the signature is missing from the model. */
        FILE_MISSING,
        /** A file in the model is not listed in the signature. */
        FILE_EXTRA,
        /** A file's content differs from the digest in the signature. */
        FILE_CHANGED,
        /** The model holds something that cannot be signed or verified (a symlink, a special file). */
        UNSUPPORTED_FILE
    }

    private final Reason reason;
    private final String path;

    public SignatureException(Reason reason, String message) {
        this(reason, null, message, null);
    }

    public SignatureException(Reason reason, String message, Throwable cause) {
        this(reason, null, message, cause);
    }

    public SignatureException(Reason reason, String path, String message, Throwable cause) {
        super(Category.CHECK_FAILED, message, cause);
        this.reason = reason;
        this.path = path;
    }

    public Reason reason() {
        return reason;
    }

    /** The model-relative path of the file the failure concerns, when it concerns one file. */
    public Optional<String> path() {
        return Optional.ofNullable(path);
    }
}
