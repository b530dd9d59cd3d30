package dev.oab.cli;

import dev.oab.OabException;
import dev.oab.signing.EcCurve;
import dev.oab.signing.KeyPairFiles;
import dev.oab.signing.PemKeys;
import dev.oab.signing.PgpSignatures;
import dev.oab.signing.PublicKeyHint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** {@code oab keygen}: an EC key pair for OMS signing, or an OpenPGP key pair for .asc signatures. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = {"Generate a signing key pair: PREFIX.private.pem and PREFIX.public.pem",
                "(or PREFIX.secret.asc and PREFIX.public.asc with --pgp-user-id).",
                "The private key is encrypted when OAB_KEY_PASSPHRASE is set. Existing files are never overwritten."})
public final class KeygenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--curve", paramLabel = "CURVE", defaultValue = "p256",
            description = "p256, p384 or p521 (default: ${DEFAULT-VALUE}).")
    String curve;

    @Option(names = "--out", required = true, paramLabel = "PREFIX", description = "Path prefix of the key files.")
    Path prefix;

    @Option(names = "--pgp-user-id", paramLabel = "USER-ID",
            description = "Generate an OpenPGP (ECDSA P-256) key with this user id instead, e.g. 'Team <team@example.org>'.")
    String pgpUserId;

    private final Function<String, String> env;

    public KeygenCommand() {
        this(System::getenv);
    }

    /** @param env where {@value CliErrors#PASSPHRASE_ENV} is looked up; tests pass their own */
    public KeygenCommand(Function<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        char[] passphrase = CliErrors.passphrase(env);
        try {
            return pgpUserId != null ? generatePgp(passphrase) : generateEc(passphrase);
        } catch (OabException e) {
            return CliErrors.report("keygen", e, err);
        } catch (RuntimeException e) {
            return CliErrors.reportInternal("keygen", e, err);
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    private int generateEc(char[] passphrase) throws OabException {
        EcCurve chosen = EcCurve.fromName(curve);
        KeyPair pair = PemKeys.generate(chosen);
        KeyPairFiles files = KeyPairFiles.forPrefix(prefix);
        files.write(pair, passphrase);
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + files.privateKey() + " (" + chosen.cliName() + ", "
                + (passphrase == null ? "NOT encrypted: set " + CliErrors.PASSPHRASE_ENV + " to encrypt" : "encrypted") + ")");
        out.println("wrote " + files.publicKey() + " (hint " + PublicKeyHint.of(pair.getPublic()) + ")");
        return CliErrors.OK;
    }

    private int generatePgp(char[] passphrase) throws OabException {
        String name = prefix.getFileName().toString();
        Path secret = prefix.resolveSibling(name + ".secret.asc");
        Path pub = prefix.resolveSibling(name + ".public.asc");
        for (Path p : new Path[] {secret, pub}) {
            if (Files.exists(p)) {
                throw new OabException(OabException.Category.BAD_REQUEST, p + " already exists; choose another --out prefix");
            }
        }
        PgpSignatures.ArmoredKeyPair pair = PgpSignatures.generateKey(pgpUserId, passphrase, Instant.now());
        try {
            Files.write(secret, pair.secretKey(), StandardOpenOption.CREATE_NEW);
            Files.write(pub, pair.publicKey(), StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new OabException(OabException.Category.IO, "cannot write the OpenPGP key files: " + e, e);
        }
        spec.commandLine().getOut().println("wrote " + secret + " and " + pub + " (OpenPGP ECDSA P-256, "
                + (passphrase == null ? "NOT protected" : "protected") + ")");
        return CliErrors.OK;
    }
}
