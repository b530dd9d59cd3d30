package dev.oab.cli;

import dev.oab.OabException;
import dev.oab.signing.BundleVerifier;
import dev.oab.signing.DirectoryVerifier;
import dev.oab.signing.Manifest;
import dev.oab.signing.PemKeys;
import dev.oab.signing.PgpSignatures;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Verifies a model directory or file against an OMS signature, or a file against an OpenPGP
 * detached signature. Usable as the {@code oab verify} subcommand for extracted models, or
 * called by the main verify command with {@link #verify}.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify a model directory or file against its OMS signature (model.sig),",
                "or a file against an OpenPGP detached signature (.asc).",
                "The model must hold exactly the signed files: missing, extra and changed files each fail."})
public final class SignatureVerifyCommand implements Callable<Integer> {

    static final class Trust {
        @Option(names = "--key", paramLabel = "PUB.pem", description = "Signer's EC public key (OMS key method).")
        Path key;

        @Option(names = "--cert-chain", paramLabel = "CA.pem",
                description = "Trusted CA certificate(s) the signer's chain must lead to (OMS certificate method).")
        Path certChain;

        @Option(names = "--pgp-key", paramLabel = "PUBLIC.asc", description = "Armored OpenPGP public key (.asc signatures).")
        Path pgpKey;
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "Model directory or file.")
    Path path;

    @Option(names = "--signature", paramLabel = "FILE",
            description = "Signature file (default: PATH/model.sig for a directory, PATH.sig or PATH.asc for a file).")
    Path signature;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Trust trust;

    @Option(names = "--ignore-paths", split = ",", paramLabel = "PATH",
            description = "Model-relative paths to leave out besides those the signer recorded"
                    + " (needed for signatures made before OMS v1.1.0).")
    List<String> ignorePaths = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            String summary = verify();
            spec.commandLine().getOut().println(summary);
            return CliErrors.OK;
        } catch (OabException e) {
            return CliErrors.report("verify", e, err);
        } catch (RuntimeException e) {
            return CliErrors.reportInternal("verify", e, err);
        }
    }

    /** Runs the verification the options describe; returns a one-line summary for the user. */
    public String verify() throws OabException {
        if (!Files.exists(path)) {
            throw new OabException(OabException.Category.BAD_REQUEST, path + " does not exist; pass the model directory or file");
        }
        if (trust.pgpKey != null) {
            Path sig = signature != null ? signature : path.resolveSibling(path.getFileName() + ".asc");
            PgpSignatures.verifyDetached(path, read(sig), read(trust.pgpKey));
            return "verified " + path + " against OpenPGP signature " + sig;
        }
        Path sig = signature != null ? signature
                : Files.isDirectory(path) ? path.resolve("model.sig") : path.resolveSibling(path.getFileName() + ".sig");
        BundleVerifier verifier = trust.key != null
                ? BundleVerifier.forPublicKey(PemKeys.readPublicKey(trust.key))
                : BundleVerifier.forTrustAnchors(PemKeys.readCertificates(trust.certChain));
        Manifest verified = new DirectoryVerifier(verifier).verify(path, sig, ignorePaths);
        return "verified " + verified.size() + (verified.size() == 1 ? " file" : " files") + " of " + path
                + " against " + sig;
    }

    private static byte[] read(Path file) throws OabException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new OabException(OabException.Category.BAD_REQUEST, "cannot read " + file + ": " + e, e);
        }
    }
}
