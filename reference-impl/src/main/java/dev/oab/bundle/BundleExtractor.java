package dev.oab.bundle;

import dev.oab.OabException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.HexFormat;


/**
 * Extracts a bundle safely (spec §8). Everything is written into a fresh folder beside the target
 * and renamed into place only once every file's digest matched, so a failed or interrupted
 * extraction leaves the target as it was. Names were already proven to be plain relative paths
 * when the bundle was opened; files are created new, never through links, with default
 * permissions, whatever the archive says.
 */
public final class BundleExtractor {

    private BundleExtractor() {
    }

    /** Extracts every entry of {@code bundle} (manifest and signatures included) into {@code target}. */
    public static void extract(BundleReader bundle, Path target) throws OabException, IOException {
        extract(bundle, target, false);
    }

    /**
     * Extracts every entry of {@code bundle} into {@code target}. With {@code replaceExisting}, a
     * target that already holds files (an earlier extraction that a build owns) is replaced as a
     * whole, and only once the new content has been written and checked; otherwise the target
     * must be new or empty.
     */
    public static void extract(BundleReader bundle, Path target, boolean replaceExisting) throws OabException, IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (replaceExisting && Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)
                && !Files.isSymbolicLink(absolute)) {
            Path previous = Files.createTempDirectory(absolute.getParent(), "." + absolute.getFileName() + ".old.");
            Files.delete(previous);
            extractInto(bundle, absolute, previous);
            return;
        }
        extractInto(bundle, absolute, null);
    }

    private static void extractInto(BundleReader bundle, Path absolute, Path moveExistingTo)
            throws OabException, IOException {
        if (moveExistingTo == null) {
            checkTarget(absolute);
        }
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".");
        if (Files.getFileStore(staging).supportsFileAttributeView("posix")) {
            // createTempDirectory makes it private (0700); the result is an ordinary folder.
            Files.setPosixFilePermissions(staging, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        boolean done = false;
        try {
            byte[] buffer = new byte[1 << 20];
            MessageDigest sha256 = Digests.sha256();
            for (BundleEntry entry : bundle.entries()) {
                Path out = resolveInside(staging, entry.path());
                Files.createDirectories(out.getParent());
                if (entry.kind() != BundleEntry.Kind.FILE) {
                    // The manifest and signatures were checked when the bundle was opened: write those bytes.
                    byte[] checked = entry.kind() == BundleEntry.Kind.MANIFEST ? bundle.manifestBytes()
                            : bundle.signatureBytes(entry.path());
                    Files.write(out, checked, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                            LinkOption.NOFOLLOW_LINKS);
                    continue;
                }
                sha256.reset();
                try (InputStream in = bundle.openRaw(bundle.zipEntry(entry.path()));
                     OutputStream os = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW,
                             StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                    int n;
                    while ((n = read(in, buffer, entry.path())) >= 0) {
                        sha256.update(buffer, 0, n);
                        os.write(buffer, 0, n);
                    }
                }
                String expected = bundle.manifest().file(entry.path()).orElseThrow().sha256();
                String actual = HexFormat.of().formatHex(sha256.digest());
                if (!actual.equals(expected)) {
                    throw new BundleFormatException(new Problem("integrity.digest-mismatch", entry.path(),
                            "SHA-256 is " + actual + " but oab.json lists " + expected + ": nothing was extracted"));
                }
            }
            if (moveExistingTo != null) {
                Files.move(absolute, moveExistingTo, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } else if (Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(absolute); // checked empty above; rename needs it gone
            }
            Files.move(staging, absolute, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            done = true;
            if (moveExistingTo != null) {
                deleteTree(moveExistingTo);
            }
        } finally {
            if (!done) {
                deleteTree(staging);
            }
        }
    }

    /** A read failure inside the archive is a defect of the bundle, not of this machine. */
    private static int read(InputStream in, byte[] buffer, String path) throws BundleFormatException {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            throw new BundleFormatException(new Problem("integrity.unreadable", path,
                    "the entry cannot be read: " + e.getMessage() + "; nothing was extracted"), e);
        }
    }

    private static void checkTarget(Path target) throws IOException, ExtractionTargetException {
        if (Files.isSymbolicLink(target)) {
            throw new ExtractionTargetException(target + " is a symbolic link; extract into a real, new directory");
        }
        Path existing = target.getParent();
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing != null && !existing.toRealPath().equals(existing)) {
            // A link on the way could be swapped to point elsewhere between our checks and our writes.
            throw new ExtractionTargetException(target + " lies under " + existing + ", which goes through a "
                    + "symbolic link (it resolves to " + existing.toRealPath() + "); extract to the real path");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new ExtractionTargetException(target + " exists and is not a directory");
            }
            try (DirectoryStream<Path> children = Files.newDirectoryStream(target)) {
                if (children.iterator().hasNext()) {
                    throw new ExtractionTargetException(target + " is not empty; extract into a new or empty "
                            + "directory so no existing file is overwritten");
                }
            }
        }
    }

    /** Defence in depth: the reader already refused such names. */
    private static Path resolveInside(Path root, String path) throws IOException {
        Path resolved = root.resolve(path).normalize();
        if (!resolved.startsWith(root) || resolved.equals(root)) {
            throw new IOException(path + " resolves outside the extraction directory");
        }
        return resolved;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** The extraction target cannot be used as it is. */
    public static final class ExtractionTargetException extends OabException {
        ExtractionTargetException(String message) {
            super(Category.BAD_REQUEST, message);
        }
    }
}
