package dev.oab.maven;

import dev.oab.OabException;
import dev.oab.bundle.BundleCheck;
import dev.oab.bundle.Problem;
import dev.oab.bundle.TrustPolicy;
import dev.oab.signing.PemKeys;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * For consumers: verifies every bundle the build uses before anything reads it: the project's
 * dependencies of type {@code oab} and the coordinates listed in {@code <bundles>}, resolved from
 * the project's repositories. Each must be intact (every file's size and SHA-256 as in its
 * {@code oab.json}) and carry a signature by a trusted signer ({@code <trustedKeys>} or
 * {@code <trustedCertificates>}) that covers exactly this bundle. The build fails naming each
 * artifact and why. With {@code <unpack>}, verified bundles are extracted into
 * {@code target/oab/<artifactId>/} for the build to use: models as verified dependencies.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public class VerifyMojo extends AbstractOabMojo {

    /** Public keys (PEM) of the signers you trust (OMS key method). A bundle needs a signature by one. */
    @Parameter(property = "oab.trustedKeys")
    List<File> trustedKeys = new ArrayList<>();

    /** CA certificates (PEM) a signer's certificate must chain to (OMS certificate method). */
    @Parameter(property = "oab.trustedCertificates")
    File trustedCertificates;

    /**
     * Further bundles to resolve and verify, as {@code groupId:artifactId:version} (type
     * {@code oab}) or {@code groupId:artifactId:extension[:classifier]:version}.
     */
    @Parameter(property = "oab.bundles")
    List<String> bundles = new ArrayList<>();

    /** Verify the project's dependencies of type {@code oab}. */
    @Parameter(property = "oab.includeDependencies", defaultValue = "true")
    boolean includeDependencies;

    /** Extract each verified bundle into {@code <unpackDirectory>/<artifactId>/}. */
    @Parameter(property = "oab.unpack", defaultValue = "false")
    boolean unpack;

    /** Where {@code <unpack>} extracts bundles. */
    @Parameter(property = "oab.unpackDirectory", defaultValue = "${project.build.directory}/oab")
    File unpackDirectory;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Component
    RepositorySystem repositorySystem;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping OAB verification (oab.skip)");
            return;
        }
        Map<String, Path> targets = targets();
        if (targets.isEmpty()) {
            getLog().warn("No bundle to verify: no dependency of type oab and no <bundles>");
            return;
        }
        // target/oab/<artifactId>/ belongs to this goal: a new build replaces what the last one extracted.
        BundleCheck check = BundleCheck.builder().policy(trustPolicy()).replaceExtracted(true)
                .progress(new LogProgress(getLog(), "verifying")).build();
        List<String> failures = new ArrayList<>();
        Map<String, String> unpackedBy = new HashMap<>();
        for (Map.Entry<String, Path> target : targets.entrySet()) {
            String id = target.getKey();
            Path extractTo = null;
            if (unpack) {
                String folder = artifactIdOf(id);
                String other = unpackedBy.putIfAbsent(folder, id);
                if (other != null) {
                    throw new MojoExecutionException("<unpack> (oab.unpack): " + other + " and " + id + " would both "
                            + "be extracted to " + unpackDirectory.toPath().resolve(folder) + "; verify them in "
                            + "separate executions with different <unpackDirectory>");
                }
                extractTo = unpackDirectory.toPath().resolve(folder);
            }
            BundleCheck.Result result;
            try {
                result = check.check(target.getValue(), extractTo);
            } catch (OabException e) {
                throw Errors.fail(e, "<unpackDirectory> (oab.unpackDirectory)");
            } catch (IOException e) {
                throw Errors.io(id + ": cannot read " + target.getValue(), e);
            }
            if (result.passed()) {
                getLog().info("Verified " + id + ": " + result.integrity().files() + " files intact, signed by "
                        + result.signatures().stream().filter(s -> s.accepted()).map(s -> "'" + s.signer() + "'")
                        .toList() + (extractTo == null ? "" : "; extracted to " + extractTo));
            } else {
                StringBuilder sb = new StringBuilder(id + " (" + target.getValue() + ") FAILED verification:");
                for (Problem p : result.problems()) {
                    sb.append("\n  - ").append(p.describe());
                }
                failures.add(sb.toString());
            }
        }
        if (!failures.isEmpty()) {
            throw new MojoFailureException(failures.size() + " of " + targets.size() + " bundles failed verification; "
                    + "do not use them:\n" + String.join("\n", failures));
        }
    }

    /** Artifact id (groupId:artifactId:type[:classifier]:version) → local file, resolved. */
    private Map<String, Path> targets() throws MojoExecutionException {
        Map<String, Path> result = new LinkedHashMap<>();
        if (includeDependencies) {
            for (Artifact a : project.getArtifacts()) {
                if ("oab".equals(a.getType())) {
                    result.put(a.getId(), a.getFile().toPath());
                }
            }
        }
        for (String coordinates : bundles) {
            org.eclipse.aether.artifact.Artifact wanted;
            try {
                String[] parts = coordinates.trim().split(":");
                wanted = parts.length == 3 ? new DefaultArtifact(parts[0], parts[1], "oab", parts[2])
                        : new DefaultArtifact(coordinates.trim());
            } catch (IllegalArgumentException e) {
                throw new MojoExecutionException("<bundles> (oab.bundles): '" + coordinates + "' is not "
                        + "groupId:artifactId:version or groupId:artifactId:extension[:classifier]:version");
            }
            try {
                org.eclipse.aether.artifact.Artifact resolved = repositorySystem.resolveArtifact(
                        session.getRepositorySession(),
                        new ArtifactRequest(wanted, project.getRemoteProjectRepositories(), null)).getArtifact();
                result.put(resolved.toString(), resolved.getFile().toPath());
            } catch (ArtifactResolutionException e) {
                throw new MojoExecutionException("<bundles> (oab.bundles): cannot resolve " + coordinates + ": "
                        + e.getMessage(), e);
            }
        }
        return result;
    }

    /** The configured trust: each key named by its file name, and the CA certificates, if any. */
    private TrustPolicy trustPolicy() throws MojoExecutionException {
        if (trustedKeys.isEmpty() && trustedCertificates == null) {
            throw new MojoExecutionException("<trustedKeys> or <trustedCertificates>: configure the public keys or "
                    + "CA certificates of the producers you trust; a bundle is accepted only when one of them signed it");
        }
        try {
            Map<String, PublicKey> keys = new LinkedHashMap<>();
            for (File key : trustedKeys) {
                keys.put(key.getName(), PemKeys.readPublicKey(key.toPath()));
            }
            List<X509Certificate> authorities = trustedCertificates == null ? List.of()
                    : PemKeys.readCertificates(trustedCertificates.toPath());
            return new TrustPolicy(keys, authorities, List.of(), 1, Optional.empty(), Optional.empty());
        } catch (OabException e) {
            throw new MojoExecutionException("<trustedKeys> or <trustedCertificates>: " + e.getMessage(), e);
        }
    }

    private static String artifactIdOf(String id) {
        return id.split(":")[1];
    }
}
