package dev.oab.maven;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** Which bundle a goal works on: {@code <bundleFile>} when set, else the one {@code oab:bundle} attached. */
final class AttachedBundle {

    private AttachedBundle() {
    }

    /**
     * @param action what the goal does with it ("sign", "validate"), for the message when there is none
     */
    static Path find(MavenProject project, File bundleFile, String classifier, String action)
            throws MojoExecutionException {
        if (bundleFile != null) {
            if (!bundleFile.isFile()) {
                throw new MojoExecutionException("<bundleFile> (oab.bundleFile): " + bundleFile + " does not exist");
            }
            return bundleFile.toPath();
        }
        Optional<Artifact> attached = project.getAttachedArtifacts().stream()
                .filter(a -> "oab".equals(a.getType()) && Objects.equals(a.getClassifier(), classifier))
                .findFirst();
        if (attached.isEmpty() || attached.get().getFile() == null || !attached.get().getFile().isFile()) {
            throw new MojoExecutionException("no bundle to " + action + ": this project has no attached bundle"
                    + (classifier == null ? "" : " with classifier '" + classifier + "'") + "; run oab:bundle in an "
                    + "earlier phase (package) or set <bundleFile> (oab.bundleFile)");
        }
        return attached.get().getFile().toPath();
    }
}
