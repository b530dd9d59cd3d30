package dev.oab.cli;

import dev.oab.OabException;
import dev.oab.signing.DirectorySigner;
import dev.oab.signing.ModelSigner;
import dev.oab.signing.PemKeys;
import dev.oab.signing.PgpSignatures;
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
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
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
        description = {"Sign a model directory or file with an OMS signature (model.sig),",
                "or a single file with an OpenPGP detached signature (.asc).",
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
        } catch (OabException e) {
            return CliErrors.report("sign", e, err);
        } catch (RuntimeException e) {
            return CliErrors.reportInternal("sign", e, err);
        }
    }

    private int signOms() throws OabException {
        if (certChain != null && signingCert == null) {
            throw new OabException(OabException.Category.BAD_REQUEST,
                    "--cert-chain needs --signing-cert (the certificate of --key) as well");
        }
        if (!Files.exists(path)) {
            throw new OabException(OabException.Category.BAD_REQUEST, path + " does not exist; pass the model directory or file");
        }
        char[] passphrase = CliErrors.passphrase(env);
        PrivateKey key;
        try {
            key = PemKeys.readPrivateKey(keyChoice.key, passphrase);
        } finally {
            clear(passphrase);
        }
        ModelSigner signer;
        if (signingCert != null) {
            List<X509Certificate> chain = new ArrayList<>(PemKeys.readCertificates(signingCert));
            if (certChain != null) {
                chain.addAll(PemKeys.readCertificates(certChain));
            }
            signer = ModelSigner.withCertificate(key, chain);
        } else {
            signer = ModelSigner.withKey(key);
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

    private static void clear(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
