package dev.oab.signing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.io.IOException;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Locations of the shared OMS vectors (read-only; tests copy them before tampering). */
public final class Vectors {

    private Vectors() {
    }

    static Path shared() {
        String dir = System.getProperty("oab.shared.dir");
        if (dir == null) {
            throw new IllegalStateException("system property oab.shared.dir is not set (surefire sets it)");
        }
        return Paths.get(dir);
    }

    public static Path reference() {
        return shared().resolve("vectors/oms-reference");
    }

    public static Path referenceKey(String name) {
        return reference().resolve("keys").resolve(name);
    }

    static Path specVectors() {
        return shared().resolve("vectors/oms-spec/test-vectors/v1.0");
    }

    /** Copies a vector directory (flat) into {@code target}, writable, so a test may tamper with it. */
    static Path copy(Path vectorDir, Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(vectorDir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(f.getFileName().toString());
                Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
                to.toFile().setWritable(true);
            }
        }
        return target;
    }
}
