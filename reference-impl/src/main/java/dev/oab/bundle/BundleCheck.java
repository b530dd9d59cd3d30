package dev.oab.bundle;

import dev.oab.OabException;
import dev.oab.signing.SignatureVerifier;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a consumer does before using a bundle, in one call: read it with the strict reader, check
 * every file's size and SHA-256 against {@code oab.json}, require that at least one embedded
 * signature was made by a trusted signer and covers exactly this bundle, and optionally that it
 * is the expected bundle (name) and not a rollback (minimum version). Every failure becomes a
 * {@link Problem} in the result; nothing is thrown for a bundle that merely fails its checks.
 * When asked, a bundle that passed is extracted from the same open file, so what is extracted is
 * what was checked.
 */
public final class BundleCheck {

    private final List<SignatureVerifier> trusted;
    private final Optional<String> expectedName;
    private final Optional<String> minVersion;
    private final ProgressListener progress;
    private final boolean replaceExtracted;

    private BundleCheck(Builder b) {
        this.replaceExtracted = b.replaceExtracted;
        this.trusted = List.copyOf(b.trusted);
        this.expectedName = Optional.ofNullable(b.expectedName);
        this.minVersion = Optional.ofNullable(b.minVersion);
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
            problems.addAll(identityProblems(manifest));
            integrity = BundleVerifier.create().withProgress(progress).verify(reader);
            problems.addAll(integrity.problems());
            if (!trusted.isEmpty()) {
                signatures = BundleSignatures.verify(reader, trusted);
                if (signatures.stream().noneMatch(BundleSignatures.SignatureCheck::accepted)) {
                    signatures.forEach(s -> problems.addAll(s.problems()));
                    problems.add(new Problem("signature.none-trusted", "", reader.signatures().isEmpty()
                            ? "the bundle carries no signature, and a trusted signer was required"
                            : "no embedded signature was made by a trusted signer"));
                }
            }
            if (problems.isEmpty() && extractTo != null) {
                BundleExtractor.extract(reader, extractTo, replaceExtracted);
            }
        } catch (BundleFormatException e) {
            integrity = new IntegrityReport(0, 0, List.of());
            problems.addAll(e.problems());
        }
        return new Result(bundle, Optional.ofNullable(manifest), integrity, signatures, problems);
    }

    private List<Problem> identityProblems(Manifest manifest) {
        List<Problem> problems = new ArrayList<>();
        if (expectedName.isPresent() && !expectedName.get().equals(manifest.name())) {
            problems.add(new Problem("bundle.wrong-name", "name", "the bundle is '" + manifest.name()
                    + "', not the required '" + expectedName.get() + "'"));
        }
        if (minVersion.isPresent() && Versions.compare(manifest.version(), minVersion.get()) < 0) {
            problems.add(new Problem("bundle.version-too-old", "version", "the bundle is version "
                    + manifest.version() + ", older than the required " + minVersion.get() + " (a rollback?)"));
        }
        return problems;
    }

    /**
     * The outcome of a check.
     *
     * @param manifest   the manifest, when the bundle could be read at all
     * @param signatures each embedded signature's outcome (empty when no trusted signer was required)
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
        private final List<SignatureVerifier> trusted = new ArrayList<>();
        private String expectedName;
        private String minVersion;
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

        /**
         * Requires a signature by one of these signers (trusted keys or CA anchors). Without any,
         * only integrity is checked.
         */
        public Builder trust(List<SignatureVerifier> verifiers) {
            trusted.addAll(verifiers);
            return this;
        }

        /** Requires this bundle name. */
        public Builder expectedName(String name) {
            this.expectedName = name;
            return this;
        }

        /** Requires at least this version (refuses rollbacks to older, validly signed bundles). */
        public Builder minVersion(String version) {
            this.minVersion = version;
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
