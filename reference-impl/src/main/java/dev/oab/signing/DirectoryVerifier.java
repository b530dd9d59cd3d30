package dev.oab.signing;

import dev.oab.OabException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Verifies a model directory (or single model file) against an OMS {@code model.sig}: the
 * signature must verify, and the model's files must be exactly the signed resources. A missing,
 * an extra and a changed file are each reported by path with their own reason.
 */
public final class DirectoryVerifier {

    private static final int MAX_LISTED_PROBLEMS = 20;

    private final SignatureVerifier verifier;
    private final ModelHasher hasher;

    public DirectoryVerifier(SignatureVerifier verifier) {
        this(verifier, new ModelHasher());
    }

    public DirectoryVerifier(SignatureVerifier verifier, ModelHasher hasher) {
        this.verifier = verifier;
        this.hasher = hasher;
    }

    /**
     * @param extraIgnorePaths model-relative paths to leave out besides the defaults, the paths
     *     the signer recorded and the signature file itself; bundles older than OMS v1.1.0 did not
     *     record their ignore paths, so their verifier has to be told again
     * @return the verified resources, in canonical order
     */
    public ResourceManifest verify(Path model, Path signatureFile, Collection<String> extraIgnorePaths) throws OabException {
        VerifiedSignature signature = verifier.verify(readSignature(signatureFile));
        ResourceManifest expected = signature.manifest();
        ResourceManifest actual;
        if (Files.isRegularFile(model, LinkOption.NOFOLLOW_LINKS)) {
            actual = hasher.hashFile(model);
            expected = singleFileAlias(expected, actual);
        } else {
            List<String> ignore = new ArrayList<>(extraIgnorePaths);
            String signatureInside = IgnoreRules.relativeInside(model, signatureFile);
            if (signatureInside != null) {
                ignore.add(signatureInside);
            }
            IgnoreRules rules = IgnoreRules.of(ignore).withRecorded(signature.ignorePaths().orElse(List.of()));
            actual = hasher.hashDirectory(model, rules);
        }
        compare(expected, actual);
        return expected;
    }

    /**
     * Up to v1.0.0 the OMS reference named the only resource of a single-file model "." instead of
     * the file's name; read such a manifest as naming the file being verified.
     */
    private static ResourceManifest singleFileAlias(ResourceManifest expected, ResourceManifest actual) {
        if (expected.size() == 1 && expected.resources().get(0).path().equals(".")) {
            return ResourceManifest.of(List.of(new Resource(actual.resources().get(0).path(),
                    expected.resources().get(0).sha256())));
        }
        return expected;
    }

    private static void compare(ResourceManifest expected, ResourceManifest actual) throws SignatureException {
        Set<String> paths = new TreeSet<>(Resource::comparePathBytes);
        expected.resources().forEach(r -> paths.add(r.path()));
        actual.resources().forEach(r -> paths.add(r.path()));
        List<SignatureException> problems = new ArrayList<>();
        for (String path : paths) {
            Resource want = expected.get(path).orElse(null);
            Resource have = actual.get(path).orElse(null);
            if (have == null) {
                problems.add(new SignatureException(SignatureException.Reason.FILE_MISSING, path,
                        "missing file: " + path + " is signed but not in the model", null));
            } else if (want == null) {
                problems.add(new SignatureException(SignatureException.Reason.FILE_EXTRA, path,
                        "extra file: " + path + " is in the model but not signed", null));
            } else if (!want.sameDigest(have)) {
                problems.add(new SignatureException(SignatureException.Reason.FILE_CHANGED, path,
                        "changed file: " + path + " has sha256 " + have.sha256Hex() + ", signed " + want.sha256Hex(), null));
            }
        }
        if (problems.isEmpty()) {
            return;
        }
        SignatureException first = problems.get(0);
        StringBuilder message = new StringBuilder("the model does not match its signature (")
                .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems")
                .append("); do not use it, obtain an intact copy:");
        problems.stream().limit(MAX_LISTED_PROBLEMS).forEach(p -> message.append("\n  ").append(p.getMessage()));
        if (problems.size() > MAX_LISTED_PROBLEMS) {
            message.append("\n  ... and ").append(problems.size() - MAX_LISTED_PROBLEMS).append(" more");
        }
        throw new SignatureException(first.reason(), first.path().orElse(null), message.toString(), null);
    }

    private static byte[] readSignature(Path signatureFile) throws OabException {
        try {
            return Files.readAllBytes(signatureFile);
        } catch (NoSuchFileException e) {
            throw new OabException(OabException.Category.BAD_REQUEST,
                    "signature file " + signatureFile + " does not exist; pass the model.sig that came with the model", e);
        } catch (IOException e) {
            throw new OabException(OabException.Category.IO, "cannot read signature file " + signatureFile + ": " + e, e);
        }
    }
}
