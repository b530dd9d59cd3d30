package dev.oab.cli;

import dev.oab.OabException;
import dev.oab.bundle.BundleSignatures;
import dev.oab.signing.DirectorySigner;
import dev.oab.signing.ModelSigner;
import dev.oab.signing.PgpSignatures;
import dev.oab.signing.SigningKeys;
import dev.oab.signing.SigstoreBundle;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code oab sign}: an OMS signature ({@code model.sig}) over a model directory or file, or an
 * OpenPGP detached signature ({@code .asc}) over one file.
 */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = {"Add an OMS signature to a bundle (FILE.oab: embedded as .oab/signatures/<signer>.sig, "
                + "without rewriting the files), sign a model directory or file (model.sig),",
                "or sign a single file with an OpenPGP detached signature (.asc).",
                "Passphrases of encrypted keys are read from the environment variable OAB_KEY_PASSPHRASE."})
public final class SignCommand implements Callable<Integer> {

    static final class KeyChoice {
        @Option(names = "--key", paramLabel = "KEY.pem",
                description = "EC private key (PKCS#8 or SEC1 PEM; P-256, P-384 or P-521).")
        Path key;

        @Option(names = "--pgp-key", paramLabel = "SECRET.asc",
                description = "Armored OpenPGP secret key: writes a detached .asc signature of PATH (a file).")
        Path pgpKey;
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "Model directory or file to sign.")
    Path path;

    @ArgGroup(exclusive = true, multiplicity = "1")
    KeyChoice keyChoice;

    @Option(names = "--signing-cert", paramLabel = "CERT.pem",
            description = "Certificate of --key: signs with the OMS certificate method instead of the key method.")
    Path signingCert;

    @Option(names = "--cert-chain", paramLabel = "CHAIN.pem",
            description = "With --signing-cert: intermediate CA certificates to include, issuer of the leaf first.")
    Path certChain;

    @Option(names = "--signer", paramLabel = "NAME", defaultValue = "producer",
            description = "For a bundle: the signature's name, e.g. 'registry' for a countersignature "
                    + "(default: ${DEFAULT-VALUE}).")
    String signerName;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Signature file (default: PATH/model.sig for a directory, PATH.sig for a file, PATH.asc with --pgp-key).")
    Path out;

    @Option(names = "--ignore-paths", split = ",", paramLabel = "PATH",
            description = "Model-relative paths to leave unsigned (exact paths; a directory excludes its subtree).")
    List<String> ignorePaths = new ArrayList<>();

    private final Function<String, String> env;

    public SignCommand() {
        this(System::getenv);
    }

    /** @param env where {@value CliErrors#PASSPHRASE_ENV} is looked up; tests pass their own */
    public SignCommand(Function<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return keyChoice.pgpKey != null ? signPgp() : signOms();
        } catch (OabException | IOException | RuntimeException e) {
            return CliErrors.report("sign", e, err);
        }
    }

    private int signOms() throws OabException, IOException {
        if (!Files.exists(path)) {
            throw new OabException(OabException.Category.BAD_REQUEST, path + " does not exist; pass the model directory or file");
        }
        ModelSigner signer = loadSigner(keyChoice.key, signingCert, certChain, env);
        if (isBundle(path)) {
            if (out != null || !ignorePaths.isEmpty()) {
                throw new OabException(OabException.Category.BAD_REQUEST, "a bundle's signature is embedded in it: "
                        + "--out and --ignore-paths do not apply to " + path);
            }
            BundleSignatures.sign(path, signer, signerName);
            spec.commandLine().getOut().println("signed " + path + " as '" + signerName + "' ("
                    + BundleSignatures.entryName(signerName) + ")");
            return CliErrors.OK;
        }
        Path target = out != null ? out
                : Files.isDirectory(path) ? path.resolve("model.sig") : path.resolveSibling(path.getFileName() + ".sig");
        SigstoreBundle bundle = new DirectorySigner(signer).sign(path, target, ignorePaths);
        spec.commandLine().getOut().println("signed " + path + " into " + target + " ("
                + (signingCert != null ? "certificate" : "key hint " + bundle.publicKeyHint().orElse("")) + ")");
        return CliErrors.OK;
    }

    private int signPgp() throws OabException {
        if (signingCert != null || certChain != null || !ignorePaths.isEmpty()) {
            throw new OabException(OabException.Category.BAD_REQUEST,
                    "--pgp-key signs one file; --signing-cert, --cert-chain and --ignore-paths do not apply");
        }
        if (!Files.isRegularFile(path)) {
            throw new OabException(OabException.Category.BAD_REQUEST,
                    path + " is not a regular file; OpenPGP signatures cover one file (e.g. the .oab bundle)");
        }
        Path target = out != null ? out : path.resolveSibling(path.getFileName() + ".asc");
        byte[] secret;
        try {
            secret = Files.readAllBytes(keyChoice.pgpKey);
        } catch (IOException e) {
            throw new OabException(OabException.Category.BAD_REQUEST, "cannot read " + keyChoice.pgpKey + ": " + e, e);
        }
        char[] passphrase = CliErrors.passphrase(env);
        byte[] signature;
        try {
            signature = PgpSignatures.signDetached(path, secret, passphrase, Instant.now());
        } finally {
            clear(passphrase);
        }
        try {
            Files.write(target, signature);
        } catch (IOException e) {
            throw new OabException(OabException.Category.IO, "cannot write " + target + ": " + e, e);
        }
        spec.commandLine().getOut().println("signed " + path + " into " + target + " (OpenPGP)");
        return CliErrors.OK;
    }

    /** Whether {@code path} is a bundle rather than a model file: a regular file named *.oab. */
    static boolean isBundle(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".oab");
    }

    /**
     * The signer for a private key, with the key method, or the certificate method when the key's
     * certificate (and optionally its intermediates) are given. The passphrase of an encrypted key
     * comes from {@value CliErrors#PASSPHRASE_ENV} only.
     */
    static ModelSigner loadSigner(Path keyFile, Path signingCert, Path certChain, Function<String, String> env)
            throws OabException {
        if (certChain != null && signingCert == null) {
            throw new OabException(OabException.Category.BAD_REQUEST,
                    "--cert-chain needs --signing-cert (the certificate of the key) as well");
        }
        char[] passphrase = CliErrors.passphrase(env);
        try {
            return SigningKeys.load(keyFile, passphrase, signingCert, certChain);
        } finally {
            clear(passphrase);
        }
    }

    private static void clear(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
