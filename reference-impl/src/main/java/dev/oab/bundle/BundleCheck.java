package dev.oab.bundle;

import dev.oab.OabException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * What a consumer does before using a bundle, in one call: read it with the strict reader, check
 * every file's size and SHA-256 against {@code oab.json}, and apply a {@link TrustPolicy}
 * (trusted signers, threshold, expected name, minimum version). Every failure becomes a
 * {@link Problem} in the result; nothing is thrown for a bundle that merely fails its checks.
 * When asked, a bundle that passed is extracted from the same open file, so what is extracted is
 * what was checked.
 */
public final class BundleCheck {

    private final TrustPolicy policy;
    private final ProgressListener progress;
    private final boolean replaceExtracted;

    private BundleCheck(Builder b) {
        this.replaceExtracted = b.replaceExtracted;
        this.policy = b.policy;
        this.progress = b.progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Checks {@code bundle}. */
    public Result check(Path bundle) throws OabException, IOException {
        return check(bundle, null);
    }

    /**
     * Checks {@code bundle} and, when every check passed and {@code extractTo} is not null,
     * extracts it there (see {@link BundleExtractor}; an existing extraction is replaced only
     * when {@link Builder#replaceExtracted} is set, and only by a bundle that passed).
     */
    public Result check(Path bundle, Path extractTo) throws OabException, IOException {
        Manifest manifest = null;
        IntegrityReport integrity;
        List<Problem> problems = new ArrayList<>();
        List<BundleSignatures.SignatureCheck> signatures = List.of();
        try (BundleReader reader = BundleReader.open(bundle)) {
            manifest = reader.manifest();
            // Signatures cover the manifest, not the bytes being hashed: check them meanwhile.
            FutureTask<TrustPolicy.TrustDecision> trust = new FutureTask<>(() -> policy.evaluate(reader));
            Thread signatureCheck = new Thread(trust, "oab-signatures");
            signatureCheck.setDaemon(true);
            signatureCheck.start();
            integrity = BundleVerifier.create().withProgress(progress).verify(reader);
            problems.addAll(integrity.problems());
            TrustPolicy.TrustDecision decision = outcome(trust);
            signatures = decision.checks();
            problems.addAll(decision.problems());
            if (problems.isEmpty() && extractTo != null) {
                BundleExtractor.extract(reader, extractTo, replaceExtracted);
            }
        } catch (BundleFormatException e) {
            integrity = new IntegrityReport(0, 0, List.of());
            problems.addAll(e.problems());
        }
        return new Result(bundle, Optional.ofNullable(manifest), integrity, signatures, problems);
    }

    private static TrustPolicy.TrustDecision outcome(FutureTask<TrustPolicy.TrustDecision> trust) throws IOException {
        try {
            return trust.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while checking signatures");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) e.getCause();
        }
    }

    /**
     * The outcome of a check.
     *
     * @param manifest   the manifest, when the bundle could be read at all
     * @param signatures each embedded signature's outcome (empty when the policy requires no signer)
     * @param problems   every failed check; empty means the bundle passed
     */
    public record Result(Path bundle, Optional<Manifest> manifest, IntegrityReport integrity,
                         List<BundleSignatures.SignatureCheck> signatures, List<Problem> problems) {
        public Result {
            signatures = List.copyOf(signatures);
            problems = List.copyOf(problems);
        }

        public boolean passed() {
            return problems.isEmpty();
        }
    }

    /** Options of a check. */
    public static final class Builder {
        private TrustPolicy policy = TrustPolicy.ofKeys(java.util.Map.of());
        private ProgressListener progress = ProgressListener.NONE;
        private boolean replaceExtracted;

        /**
         * Lets an extraction replace what an earlier one left in the target directory (a build
         * that owns the directory); by default the target must be new or empty.
         */
        public Builder replaceExtracted(boolean replace) {
            this.replaceExtracted = replace;
            return this;
        }

        /** Whom to trust and what else to require; without one, only integrity is checked. */
        public Builder policy(TrustPolicy policy) {
            this.policy = Objects.requireNonNull(policy);
            return this;
        }

        public Builder progress(ProgressListener progress) {
            this.progress = Objects.requireNonNull(progress);
            return this;
        }

        public BundleCheck build() {
            return new BundleCheck(this);
        }
    }
}
