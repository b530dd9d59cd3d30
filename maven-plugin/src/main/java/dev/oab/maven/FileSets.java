package dev.oab.maven;

import org.apache.maven.plugin.MojoExecutionException;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Turns configured {@link FileSet}s into bundle path → file, for {@code BundlePlan}. */
final class FileSets {

    private FileSets() {
    }

    static Map<String, Path> collect(List<FileSet> fileSets, Path basedir) throws MojoExecutionException {
        Map<String, Path> result = new TreeMap<>();
        for (int i = 0; i < fileSets.size(); i++) {
            FileSet set = fileSets.get(i);
            String where = "<fileSets><fileSet> #" + (i + 1);
            if (set.getDirectory() == null) {
                throw new MojoExecutionException(where + ": set <directory>, the folder to take files from");
            }
            Path dir = basedir.resolve(set.getDirectory().toPath());
            if (!Files.isDirectory(dir)) {
                throw new MojoExecutionException(where + ": <directory> " + dir + " does not exist or is not a "
                        + "folder; build it in an earlier phase or fix the path");
            }
            String prefix = set.getBundlePath() == null ? "" : set.getBundlePath().replace('\\', '/');
            if (!prefix.isEmpty() && !prefix.endsWith("/")) {
                prefix = prefix + "/";
            }
            List<PathMatcher> includes = matchers(set.getIncludes());
            List<PathMatcher> excludes = matchers(set.getExcludes());
            List<Path> files;
            try (Stream<Path> walk = Files.walk(dir)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            } catch (IOException e) {
                throw Errors.io(where + ": cannot list " + dir, e);
            }
            int matched = 0;
            for (Path file : files) {
                String rel = dir.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                if ((includes.isEmpty() || matches(includes, rel)) && !matches(excludes, rel)) {
                    Path previous = result.put(prefix + rel, file);
                    if (previous != null) {
                        throw new MojoExecutionException(where + ": bundle path " + prefix + rel + " is taken by both "
                                + previous + " and " + file + "; give one of the file sets another <bundlePath>");
                    }
                    matched++;
                }
            }
            if (matched == 0) {
                throw new MojoExecutionException(where + ": no file of " + dir + " matches " + set.getIncludes()
                        + "; fix <includes> or build the files first");
            }
        }
        return result;
    }

    private static List<PathMatcher> matchers(List<String> globs) {
        List<PathMatcher> result = new ArrayList<>();
        if (globs != null) {
            for (String glob : globs) {
                result.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
                if (glob.startsWith("**/")) {
                    result.add(FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)));
                }
            }
        }
        return result;
    }

    private static boolean matches(List<PathMatcher> matchers, String rel) {
        Path p = Path.of(rel);
        return matchers.stream().anyMatch(m -> m.matches(p));
    }
}
