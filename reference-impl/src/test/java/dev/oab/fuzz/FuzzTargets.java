package dev.oab.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.oab.OabException;
import dev.oab.bundle.BundleFormatException;
import dev.oab.bundle.BundleReader;
import dev.oab.bundle.BundleVerifier;
import dev.oab.bundle.ManifestCodec;
import dev.oab.evidence.WeightFormats;
import dev.oab.json.JsonDocumentException;
import dev.oab.signing.EcCurve;
import dev.oab.signing.KeyException;
import dev.oab.signing.PemKeys;
import dev.oab.signing.SignatureException;
import dev.oab.signing.SignatureVerifier;
import dev.oab.signing.Statement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzz targets for every parser that reads untrusted bytes. In the normal test run they replay
 * their corpus (src/test/resources/dev/oab/fuzz/FuzzTargetsInputs/); with JAZZER_FUZZ=1 they fuzz
 * (see bench/README.md). The contract: any input ends in a result or a typed OAB error, never in
 * another exception, a hang or an out-of-memory error.
 */
class FuzzTargets {

    private static final Path SCRATCH;
    private static final SignatureVerifier VERIFIER;

    static {
        try {
            SCRATCH = Files.createTempFile("oab-fuzz", ".oab");
            SCRATCH.toFile().deleteOnExit();
            VERIFIER = SignatureVerifier.forPublicKey(PemKeys.generate(EcCurve.P256).getPublic());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (KeyException e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest(maxDuration = "2m")
    void bundleReader(byte[] archive) throws IOException {
        Files.write(SCRATCH, archive);
        try (BundleReader reader = BundleReader.open(SCRATCH)) {
            BundleVerifier.create().withThreads(1).verify(reader);
        } catch (BundleFormatException expected) {
            // a refused archive is the expected outcome for almost every input
        }
    }

    @FuzzTest(maxDuration = "2m")
    void manifestParser(byte[] json) {
        try {
            ManifestCodec.parse(json);
        } catch (BundleFormatException expected) {
            // refused manifests are fine; anything else is a bug
        }
    }

    @FuzzTest(maxDuration = "2m")
    void signatureBundle(byte[] json) {
        try {
            VERIFIER.verify(json);
        } catch (SignatureException | JsonDocumentException expected) {
            // refused signatures are fine
        }
        try {
            Statement.parse(json);
        } catch (SignatureException | JsonDocumentException expected) {
            // refused statements are fine
        }
    }

    @FuzzTest(maxDuration = "2m")
    void safetensorsHeader(byte[] file) throws IOException {
        Files.write(SCRATCH, file);
        try {
            WeightFormats.detect(SCRATCH);
        } catch (OabException expected) {
            // an unreadable file is reported as such
        }
    }
}
