package dev.oab.signing;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/** What a successful {@link SignatureVerifier#verify} proves: these resources were signed by the trusted key. */
public final class VerifiedSignature {

    private final String subjectName;
    private final ResourceManifest manifest;
    private final List<String> ignorePaths;
    private final boolean legacyV02;
    private final X509Certificate signerCertificate;

    VerifiedSignature(String subjectName, ResourceManifest manifest, List<String> ignorePaths, boolean legacyV02,
                      X509Certificate signerCertificate) {
        this.subjectName = subjectName;
        this.manifest = manifest;
        this.ignorePaths = ignorePaths == null ? null : List.copyOf(ignorePaths);
        this.legacyV02 = legacyV02;
        this.signerCertificate = signerCertificate;
    }

    /** Informational model name from the statement subject. */
    public String subjectName() {
        return subjectName;
    }

    /** The verified resources, in canonical order. */
    public ResourceManifest manifest() {
        return manifest;
    }

    /** {@code serialization.ignore_paths} as signed; empty when the signer recorded none. */
    public Optional<List<String>> ignorePaths() {
        return Optional.ofNullable(ignorePaths);
    }

    /** True for a model_signing v0.2.0 bundle (deprecated {@code Digests/v0.1} predicate). */
    public boolean legacyV02() {
        return legacyV02;
    }

    /** The leaf certificate, for the certificate method. */
    public Optional<X509Certificate> signerCertificate() {
        return Optional.ofNullable(signerCertificate);
    }
}
