package dev.oab.maven;

import dev.oab.OabException;
import dev.oab.bundle.BundlePlan;
import dev.oab.bundle.BundleWriter;
import dev.oab.bundle.Manifest;
import dev.oab.export.Exports;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Packs the release into {@code target/<artifactId>-<version>.oab}: the bundle source directory
 * (with its {@code oab.yaml}) plus the configured {@code <fileSets>}, byte-reproducibly from
 * {@code project.build.outputTimestamp}, and attaches it with type {@code oab} so {@code install}
 * and {@code deploy} publish it. When a signing key is configured ({@code <signingKey>} or
 * {@code OAB_SIGNING_KEY}) the bundle is signed in the same pass, and with {@code <pgpKey>} an
 * OpenPGP {@code .asc} is written and attached too.
 */
@Mojo(name = "bundle", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BundleMojo extends AbstractSigningMojo {

    /**
     * Folder holding {@code oab.yaml} and the release's hand-written files in the conventional
     * layout (cards/, config/, code/, data/, env/, LICENSES/, ...). It is {@code src/main/oab} and
     * not {@code src/main/resources} so that bundle content never lands in the jar and the
     * resources plugin never filters it: what the team wrote is what is signed.
     */
    @Parameter(property = "oab.sourceDirectory", defaultValue = "${project.basedir}/src/main/oab")
    File sourceDirectory;

    /**
     * Files from elsewhere, mapped into the bundle: typically the weights the build wrote under
     * {@code target/}, or code kept in {@code src/main/java}. Each has {@code <directory>},
     * {@code <bundlePath>} (folder in the bundle), {@code <includes>} and {@code <excludes>}.
     */
    @Parameter
    List<FileSet> fileSets = new ArrayList<>();

    /** Folder the bundle is written to. */
    @Parameter(property = "oab.outputDirectory", defaultValue = "${project.build.directory}")
    File outputDirectory;

    /** File name of the bundle, without {@code .oab}. */
    @Parameter(property = "oab.finalName", defaultValue = "${project.artifactId}-${project.version}")
    String finalName;

    /** Classifier of the attached bundle; none by default. */
    @Parameter(property = "oab.classifier")
    String classifier;

    /**
     * Bills of materials to write beside the bundle and attach: {@code cyclonedx} (CycloneDX 1.6
     * ML-BOM, classifier {@code cyclonedx}) and/or {@code spdx} (SPDX 3.0.1 JSON-LD, classifier
     * {@code spdx}), type {@code json}. They describe the bundle as written, signature included,
     * and are as reproducible as the bundle.
     */
    @Parameter(property = "oab.boms")
    List<String> boms = new ArrayList<>();

    /** Attach the bundle (and its {@code .asc}) to the project, so install and deploy publish them. */
    @Parameter(property = "oab.attach", defaultValue = "true")
    boolean attach;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping OAB bundle (oab.skip)");
            return;
        }
        Path source = sourceDirectory.toPath();
        if (!Files.isDirectory(source)) {
            throw new MojoExecutionException("<sourceDirectory> (oab.sourceDirectory): " + source + " does not "
                    + "exist; create it with an oab.yaml (name, version, producer, license) or point it elsewhere");
        }
        Map<String, Path> additional = FileSets.collect(fileSets, project.getBasedir().toPath());
        Optional<Instant> time = timestamp();
        Path output = outputDirectory.toPath().resolve(finalName + ".oab");
        BundleWriter.Builder writer = BundleWriter.builder().progress(new LogProgress(getLog(), "packing"));
        time.ifPresent(writer::timestamp);
        Path key = signingKeyPath();
        if (key != null) {
            writer.signWith(loadSigner(key), signerName);
        }
        BundleWriter.PackResult result;
        try {
            result = writer.build().write(BundlePlan.of(source, additional, time), output);
        } catch (OabException e) {
            throw Errors.fail(e, "<sourceDirectory>/oab.yaml or <fileSets>");
        } catch (IOException e) {
            throw Errors.io("cannot write " + output, e);
        }
        Manifest m = result.manifest();
        getLog().info(String.format("Packed %s %s: %d files, %d components -> %s (%d bytes%s)", m.name(), m.version(),
                m.files().size(), m.components().size(), output, result.length(),
                key == null ? ", unsigned" : ", signed as '" + signerName + "'"));
        if (!m.version().equals(project.getVersion())) {
            getLog().warn("oab.yaml says version " + m.version() + " but the project is " + project.getVersion()
                    + "; keep them equal so the repository coordinates name the bundle they hold");
        }
        if (attach) {
            projectHelper.attachArtifact(project, "oab", classifier, output.toFile());
        }
        signPgp(output, attach ? classifier : null, attach);
        writeBoms(output);
    }

    private void writeBoms(Path bundle) throws MojoExecutionException, MojoFailureException {
        for (String id : boms) {
            Exports.Format format;
            try {
                format = Exports.Format.of(id);
            } catch (OabException e) {
                throw new MojoExecutionException("<boms> (oab.boms): " + e.getMessage(), e);
            }
            String extension = format == Exports.Format.CYCLONEDX ? ".cdx.json" : "." + format.id() + ".json";
            Path out = outputDirectory.toPath().resolve(finalName + extension);
            try {
                Files.write(out, Exports.export(bundle, format));
            } catch (OabException e) {
                throw Errors.fail(e, "<boms>");
            } catch (IOException e) {
                throw Errors.io("cannot write " + out, e);
            }
            getLog().info("Wrote " + format.id() + " description " + out);
            if (attach) {
                projectHelper.attachArtifact(project, "json", format.id(), out.toFile());
            }
        }
    }
}
