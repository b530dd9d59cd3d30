package dev.oab.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * Files from outside the bundle's source directory, such as weights the build wrote under
 * {@code target/}: the regular files of {@code directory} matching {@code includes} (default: all)
 * and none of {@code excludes}, placed under {@code bundlePath} in the bundle with their paths
 * relative to {@code directory}. Patterns are globs over '/'-separated relative paths, where
 * {@code **} crosses folders ({@code **}{@code /*.safetensors} matches at any depth, the top included).
 */
public class FileSet {

    /** Folder to take files from; relative paths are resolved against the project's base directory. */
    private File directory;

    /** Folder in the bundle to place the files under, e.g. {@code model/}; default: the bundle's root. */
    private String bundlePath = "";

    /** Globs of files to take; default: every file. */
    private List<String> includes = new ArrayList<>();

    /** Globs of files to leave out. */
    private List<String> excludes = new ArrayList<>();

    public File getDirectory() {
        return directory;
    }

    public void setDirectory(File directory) {
        this.directory = directory;
    }

    public String getBundlePath() {
        return bundlePath;
    }

    public void setBundlePath(String bundlePath) {
        this.bundlePath = bundlePath;
    }

    public List<String> getIncludes() {
        return includes;
    }

    public void setIncludes(List<String> includes) {
        this.includes = includes;
    }

    public List<String> getExcludes() {
        return excludes;
    }

    public void setExcludes(List<String> excludes) {
        this.excludes = excludes;
    }
}
