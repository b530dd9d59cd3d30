package dev.oab.bundle;

import dev.oab.authoring.AuthoringException;
import dev.oab.signing.IgnoreRules;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The regular files of a source directory, as bundle paths in UTF-8 order with their sizes. The
 * listing order of the file system, mtimes and permissions never reach the bundle.
 */
record SourceTree(Path root, List<SourceFile> files) {

    record SourceFile(String path, Path file, long size) {
    }

    static SourceTree scan(Path root, List<String> excludeGlobs, List<String> skipExactly) throws IOException,
            AuthoringException {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new AuthoringException(root + " is not a directory");
        }
        List<PathMatcher> excludes = new ArrayList<>();
        for (String glob : excludeGlobs) {
            excludes.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
        }
        List<SourceFile> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String rel = relative(root, dir);
                if (dir.getFileName() != null && dir.getFileName().toString().equals(".git") && !rel.isEmpty()
                        || IgnoreRules.DEFAULTS.contains(rel) || (!rel.isEmpty() && excluded(excludes, rel))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String rel = relative(root, file);
                // OMS verifiers skip these top-level git names, so a bundle that held them could not be
                // verified as a plain OMS directory once extracted.
                if (skipExactly.contains(rel) || IgnoreRules.DEFAULTS.contains(rel) || excluded(excludes, rel)) {
                    return FileVisitResult.CONTINUE;
                }
                if (attrs.isSymbolicLink()) {
                    problems.add(rel + " is a symbolic link; a bundle holds regular files only: copy the target "
                            + "in or exclude it");
                } else if (!attrs.isRegularFile()) {
                    problems.add(rel + " is not a regular file; exclude it");
                } else {
                    files.add(new SourceFile(rel, file, attrs.size()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                problems.add(relative(root, file) + " cannot be read: " + e.getMessage());
                return FileVisitResult.CONTINUE;
            }
        });
        Map<String, String> folded = new HashMap<>();
        for (SourceFile f : files) {
            Optional<Problem> p = BundlePaths.check(f.path());
            if (p.isPresent()) {
                problems.add(f.path() + ": " + p.get().message() + "; rename it or exclude it");
            } else if (Manifest.isReservedPath(f.path())) {
                problems.add(f.path() + " is reserved for OAB itself; rename it or exclude it");
            }
            String other = folded.putIfAbsent(BundlePaths.collisionKey(f.path()), f.path());
            if (other != null) {
                problems.add(f.path() + " and " + other + " would be the same file on case-insensitive or "
                        + "Unicode-normalising file systems; rename one");
            }
        }
        if (!problems.isEmpty()) {
            throw new AuthoringException("cannot pack " + root + ":\n  " + String.join("\n  ", problems));
        }
        files.sort((a, b) -> BundlePaths.UTF8_ORDER.compare(a.path(), b.path()));
        return new SourceTree(root, List.copyOf(files));
    }

    /**
     * This tree plus files from elsewhere, each under the bundle path it is mapped to (a build's
     * outputs, such as weights under {@code target/}). The same path rules apply as to the
     * scanned files, and a mapped path may not collide with a scanned one or with another.
     *
     * @param additional bundle path → file
     * @param reserved   bundle paths no file may take (the authoring file)
     */
    SourceTree withAdditional(Map<String, Path> additional, List<String> reserved) throws IOException,
            AuthoringException {
        if (additional.isEmpty()) {
            return this;
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> folded = new HashMap<>();
        for (SourceFile f : files) {
            folded.put(BundlePaths.collisionKey(f.path()), f.path());
        }
        List<SourceFile> merged = new ArrayList<>(files);
        for (Map.Entry<String, Path> e : new java.util.TreeMap<>(additional).entrySet()) {
            String path = e.getKey();
            Path file = e.getValue();
            Optional<Problem> p = BundlePaths.check(path);
            if (p.isPresent()) {
                problems.add(path + " (from " + file + "): " + p.get().message() + "; map it to another bundle path");
                continue;
            }
            if (Manifest.isReservedPath(path) || reserved.contains(path)) {
                problems.add(path + " (from " + file + ") is reserved; map it to another bundle path");
                continue;
            }
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (java.nio.file.NoSuchFileException ex) {
                problems.add(path + ": " + file + " does not exist; build it first or fix the path");
                continue;
            }
            if (!attrs.isRegularFile()) {
                problems.add(path + ": " + file + " is not a regular file; a bundle holds regular files only");
                continue;
            }
            String other = folded.putIfAbsent(BundlePaths.collisionKey(path), path);
            if (other != null) {
                problems.add(path + " (from " + file + ") collides with " + other + (other.equals(path) ? "" :
                        " on case-insensitive or Unicode-normalising file systems") + "; map one of them elsewhere");
                continue;
            }
            merged.add(new SourceFile(path, file, attrs.size()));
        }
        if (!problems.isEmpty()) {
            throw new AuthoringException("cannot add files to the bundle of " + root + ":\n  "
                    + String.join("\n  ", problems));
        }
        merged.sort((a, b) -> BundlePaths.UTF8_ORDER.compare(a.path(), b.path()));
        return new SourceTree(root, List.copyOf(merged));
    }

    private static boolean excluded(List<PathMatcher> excludes, String rel) {
        Path p = Path.of(rel);
        return excludes.stream().anyMatch(m -> m.matches(p));
    }

    private static String relative(Path root, Path file) {
        Path rel = root.relativize(file);
        StringBuilder sb = new StringBuilder();
        for (Path part : rel) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(part.toString());
        }
        return sb.toString();
    }
}
