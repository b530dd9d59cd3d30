package dev.oab.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What every OAB goal has: the project, and {@code oab.skip}. */
abstract class AbstractOabMojo extends AbstractMojo {

    /** Skip every OAB goal. */
    @Parameter(property = "oab.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;
}
