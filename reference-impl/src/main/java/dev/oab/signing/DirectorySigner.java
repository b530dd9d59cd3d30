package dev.oab.signing;

import dev.oab.OabException;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Signs a model directory (or a single model file) into an OMS {@code model.sig}. */
public final class DirectorySigner {

    private final ModelSigner signer;
    private final ModelHasher hasher;

    public DirectorySigner(ModelSigner signer) {
        this(signer, new ModelHasher());
    }

    public DirectorySigner(ModelSigner signer, ModelHasher hasher) {
        this.signer = signer;
        this.hasher = hasher;
    }

    /**
     * Hashes {@code model}, signs the statement and writes the bundle to {@code signatureFile}
     * atomically (a failed run leaves no partial file).
     *
     * @param ignorePaths model-relative paths to leave out; the defaults and the signature file
     *     itself (when inside the model) are always left out and recorded too
     */
    public SigstoreBundle sign(Path model, Path signatureFile, Collection<String> ignorePaths) throws OabException {
        SigstoreBundle bundle = signer.sign(statementFor(model, signatureFile, ignorePaths));
        AtomicFiles.write(signatureFile, bundle.toJson(), true, false);
        return bundle;
    }

    /** The statement {@link #sign} signs: useful to inspect what would be signed. */
    public Statement statementFor(Path model, Path signatureFile, Collection<String> ignorePaths) throws OabException {
        Path absolute = model.toAbsolutePath().normalize();
        if (absolute.getFileName() == null) {
            throw new OabException(OabException.Category.BAD_REQUEST, "cannot sign the file system root " + model);
        }
        String subject = absolute.getFileName().toString();
        try {
            if (Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)) {
                return Statement.of(subject, hasher.hashFile(absolute), Serialization.files(IgnoreRules.DEFAULTS));
            }
            List<String> ignore = new ArrayList<>(ignorePaths);
            String signatureInside = IgnoreRules.relativeInside(absolute, signatureFile);
            if (signatureInside != null) {
                ignore.add(signatureInside);
            }
            IgnoreRules rules = IgnoreRules.of(ignore);
            ResourceManifest manifest = hasher.hashDirectory(absolute, ignore);
            if (manifest.size() == 0) {
                throw new OabException(OabException.Category.BAD_REQUEST, model
                        + " holds no file to sign after exclusions; OMS §6.1 rejects empty models");
            }
            return Statement.of(subject, manifest, Serialization.files(rules.sorted()));
        } catch (SignatureException e) {
            // At signing time an unsignable file is the caller's input problem, not a failed check.
            throw new OabException(OabException.Category.BAD_REQUEST, "cannot sign " + model + ": " + e.getMessage(), e);
        }
    }
}
