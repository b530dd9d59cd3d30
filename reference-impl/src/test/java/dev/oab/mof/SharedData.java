package dev.oab.mof;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the read-only shared test data (system property {@code oab.shared.dir}, set by surefire). */
final class SharedData {

    private SharedData() {
    }

    static Path mofDir() {
        String shared = System.getProperty("oab.shared.dir");
        if (shared == null) {
            throw new IllegalStateException("system property oab.shared.dir is not set; run the tests through Maven");
        }
        Path dir = Path.of(shared, "vectors", "mof");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir + " does not exist; oab.shared.dir must point at the shared directory");
        }
        return dir;
    }
}
