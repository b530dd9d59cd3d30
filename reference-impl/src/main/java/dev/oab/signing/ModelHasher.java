package dev.oab.signing;

import dev.oab.OabException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Enumerates and hashes a model as OMS {@code files} serialization does: regular files only,
 * never following or accepting symlinks, skipping ignored paths. Files are hashed in parallel on
 * a fixed, small pool (each worker holds one read buffer, so memory stays flat).
 */
public final class ModelHasher {

    /** Hashing is I/O- and SHA-bound; the build machines have two cores. */
    public static final int DEFAULT_THREADS = 2;
    private static final int BUFFER_BYTES = 1 << 20;

    private final int threads;

    public ModelHasher() {
        this(DEFAULT_THREADS);
    }

    public ModelHasher(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.threads = threads;
    }

    /**
     * Hashes every regular file under {@code root} not excluded by the default ignores or
     * {@code ignorePaths} (model-relative paths).
     *
     * @throws SignatureException ({@code UNSUPPORTED_FILE}) for a symlink, special file or a name
     *     that cannot be written into a signature
     */
    public ResourceManifest hashDirectory(Path root, Collection<String> ignorePaths) throws OabException {
        return hashDirectory(root, IgnoreRules.of(ignorePaths));
    }

    ResourceManifest hashDirectory(Path root, IgnoreRules rules) throws OabException {
        List<Path> files = new ArrayList<>();
        List<String> names = new ArrayList<>();
        enumerate(root, rules, files, names);
        return ResourceManifest.of(hashAll(files, names));
    }

    /** A single-file model: one resource named after the file (OMS §6.1.2 rule 5). */
    public ResourceManifest hashFile(Path file) throws OabException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new SignatureException(SignatureException.Reason.UNSUPPORTED_FILE, file.toString(),
                    file + " is not a regular file (symlinks are never followed)", null);
        }
        String name = file.getFileName().toString();
        checkName(name);
        return ResourceManifest.of(List.of(new Resource(name, sha256(file))));
    }

    private void enumerate(Path root, IgnoreRules rules, List<Path> files, List<String> names) throws OabException {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new OabException(OabException.Category.BAD_REQUEST,
                    root + " is not a directory (a symlink to one is not followed either)");
        }
        List<SignatureException> problems = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(root) && rules.ignores(relative(root, dir))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = relative(root, file);
                    if (rules.ignores(name)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (!attrs.isRegularFile()) {
                        problems.add(new SignatureException(SignatureException.Reason.UNSUPPORTED_FILE, name,
                                name + " is " + (attrs.isSymbolicLink() ? "a symbolic link" : "not a regular file")
                                        + "; OMS signatures with allow_symlinks=false cover regular files only:"
                                        + " replace it with a copy of its target or add it to --ignore-paths", null));
                        return FileVisitResult.TERMINATE;
                    }
                    try {
                        checkName(name);
                    } catch (SignatureException e) {
                        problems.add(e);
                        return FileVisitResult.TERMINATE;
                    }
                    files.add(file);
                    names.add(name);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new OabException(OabException.Category.IO, "cannot list " + root + ": " + e, e);
        }
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
    }

    private List<Resource> hashAll(List<Path> files, List<String> names) throws OabException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, files.size())), r -> {
            Thread t = new Thread(r, "oab-hash");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<byte[]>> digests = new ArrayList<>();
            for (Path file : files) {
                digests.add(pool.submit(() -> sha256(file)));
            }
            List<Resource> resources = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                resources.add(new Resource(names.get(i), await(digests.get(i), names.get(i))));
            }
            return resources;
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] await(Future<byte[]> future, String name) throws OabException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OabException(OabException.Category.IO, "interrupted while hashing " + name, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OabException) {
                throw (OabException) e.getCause();
            }
            throw new OabException(OabException.Category.IO, "cannot hash " + name + ": " + e.getCause(), e.getCause());
        }
    }

    static byte[] sha256(Path file) throws OabException {
        MessageDigest digest = ResourceManifest.sha256();
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
        // NOFOLLOW_LINKS also closes the race of a file swapped for a symlink after enumeration.
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                digest.update(buffer);
                buffer.clear();
            }
        } catch (NoSuchFileException e) {
            throw new OabException(OabException.Category.IO, file + " disappeared while it was being hashed", e);
        } catch (IOException e) {
            throw new OabException(OabException.Category.IO, "cannot read " + file + ": " + e, e);
        }
        return digest.digest();
    }

    private static String relative(Path root, Path file) {
        return IgnoreRules.toSlashPath(root.relativize(file));
    }

    private static void checkName(String name) throws SignatureException {
        if (name.indexOf('\uFFFD') >= 0) {
            throw new SignatureException(SignatureException.Reason.UNSUPPORTED_FILE, name,
                    "file name '" + name + "' is not valid UTF-8 and cannot be recorded in a signature (OMS §6.1.2); rename it", null);
        }
        try {
            Statement.checkResourceName(name, "file");
        } catch (SignatureException e) {
            throw new SignatureException(SignatureException.Reason.UNSUPPORTED_FILE, name,
                    "file name '" + name + "' cannot be recorded in a signature (control characters); rename it", null);
        }
    }
}
