package dev.oab.maven;

import dev.oab.OabException;
import dev.oab.bundle.BundleReader;
import dev.oab.bundle.BundleSignatures;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Adds an OMS signature to the project's bundle, in place ({@code .oab/signatures/<signerName>.sig},
 * covering {@code oab.json} and every file), and, with {@code <pgpKey>}, writes and attaches the
 * OpenPGP {@code .asc} of the signed file. The key is {@code <signingKey>} or the file named by
 * {@code OAB_SIGNING_KEY}; its passphrase comes from {@code <serverId>} in settings.xml or from
 * {@code OAB_KEY_PASSPHRASE}. A bundle that {@code oab:bundle} already signed under the same
 * name is left as it is.
 */
@Mojo(name = "sign", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class SignMojo extends AbstractSigningMojo {

    /**
     * Bundle to sign. Default: the bundle {@code oab:bundle} attached to this project (with
     * {@code <classifier>}).
     */
    @Parameter(property = "oab.bundleFile")
    File bundleFile;

    /** Classifier of the attached bundle to sign, when {@code <bundleFile>} is not set. */
    @Parameter(property = "oab.classifier")
    String classifier;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping OAB signing (oab.skip)");
            return;
        }
        Path bundle = bundle();
        Path key = signingKeyPath();
        if (key == null) {
            throw new MojoExecutionException("<signingKey> (oab.signingKey): no signing key configured; set it, or "
                    + "the environment variable " + KEY_ENV + ", to the path of your EC private key");
        }
        try {
            if (alreadySigned(bundle)) {
                getLog().info(bundle.getFileName() + " is already signed as '" + signerName + "'");
            } else {
                BundleSignatures.sign(bundle, loadSigner(key), signerName);
                getLog().info("Signed " + bundle + " as '" + signerName + "' ("
                        + BundleSignatures.entryName(signerName) + ")");
            }
        } catch (OabException e) {
            throw Errors.fail(e, "<bundleFile> or <signerName>");
        } catch (IOException e) {
            throw Errors.io("cannot sign " + bundle, e);
        }
        boolean ascAttached = project.getAttachedArtifacts().stream().anyMatch(a -> "oab.asc".equals(a.getType())
                && Objects.equals(a.getClassifier(), classifier));
        signPgp(bundle, classifier, bundleFile == null && !ascAttached);
    }

    private boolean alreadySigned(Path bundle) throws OabException, IOException {
        String entry = BundleSignatures.entryName(signerName);
        try (BundleReader reader = BundleReader.open(bundle)) {
            return reader.entry(entry).isPresent();
        }
    }

    private Path bundle() throws MojoExecutionException {
        return AttachedBundle.find(project, bundleFile, classifier, "sign");
    }
}
