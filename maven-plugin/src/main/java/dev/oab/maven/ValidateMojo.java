package dev.oab.maven;

import dev.oab.OabException;
import dev.oab.signing.PemKeys;
import dev.oab.signing.SignatureVerifier;
import dev.oab.validation.ComponentResult;
import dev.oab.validation.Issue;
import dev.oab.validation.Profile;
import dev.oab.validation.ProfileException;
import dev.oab.validation.Profiles;
import dev.oab.validation.Reports;
import dev.oab.validation.ValidationReport;
import dev.oab.validation.Validator;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks from evidence that the project's bundle is a complete, open release: every component the
 * profile (or registry policy) requires is present, licensed as it demands and valid (cards,
 * configurations, environment, weights), as {@code spec/validation.md} defines and {@code oab validate}
 * reports. Prints the report, writes {@code <bundle>.validation.json}, {@code .validation.html} and
 * {@code .validation.svg} (a badge with the MOF class reached) beside it under {@code target/}, and
 * fails the build naming each failing component and rule when the profile or policy is not met.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ValidateMojo extends AbstractOabMojo {

    /**
     * Built-in profile to meet: {@code mof-class-iii}, {@code mof-class-ii}, {@code mof-class-i},
     * {@code osaid-1.0} or {@code oab-full} (the default: everything a truly open release needs).
     * Ignored when {@code <policy>} is set.
     */
    @Parameter(property = "oab.profile", defaultValue = "oab-full")
    String profile;

    /**
     * A registry policy file (JSON, {@code spec/schema/profile.schema.json}) to meet instead of
     * {@code <profile>}; it may extend built-in profiles.
     */
    @Parameter(property = "oab.policy")
    File policy;

    /**
     * Public keys (PEM) of the signers whose embedded signatures count, for a policy that requires
     * signatures. Without them no signature can count.
     */
    @Parameter(property = "oab.trustedKeys")
    List<File> trustedKeys = new ArrayList<>();

    /** Bundle to validate. Default: the bundle {@code oab:bundle} attached to this project (with {@code <classifier>}). */
    @Parameter(property = "oab.bundleFile")
    File bundleFile;

    /** Classifier of the attached bundle to validate, when {@code <bundleFile>} is not set. */
    @Parameter(property = "oab.classifier")
    String classifier;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping OAB validation (oab.skip)");
            return;
        }
        Validator validator = Validator.of(loadProfile());
        if (!trustedKeys.isEmpty()) {
            List<SignatureVerifier> verifiers = new ArrayList<>();
            for (File key : trustedKeys) {
                try {
                    verifiers.add(SignatureVerifier.forPublicKey(PemKeys.readPublicKey(key.toPath())));
                } catch (OabException e) {
                    throw new MojoExecutionException("<trustedKeys> (oab.trustedKeys): " + e.getMessage(), e);
                }
            }
            validator = validator.withTrustedSigners(verifiers);
        }
        Path bundle = bundle();
        ValidationReport report;
        try {
            report = validator.validate(bundle);
        } catch (OabException e) {
            throw Errors.fail(e, "<bundleFile> (oab.bundleFile)");
        } catch (IOException e) {
            throw Errors.io("cannot read " + bundle, e);
        }
        Reports.text(report).lines().forEach(getLog()::info);
        String base = bundle.getFileName().toString().replaceFirst("\\.oab$", "");
        Path directory = Path.of(project.getBuild().getDirectory());
        Path json = directory.resolve(base + ".validation.json");
        try {
            Files.createDirectories(directory);
            Files.write(json, Reports.json(report));
            Files.writeString(directory.resolve(base + ".validation.html"), Reports.html(report), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve(base + ".validation.svg"), Reports.badge(report), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw Errors.io("cannot write the validation reports under " + directory, e);
        }
        getLog().info("Validation reports: " + json + " (and .validation.html, .validation.svg)");
        if (!report.met()) {
            throw new MojoFailureException(failure(report));
        }
    }

    private Profile loadProfile() throws MojoExecutionException {
        try {
            return policy != null ? Profiles.load(policy.toPath()) : Profiles.builtIn(profile);
        } catch (ProfileException e) {
            throw new MojoExecutionException((policy != null ? "<policy> (oab.policy): " : "<profile> (oab.profile): ")
                    + e.getMessage().replace("with --policy", "with <policy> (oab.policy)"), e);
        }
    }

    /** Each unmet component with each rule it breaks, then each bundle-wide rule that fails. */
    private String failure(ValidationReport r) {
        StringBuilder sb = new StringBuilder(r.bundle() + " does not meet " + r.profile() + " (" + r.title() + "):");
        for (ComponentResult c : r.unmet()) {
            for (Issue issue : c.issues().stream().filter(Issue::isError).toList()) {
                sb.append("\n  - ").append(c.name()).append(" (").append(c.id()).append("): rule ").append(issue.rule())
                        .append(" [").append(issue.code()).append("]: ").append(issue.message());
            }
        }
        for (Issue issue : r.issues().stream().filter(Issue::isError).toList()) {
            sb.append("\n  - bundle: rule ").append(issue.rule()).append(" [").append(issue.code()).append("] ")
                    .append(issue.path().isEmpty() ? "" : issue.path() + ": ").append(issue.message());
            if (issue.rule().equals("policy.signatures") && trustedKeys.isEmpty()) {
                sb.append(" (in this plugin: list the signers' public keys in <trustedKeys>)");
            }
        }
        return sb.append("\nAdd or fix these in the bundle (src/main/oab/ or <fileSets> of oab:bundle), or validate")
                .append(" against another <profile>/<policy>.").toString();
    }

    private Path bundle() throws MojoExecutionException {
        return AttachedBundle.find(project, bundleFile, classifier, "validate");
    }
}
