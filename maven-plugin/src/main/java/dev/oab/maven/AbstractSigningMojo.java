package dev.oab.maven;

import dev.oab.OabException;
import dev.oab.bundle.BuildTimestamp;
import dev.oab.signing.KeyException;
import dev.oab.signing.ModelSigner;
import dev.oab.signing.PgpSignatures;
import dev.oab.signing.SigningKeys;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * What {@code oab:bundle} and {@code oab:sign} share: where the signing key is, where its
 * passphrase comes from (never the POM), and the OpenPGP {@code .asc} attached beside the bundle.
 */
abstract class AbstractSigningMojo extends AbstractOabMojo {

    static final String KEY_ENV = "OAB_SIGNING_KEY";
    static final String PASSPHRASE_ENV = "OAB_KEY_PASSPHRASE";

    /**
     * EC private key (PKCS#8 or SEC1 PEM; P-256, P-384 or P-521) that makes the OMS signature.
     * Default: the path in the environment variable {@code OAB_SIGNING_KEY}. Its passphrase, if it
     * is encrypted, comes from {@code <serverId>} or the environment variable
     * {@code OAB_KEY_PASSPHRASE}, never from the POM.
     */
    @Parameter(property = "oab.signingKey")
    File signingKey;

    /** Certificate of {@code signingKey}: sign with the OMS certificate method instead of the key method. */
    @Parameter(property = "oab.signingCertificate")
    File signingCertificate;

    /** With {@code signingCertificate}: intermediate CA certificates to embed, issuer of the leaf first. */
    @Parameter(property = "oab.certificateChain")
    File certificateChain;

    /** Name of the signature in the bundle: {@code .oab/signatures/<signerName>.sig}. */
    @Parameter(property = "oab.signerName", defaultValue = "producer")
    String signerName;

    /**
     * Id of a {@code <server>} in {@code settings.xml} whose password (encrypted or not, decrypted
     * as Maven does) is the passphrase of {@code signingKey} and {@code pgpKey}. Without it the
     * passphrase comes from the environment variable {@code OAB_KEY_PASSPHRASE}.
     */
    @Parameter(property = "oab.serverId")
    String serverId;

    /**
     * Armored OpenPGP secret key: also write {@code <bundle>.asc}, a detached signature of the whole
     * file that {@code gpg --verify} checks, and attach it with type {@code oab.asc} as
     * maven-gpg-plugin does. Same passphrase source as {@code signingKey}.
     */
    @Parameter(property = "oab.pgpKey")
    File pgpKey;

    /**
     * The time recorded in the bundle (its {@code created} field and every entry), for reproducible builds: RFC 3339
     * or seconds since the epoch. Empty or one character (Maven's convention) means none.
     */
    @Parameter(property = "oab.outputTimestamp", defaultValue = "${project.build.outputTimestamp}")
    String outputTimestamp;

    @Parameter(defaultValue = "${settings}", readonly = true, required = true)
    Settings settings;

    @Component
    SettingsDecrypter decrypter;

    @Component
    MavenProjectHelper projectHelper;

    /** The signing key from configuration or {@code OAB_SIGNING_KEY}; null when neither is set. */
    Path signingKeyPath() {
        if (signingKey != null) {
            return signingKey.toPath();
        }
        String env = System.getenv(KEY_ENV);
        return env == null || env.isBlank() ? null : project.getBasedir().toPath().resolve(env);
    }

    String signingKeyElement() {
        return signingKey != null ? "<signingKey> (oab.signingKey)" : "environment variable " + KEY_ENV;
    }

    ModelSigner loadSigner(Path key) throws MojoExecutionException, MojoFailureException {
        if (!Files.isRegularFile(key)) {
            throw new MojoExecutionException(signingKeyElement() + ": the signing key " + key
                    + " does not exist; point it at your EC private key (oab keygen makes one)");
        }
        char[] passphrase = passphrase();
        try {
            return SigningKeys.load(key, passphrase, path(signingCertificate), path(certificateChain));
        } catch (KeyException e) {
            if (e.reason() == KeyException.Reason.WRONG_PASSPHRASE || e.reason() == KeyException.Reason.PASSPHRASE_REQUIRED) {
                throw new MojoExecutionException(signingKeyElement() + ": " + key + " is encrypted and "
                        + (passphrase == null ? "no passphrase was given" : "the passphrase from " + passphraseSource()
                        + " does not decrypt it") + "; set the passphrase as the password of a settings.xml <server> "
                        + "named by <serverId>, or in the environment variable " + PASSPHRASE_ENV);
            }
            throw Errors.fail(e, signingKeyElement());
        } catch (OabException e) {
            throw Errors.fail(e, signingKeyElement());
        } finally {
            clear(passphrase);
        }
    }

    /** Writes and attaches {@code bundle.asc} when {@code pgpKey} is configured. */
    void signPgp(Path bundle, String classifier, boolean attach) throws MojoExecutionException, MojoFailureException {
        if (pgpKey == null) {
            return;
        }
        Path asc = bundle.resolveSibling(bundle.getFileName() + ".asc");
        char[] passphrase = passphrase();
        try {
            byte[] secret = Files.readAllBytes(pgpKey.toPath());
            // The signing time is the real one, as gpg's: the build timestamp is usually older
            // than the key, and OpenPGP verifiers refuse signatures that predate their key.
            byte[] signature = PgpSignatures.signDetached(bundle, secret, passphrase, Instant.now());
            Files.write(asc, signature);
        } catch (OabException e) {
            throw Errors.fail(e, "<pgpKey> (oab.pgpKey)");
        } catch (IOException e) {
            throw Errors.io("<pgpKey> (oab.pgpKey): cannot sign " + bundle, e);
        } finally {
            clear(passphrase);
        }
        if (attach) {
            projectHelper.attachArtifact(project, "oab.asc", classifier, asc.toFile());
        }
        getLog().info("OpenPGP signature " + asc);
    }

    Optional<Instant> timestamp() throws MojoExecutionException {
        if (outputTimestamp == null || outputTimestamp.trim().length() <= 1) {
            return Optional.empty();
        }
        try {
            return BuildTimestamp.parse(outputTimestamp, "<outputTimestamp> (project.build.outputTimestamp)");
        } catch (OabException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private String passphraseSource() {
        return serverId != null && !serverId.isBlank() ? "settings.xml server '" + serverId + "'"
                : "the environment variable " + PASSPHRASE_ENV;
    }

    /** The passphrase from the settings.xml server {@code serverId}, else {@code OAB_KEY_PASSPHRASE}; may be null. */
    private char[] passphrase() throws MojoExecutionException {
        if (serverId != null && !serverId.isBlank()) {
            Server server = settings.getServer(serverId);
            if (server == null) {
                throw new MojoExecutionException("<serverId> (oab.serverId): settings.xml has no <server> with id '"
                        + serverId + "'; add one whose <password> is the key's passphrase");
            }
            SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            for (SettingsProblem problem : result.getProblems()) {
                if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                    throw new MojoExecutionException("<serverId> (oab.serverId): the password of server '" + serverId
                            + "' cannot be decrypted: " + problem.getMessage() + "; check settings-security.xml");
                }
            }
            String password = result.getServer().getPassword();
            return password == null || password.isEmpty() ? null : password.toCharArray();
        }
        String env = System.getenv(PASSPHRASE_ENV);
        return env == null || env.isEmpty() ? null : env.toCharArray();
    }

    private static Path path(File file) {
        return file == null ? null : file.toPath();
    }

    private static void clear(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
