package dev.oab.validation;

import dev.oab.OabException;
import dev.oab.bundle.BundleEntry;
import dev.oab.bundle.BundleReader;
import dev.oab.bundle.BundleSignatures;
import dev.oab.bundle.BundleVerifier;
import dev.oab.bundle.IntegrityReport;
import dev.oab.bundle.Manifest;
import dev.oab.bundle.Problem;
import dev.oab.components.ComponentCatalog;
import dev.oab.components.OabComponent;
import dev.oab.evidence.CardReport;
import dev.oab.evidence.ConfigKind;
import dev.oab.evidence.ConfigReport;
import dev.oab.evidence.ConfigSchemas;
import dev.oab.evidence.DataCards;
import dev.oab.evidence.EvidenceReadException;
import dev.oab.evidence.Finding;
import dev.oab.evidence.LockfileKind;
import dev.oab.evidence.LockfileReport;
import dev.oab.evidence.Lockfiles;
import dev.oab.evidence.ModelCards;
import dev.oab.evidence.Severity;
import dev.oab.authoring.HuggingFaceLayout;
import dev.oab.evidence.WeightFormat;
import dev.oab.evidence.WeightFormats;
import dev.oab.evidence.WeightsReport;
import dev.oab.licenses.ContentType;
import dev.oab.licenses.LicenseExpression;
import dev.oab.licenses.LicenseExpressionException;
import dev.oab.licenses.MofLicenseLists;
import dev.oab.licenses.SpdxLicenseList;
import dev.oab.mof.MofClassification;
import dev.oab.mof.MofClassifier;
import dev.oab.mof.MofDocument;
import dev.oab.mof.MofExporter;
import dev.oab.signing.PgpSignatures;
import dev.oab.signing.SignatureVerifier;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Decides from evidence whether a bundle meets a profile. A component counts only when its files are
 * in the bundle's file table (or its external references carry URL, size, SHA-256 and licence), its
 * licence is a valid SPDX expression whose every licence has its text under {@code LICENSES/} and
 * which suits the profile's licence rule, and its content passes the evidence check for its kind
 * (cards, configurations, lockfiles, weights). See {@code spec/validation.md}.
 *
 * <p>Immutable and thread-safe; {@code with...} methods return a new validator.
 */
public final class Validator {

    /** Components whose content is weights. */
    private static final Set<String> WEIGHTS = Set.of("model-parameters-final", "model-parameters-intermediate");
    /** Names OAB gives the components the MOF does not have. */
    private static final Map<String, String> TITLES = Map.of(
            "hyperparameters", "Hyperparameters",
            "random-seeds", "Random seeds",
            "software-environment", "Software environment",
            "licenses", "Licence texts");
    /** The components a present model card stands in for when the evidence is graded as the MOF would. */
    private static final List<String> IN_MODEL_CARD = List.of("data-card", "evaluation-results");
    private static final Set<String> NO_LICENCE = Set.of("", "NONE", "NOASSERTION");
    /** Licence rules whose failure still leaves the component evidence for the MOF tool's own licence judgement. */
    private static final Set<String> POLICY_LICENCE_RULES = Set.of("license.open", "license.type-appropriate",
            "license.osi-approved", "license.allowed", "license.denied");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern URL = Pattern.compile("(?i)(https?|s3|gs|hf)://\\S+");
    /** Extensions of files checked for forbidden weight formats wherever they are in the bundle. */
    private static final Set<String> WEIGHT_EXTENSIONS = Set.of("safetensors", "gguf", "onnx", "bin", "pt", "pth",
            "ckpt", "pkl", "pickle", "joblib");
    /** Largest compressed weights file read into memory (stored ones are mapped). */
    private static final int MAX_COMPRESSED_WEIGHTS = 256 * 1024 * 1024;
    private static final int MAX_TEXT = 32 * 1024 * 1024;

    private final Profile profile;
    private final List<SignatureVerifier> verifiers;
    private final byte[] pgpSignature;
    private final byte[] pgpKey;
    private final ComponentCatalog catalog = ComponentCatalog.bundled();
    private final SpdxLicenseList spdx = SpdxLicenseList.bundled();
    private final MofLicenseLists mofLists = MofLicenseLists.bundled();

    private Validator(Profile profile, List<SignatureVerifier> verifiers, byte[] pgpSignature, byte[] pgpKey) {
        this.profile = profile;
        this.verifiers = List.copyOf(verifiers);
        this.pgpSignature = pgpSignature;
        this.pgpKey = pgpKey;
    }

    /** A validator for this profile or policy. */
    public static Validator of(Profile profile) {
        return new Validator(java.util.Objects.requireNonNull(profile, "profile"), List.of(), null, null);
    }

    /** Trusted signers for the policy's signature requirements. */
    public Validator withTrustedSigners(List<SignatureVerifier> trusted) {
        return new Validator(profile, trusted, pgpSignature, pgpKey);
    }

    /** The detached OpenPGP signature of the bundle file and the armored public key to check it with. */
    public Validator withOpenPgp(byte[] armoredSignature, byte[] armoredPublicKey) {
        return new Validator(profile, verifiers, armoredSignature.clone(), armoredPublicKey.clone());
    }

    public Profile profile() {
        return profile;
    }

    /**
     * Opens and validates a bundle.
     *
     * @throws dev.oab.bundle.BundleFormatException when the bundle breaks the strict profile and cannot be read
     */
    public ValidationReport validate(Path bundle) throws OabException, IOException {
        try (BundleReader reader = BundleReader.open(bundle)) {
            return validate(reader);
        }
    }

    /** Validates an open bundle: integrity first, then every component, then the bundle-wide rules. */
    public ValidationReport validate(BundleReader reader) throws OabException, IOException {
        Manifest manifest = reader.manifest();
        List<Issue> bundleIssues = new ArrayList<>();
        IntegrityReport integrity = BundleVerifier.create().verify(reader);
        for (Problem p : integrity.problems()) {
            bundleIssues.add(Issue.error("integrity", p.code(), p.where(), p.message()
                    + "; the bundle is not what its producer packed, so its evidence cannot be trusted"));
        }
        Run run = new Run(reader, manifest, integrity.intact());

        Map<String, Evaluation> evaluations = new LinkedHashMap<>();
        for (OabComponent component : catalog.all()) {
            evaluations.put(component.id(), run.evaluate(component));
        }

        List<ComponentResult> results = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (Profile.Requirement requirement : profile.required()) {
            results.add(requiredResult(requirement, evaluations));
            done.add(requirement.component());
        }
        for (String id : profile.optional()) {
            if (done.add(id)) {
                results.add(result(evaluations.get(id), ComponentResult.Role.OPTIONAL, "", Optional.empty(), true));
            }
        }
        for (OabComponent component : catalog.all()) {
            if (done.add(component.id())) {
                results.add(result(evaluations.get(component.id()), ComponentResult.Role.NOT_REQUIRED, "",
                        Optional.empty(), true));
            }
        }

        bundleIssues.addAll(run.forbiddenFormatsOutsideWeights());
        bundleIssues.addAll(limits(reader, manifest));
        bundleIssues.addAll(signatures(reader));

        boolean met = results.stream().allMatch(ComponentResult::met) && bundleIssues.stream().noneMatch(Issue::isError);
        MofGrade evidence = grade(evidenceDocument(manifest, evaluations));
        MofGrade claims = grade(MofExporter.standard().export(manifest));
        return new ValidationReport(reader.path().getFileName().toString(), manifest.name(), manifest.version(),
                manifest.license(), profile.id(), profile.title(), met, results, bundleIssues, evidence, claims);
    }

    private ComponentResult requiredResult(Profile.Requirement requirement, Map<String, Evaluation> evaluations) {
        Evaluation own = evaluations.get(requirement.component());
        if (own.status == ComponentResult.Status.PRESENT) {
            return result(own, ComponentResult.Role.REQUIRED, requirement.profile(), Optional.empty(), true);
        }
        // A substitute counts when it is present itself. A present model card has every section of the
        // Hugging Face template written (its Training Data and Results included), so it can stand in for
        // the data card and the evaluation results as the MOF allows.
        for (String substitute : requirement.satisfiedBy()) {
            if (evaluations.get(substitute).status == ComponentResult.Status.PRESENT) {
                return result(own, ComponentResult.Role.REQUIRED, requirement.profile(), Optional.of(substitute), true);
            }
        }
        if (own.status == ComponentResult.Status.MISSING) {
            Issue missing = own.issues.get(0);
            String alternatives = requirement.satisfiedBy().isEmpty() ? ""
                    : " (or " + String.join(" / ", requirement.satisfiedBy()) + ", which " + requirement.profile()
                    + " accepts instead)";
            own.issues.set(0, Issue.error(missing.rule(), missing.code(), missing.path(), requirement.profile()
                    + " requires the " + own.name + ": " + missing.message() + alternatives));
        }
        return result(own, ComponentResult.Role.REQUIRED, requirement.profile(), Optional.empty(), false);
    }

    private static ComponentResult result(Evaluation e, ComponentResult.Role role, String requiredBy,
                                          Optional<String> satisfiedBy, boolean met) {
        return new ComponentResult(e.component.id(), e.name, e.component.contentType().id(), role, requiredBy,
                e.status, e.license, e.files, e.external, satisfiedBy, met, e.issues);
    }

    // ---------------------------------------------------------------- MOF

    /** The components the evidence backs (whatever this profile's licence rule), with the MOF's substitutions. */
    private MofDocument evidenceDocument(Manifest manifest, Map<String, Evaluation> evaluations) {
        List<String> backed = evaluations.values().stream().filter(e -> e.backed)
                .map(e -> e.component.id()).toList();
        MofDocument document = MofExporter.standard().export(manifest, backed);
        List<MofDocument.Component> components = new ArrayList<>(document.release().components());
        Evaluation card = evaluations.get("model-card");
        for (String id : IN_MODEL_CARD) {
            Evaluation own = evaluations.get(id);
            if (!own.backed && card.backed) {
                components.add(new MofDocument.Component(own.component.mofName(), "in the model card",
                        card.license, null, card.files.get(0)));
            }
        }
        // evaluation results published in the technical report or the research paper
        Evaluation results = evaluations.get("evaluation-results");
        if (!results.backed) {
            for (String publication : List.of("technical-report", "research-paper")) {
                Evaluation report = evaluations.get(publication);
                boolean alreadyAdded = components.stream().anyMatch(c -> c.name().equals(results.component.mofName()));
                if (report.backed && !alreadyAdded) {
                    components.add(new MofDocument.Component(results.component.mofName(), "in the " + report.name,
                            report.license, null, report.files.isEmpty() ? null : report.files.get(0)));
                }
            }
        }
        MofDocument.Release r = document.release();
        return new MofDocument(document.framework(), new MofDocument.Release(r.name(), r.version(), r.date(), r.type(),
                r.architecture(), r.treatment(), r.origin(), r.producer(), r.contact(), r.repository(),
                r.huggingface(), r.licenses(), components));
    }

    private static MofGrade grade(MofDocument document) {
        MofClassification c = MofClassifier.standard().classify(document);
        return new MofGrade(c.mofClass(), c.label(), List.of(c.classIProgress(), c.classIIProgress(),
                c.classIIIProgress()), c.components().stream().filter(v -> v.status().counts())
                .map(MofClassification.ComponentVerdict::componentId).toList());
    }

    // ---------------------------------------------------------------- bundle-wide rules

    private List<Issue> limits(BundleReader reader, Manifest manifest) throws IOException {
        List<Issue> issues = new ArrayList<>();
        if (profile.limits().isEmpty()) {
            return issues;
        }
        Profile.Limits limits = profile.limits().get();
        if (limits.maxBundleBytes().isPresent() && reader.archiveLength() > limits.maxBundleBytes().getAsLong()) {
            issues.add(Issue.error("policy.limits", "limits.bundle-too-large", "", "the bundle is "
                    + reader.archiveLength() + " bytes; " + profile.id() + " accepts at most "
                    + limits.maxBundleBytes().getAsLong() + ": publish large data as external references"));
        }
        if (limits.maxFiles().isPresent() && manifest.files().size() > limits.maxFiles().getAsLong()) {
            issues.add(Issue.error("policy.limits", "limits.too-many-files", "", "the bundle holds "
                    + manifest.files().size() + " files; " + profile.id() + " accepts at most "
                    + limits.maxFiles().getAsLong() + ": archive small files together"));
        }
        for (BundleEntry entry : reader.entries()) {
            if (entry.kind() != BundleEntry.Kind.FILE) {
                continue;
            }
            if (limits.maxFileBytes().isPresent() && entry.size() > limits.maxFileBytes().getAsLong()) {
                issues.add(Issue.error("policy.limits", "limits.file-too-large", entry.path(), entry.path() + " is "
                        + entry.size() + " bytes; " + profile.id() + " accepts files of at most "
                        + limits.maxFileBytes().getAsLong() + ": split it (e.g. sharded safetensors)"));
            }
            if (limits.maxCompressionRatio().isPresent() && !entry.stored() && entry.size() > 0) {
                long compressed = Math.max(1, reader.compressedSize(entry.path()));
                double ratio = (double) entry.size() / compressed;
                if (ratio > limits.maxCompressionRatio().getAsDouble()) {
                    issues.add(Issue.error("policy.limits", "limits.compression-ratio", entry.path(), entry.path()
                            + " expands " + String.format(Locale.ROOT, "%.1f", ratio) + " times; " + profile.id()
                            + " accepts at most " + limits.maxCompressionRatio().getAsDouble()
                            + ": store it uncompressed"));
                }
            }
        }
        return issues;
    }

    private List<Issue> signatures(BundleReader reader) throws IOException {
        List<Issue> issues = new ArrayList<>();
        if (profile.signatures().isEmpty()) {
            return issues;
        }
        Profile.SignaturePolicy policy = profile.signatures().get();
        boolean needsEmbedded = policy.minimum() > 0 || !policy.requiredSigners().isEmpty();
        if (needsEmbedded) {
            List<BundleSignatures.SignatureCheck> checks = verifiers.isEmpty() ? List.of()
                    : BundleSignatures.verify(reader, verifiers);
            List<BundleSignatures.SignatureCheck> counted = checks.stream().filter(BundleSignatures.SignatureCheck::accepted)
                    .filter(c -> policy.methods().isEmpty() || policy.methods().contains(method(c))).toList();
            if (counted.size() < policy.minimum()) {
                String why = verifiers.isEmpty()
                        ? "no trusted signer was given, so no signature can count: pass the signers' public keys (--key)"
                        : reader.signatures().isEmpty() ? "the bundle carries no signature: sign it with oab sign"
                        : counted.size() + " of its " + reader.signatures().size()
                        + " signatures are valid signatures by trusted signers"
                        + (policy.methods().isEmpty() ? "" : " made with " + String.join(" or ",
                        new java.util.TreeSet<>(policy.methods())));
                issues.add(Issue.error("policy.signatures", "signatures.too-few", ".oab/signatures/", profile.id()
                        + " requires " + policy.minimum() + " valid signature" + (policy.minimum() == 1 ? "" : "s")
                        + " by trusted signers; " + why));
            }
            for (String signer : new java.util.TreeSet<>(policy.requiredSigners())) {
                if (counted.stream().noneMatch(c -> c.signer().equals(signer))) {
                    issues.add(Issue.error("policy.signatures", "signatures.signer-missing",
                            ".oab/signatures/" + signer + ".sig", profile.id() + " requires a valid signature by '"
                                    + signer + "' (.oab/signatures/" + signer + ".sig) made with a trusted key; "
                                    + (verifiers.isEmpty() ? "pass its public key with --key" : "none was found")));
                }
            }
        }
        if (policy.requireOpenPgp()) {
            if (pgpSignature == null || pgpKey == null) {
                issues.add(Issue.error("policy.signatures", "signatures.openpgp-missing", reader.path().getFileName()
                        + ".asc", profile.id() + " requires a detached OpenPGP signature of the bundle file: put it"
                        + " beside the bundle as " + reader.path().getFileName() + ".asc and pass the signer's key"
                        + " (--pgp-key)"));
            } else {
                try {
                    PgpSignatures.verifyDetached(reader.path(), pgpSignature, pgpKey);
                } catch (OabException e) {
                    issues.add(Issue.error("policy.signatures", "signatures.openpgp-invalid",
                            reader.path().getFileName() + ".asc", e.getMessage()));
                }
            }
        }
        return issues;
    }

    private static String method(BundleSignatures.SignatureCheck check) {
        return check.verified().flatMap(v -> v.signerCertificate()).isPresent() ? "certificate" : "key";
    }

    // ---------------------------------------------------------------- one component

    /** What is known about one component while the report is assembled. */
    private static final class Evaluation {
        final OabComponent component;
        final String name;
        ComponentResult.Status status;
        String license = "";
        List<String> files = List.of();
        List<String> external = List.of();
        final List<Issue> issues = new ArrayList<>();
        boolean backed;

        Evaluation(OabComponent component, String name) {
            this.component = component;
            this.name = name;
        }
    }

    /** One validation: the bundle, its manifest and what has been read of it. */
    private final class Run {
        private final BundleReader reader;
        private final Manifest manifest;
        private final Set<String> paths = new LinkedHashSet<>();
        private final boolean intact;

        Run(BundleReader reader, Manifest manifest, boolean intact) {
            this.reader = reader;
            this.manifest = manifest;
            this.intact = intact;
            manifest.files().forEach(f -> paths.add(f.path()));
        }

        Evaluation evaluate(OabComponent component) throws IOException {
            String name = component.mofName() != null ? component.mofName() : TITLES.getOrDefault(component.id(),
                    component.id());
            Evaluation e = new Evaluation(component, name);
            Optional<Manifest.Component> declared = manifest.component(component.id());
            String conventional = String.join(", ", component.evidencePaths());
            if (declared.isPresent()) {
                Manifest.Component c = declared.get();
                e.license = c.license();
                e.files = manifest.files().stream().map(Manifest.FileEntry::path).filter(c::covers).toList();
                e.external = c.external().stream().map(Manifest.ExternalReference::url).toList();
            }
            if (e.files.isEmpty() && e.external.isEmpty()) {
                e.status = ComponentResult.Status.MISSING;
                String where = declared.map(c -> String.join(", ", c.paths())).filter(s -> !s.isEmpty())
                        .orElse(conventional);
                e.issues.add(Issue.error("component.present", "component.missing", where, declared.isPresent()
                        ? "the manifest declares it at " + where + " but no file there is in the bundle and it has no"
                        + " external reference: add the files, or an external reference with URL, size, SHA-256 and"
                        + " licence"
                        : "no file of the bundle holds it: add it under " + conventional + " (or declare its paths"
                        + " or an external reference in oab.yaml)"));
                return e;
            }
            Manifest.Component c = declared.orElseThrow();
            // The licence texts are not themselves under the distribution licence: their evidence is that
            // every licence named anywhere has its text, checked by content() below.
            if (!component.id().equals("licenses")) {
                e.issues.addAll(licenceIssues(c.license(), component.contentType(), "components." + c.id()
                        + ".license"));
            }
            for (int i = 0; i < c.external().size(); i++) {
                e.issues.addAll(externalIssues(c.external().get(i), component, "components." + c.id() + ".external["
                        + i + "]"));
            }
            e.issues.addAll(content(component, e));
            boolean licenceProblem = e.issues.stream().anyMatch(i -> i.isError() && i.rule().startsWith("license."));
            boolean anyError = e.issues.stream().anyMatch(Issue::isError);
            e.status = licenceProblem ? ComponentResult.Status.UNLICENSED
                    : anyError ? ComponentResult.Status.INVALID : ComponentResult.Status.PRESENT;
            e.backed = e.issues.stream().noneMatch(i -> i.isError() && !POLICY_LICENCE_RULES.contains(i.rule()));
            return e;
        }

        private List<Issue> externalIssues(Manifest.ExternalReference ref, OabComponent component, String where) {
            List<Issue> issues = new ArrayList<>();
            List<String> lacking = new ArrayList<>();
            if (!URL.matcher(ref.url()).matches()) {
                lacking.add("a URL (https://...)");
            }
            if (ref.size() <= 0) {
                lacking.add("its size in bytes");
            }
            if (!SHA256.matcher(ref.sha256()).matches()) {
                lacking.add("its SHA-256 as 64 lower-case hex digits");
            }
            if (!lacking.isEmpty()) {
                issues.add(Issue.error("component.external-reference", "external.incomplete", where,
                        "the external reference " + ref.url() + " lacks " + String.join(", ", lacking)
                                + ": without them nobody can fetch and check it"));
            }
            issues.addAll(licenceIssues(ref.license(), component.contentType(), where + ".license"));
            return issues;
        }

        // ------------------------------------------------------------ licences

        List<Issue> licenceIssues(String text, ContentType type, String where) {
            List<Issue> issues = new ArrayList<>();
            if (NO_LICENCE.contains(text.trim())) {
                issues.add(Issue.error("license.spdx-valid", "license.none", where, "no licence is declared ('"
                        + text + "'): state an SPDX licence expression in oab.yaml"));
                return issues;
            }
            LicenseExpression expression;
            try {
                expression = spdx.parse(text);
            } catch (LicenseExpressionException e) {
                issues.add(Issue.error("license.spdx-valid", "license.invalid-spdx", where, "'" + text
                        + "' is not a valid SPDX licence expression: " + e.getMessage()));
                return issues;
            }
            for (String id : concat(expression.licenseIds(), expression.exceptionIds())) {
                if (licenceText(id).isEmpty()) {
                    issues.add(Issue.error("license.text-present", "license.text-missing", "LICENSES/" + id + ".txt",
                            "the text of " + id + " is not in the bundle: add it as LICENSES/" + id
                                    + ".txt (REUSE layout; `reuse download " + id + "` fetches it)"));
                }
            }
            Profile.LicenseRule rule = profile.licenses().ruleFor(type);
            String canonical = expression.toString();
            switch (rule) {
                case OPEN -> {
                    if (!holds(expression, this::isOpen)) {
                        issues.add(Issue.error("license.open", "license.not-open", where, canonical + " is not an open"
                                + " licence (OSI-approved, FSF-libre or listed by the MOF); " + profile.id()
                                + " requires open terms"));
                    }
                }
                case OPEN_TYPE_APPROPRIATE -> {
                    if (!mofLists.suits(expression, type)) {
                        issues.add(Issue.error("license.type-appropriate", "license.not-type-appropriate", where,
                                canonical + " is not a licence the MOF lists for " + type.id() + " ("
                                        + examples(type) + "); " + profile.id() + " requires a licence suited to the"
                                        + " content type"));
                    }
                }
                case OSI_APPROVED -> {
                    if (!spdx.isOsiApproved(expression)) {
                        issues.add(Issue.error("license.osi-approved", "license.not-osi-approved", where, canonical
                                + " is not OSI-approved; " + profile.id() + " requires an OSI-approved licence for "
                                + type.id()));
                    }
                }
                case SPDX_VALID -> {
                }
            }
            for (String id : expression.licenseIds()) {
                if (!profile.licenses().allow().isEmpty() && !profile.licenses().allow().contains(id)) {
                    issues.add(Issue.error("license.allowed", "license.not-allowed", where, id + " is not among the"
                            + " licences " + profile.id() + " allows (" + String.join(", ",
                            new java.util.TreeSet<>(profile.licenses().allow())) + ")"));
                }
                if (profile.licenses().deny().contains(id)) {
                    issues.add(Issue.error("license.denied", "license.denied", where, id + " is a licence "
                            + profile.id() + " does not accept"));
                }
            }
            return issues;
        }

        private String examples(ContentType type) {
            List<String> preferred = switch (type) {
                case CODE -> List.of("Apache-2.0", "MIT", "BSD-3-Clause");
                case DATA -> List.of("CDLA-Permissive-2.0", "CC-BY-4.0", "CC0-1.0");
                case DOCUMENT -> List.of("CC-BY-4.0", "CC0-1.0", "Apache-2.0");
            };
            List<String> listed = preferred.stream().filter(mofLists.licensesFor(type)::contains).toList();
            return "e.g. " + String.join(", ", listed.isEmpty() ? List.copyOf(mofLists.licensesFor(type)).subList(0,
                    Math.min(3, mofLists.licensesFor(type).size())) : listed);
        }

        private boolean isOpen(String id) {
            Optional<SpdxLicenseList.SpdxLicense> license = spdx.license(id);
            if (license.isPresent() && (license.get().osiApproved() || license.get().fsfLibre())) {
                return true;
            }
            for (ContentType type : ContentType.values()) {
                if (mofLists.licensesFor(type).contains(id)) {
                    return true;
                }
            }
            return false;
        }

        private Optional<String> licenceText(String id) {
            for (String suffix : List.of(".txt", ".md")) {
                if (paths.contains("LICENSES/" + id + suffix)) {
                    return Optional.of("LICENSES/" + id + suffix);
                }
            }
            // A Hugging Face repository keeps its one licence in a root LICENSE file (spec/ecosystem.md §2).
            String hubLicence = manifest.annotations().get(HuggingFaceLayout.ANNOTATION_LICENSE_FILE);
            if (hubLicence != null && paths.contains(hubLicence) && manifest.license().equals(id)) {
                return Optional.of(hubLicence);
            }
            return Optional.empty();
        }

        // ------------------------------------------------------------ content

        private List<Issue> content(OabComponent component, Evaluation e) throws IOException {
            String id = component.id();
            if (!intact && !id.equals("licenses")) {
                // Nothing read from a bundle that fails its integrity check is evidence; the integrity
                // errors already fail the validation.
                return List.of(Issue.warning("integrity", "evidence.not-checked", "", "its content was not checked:"
                        + " the bundle's integrity check failed"));
            }
            if (WEIGHTS.contains(id)) {
                return weights(e.files);
            }
            return switch (id) {
                case "model-card" -> cards(e, true);
                case "data-card" -> cards(e, false);
                case "hyperparameters" -> config(ConfigKind.HYPERPARAMETERS, e.files);
                case "random-seeds" -> config(ConfigKind.SEEDS, e.files);
                case "software-environment" -> environment(e.files);
                case "licenses" -> licenceTexts();
                default -> List.of();
            };
        }

        private List<Issue> weights(List<String> files) throws IOException {
            List<Issue> issues = new ArrayList<>();
            boolean recognised = false;
            for (String path : files) {
                WeightsReport report = detect(path);
                if (report != null && report.format() == WeightFormat.UNKNOWN
                        && !WEIGHT_EXTENSIONS.contains(extension(path))) {
                    continue; // a file that travels with the weights (a tokenizer, an index), not weights itself
                }
                if (report == null) {
                    issues.add(Issue.error("evidence.weights", "weights.unreadable", path, path + " is compressed and"
                            + " larger than " + MAX_COMPRESSED_WEIGHTS + " bytes; store weights uncompressed"));
                    continue;
                }
                recognised |= report.format().safeToLoad();
                String format = formatName(report.format(), path);
                boolean forbidden = format != null && profile.forbiddenWeightFormats().contains(format);
                if (forbidden) {
                    issues.add(forbiddenFormat(path, format));
                }
                for (Finding f : report.findings()) {
                    if (f.code().equals("weights.pickle-unsafe")) {
                        if (!forbidden) {
                            issues.add(Issue.warning("evidence.weights", f.code(), path, f.message()));
                        }
                        continue;
                    }
                    issues.add(new Issue(severity(f), "evidence.weights", f.code(), path, f.message()));
                }
            }
            if (!recognised) {
                issues.add(Issue.error("evidence.weights", "weights.none-recognised", files.get(0).contains("/")
                        ? files.get(0).substring(0, files.get(0).lastIndexOf('/') + 1) : files.get(0),
                        "no weights file in a recognised format that is safe to load (safetensors, GGUF, ONNX):"
                                + " convert the weights to safetensors"));
            }
            return issues;
        }

        private Issue forbiddenFormat(String path, String format) {
            return Issue.error("policy.forbidden-weight-formats", "policy.forbidden-weight-format", path, path + " is "
                    + format + ", a weight format " + profile.id() + " forbids"
                    + (format.contains("pickle") || format.equals("joblib")
                    ? ": loading it (torch.load, pickle.load) can run arbitrary code; convert the weights to"
                    + " safetensors and ship that file instead" : ": ship the weights in another format"));
        }

        /** Files outside the weights components that are in a forbidden format. */
        List<Issue> forbiddenFormatsOutsideWeights() throws IOException {
            List<Issue> issues = new ArrayList<>();
            if (profile.forbiddenWeightFormats().isEmpty() || !intact) {
                return issues;
            }
            for (String path : paths) {
                boolean inWeights = WEIGHTS.stream().map(manifest::component).flatMap(Optional::stream)
                        .anyMatch(c -> c.covers(path));
                if (inWeights || !WEIGHT_EXTENSIONS.contains(extension(path))) {
                    continue;
                }
                WeightsReport report = detect(path);
                String format = report == null ? null : formatName(report.format(), path);
                if (format != null && profile.forbiddenWeightFormats().contains(format)) {
                    issues.add(forbiddenFormat(path, format));
                }
            }
            return issues;
        }

        private WeightsReport detect(String path) throws IOException {
            BundleEntry entry = reader.entry(path).orElseThrow();
            ByteBuffer buffer;
            if (entry.stored()) {
                buffer = reader.map(path);
            } else if (entry.size() > MAX_COMPRESSED_WEIGHTS) {
                return null;
            } else {
                try (InputStream in = reader.openStream(path)) {
                    buffer = ByteBuffer.wrap(in.readAllBytes());
                }
            }
            try {
                return WeightFormats.detect(new BufferChannel(buffer), path);
            } catch (EvidenceReadException e) {
                throw new IOException(e.getMessage(), e);
            }
        }

        private List<Issue> cards(Evaluation e, boolean modelCard) throws IOException {
            List<Issue> issues = new ArrayList<>();
            String rule = modelCard ? "evidence.model-card" : "evidence.data-card";
            List<String> cards = e.files.stream().filter(p -> modelCard ? p.endsWith(".md")
                    : p.endsWith(".md") || p.endsWith(".json") || p.endsWith(".jsonld")).toList();
            if (cards.isEmpty()) {
                issues.add(Issue.error(rule, modelCard ? "model-card.missing-document" : "data-card.missing-document",
                        e.files.get(0), modelCard ? "no Markdown model card among its files: write cards/MODEL_CARD.md"
                        + " after the Hugging Face model card template"
                        : "no data card among its files: write cards/DATA_CARD.md (Hugging Face dataset card) or"
                        + " cards/croissant.json (MLCommons Croissant)"));
                return issues;
            }
            for (String path : cards) {
                byte[] content = read(path, modelCard ? ModelCards.MAX_BYTES : Math.max(DataCards.MAX_CARD_BYTES,
                        DataCards.MAX_CROISSANT_BYTES));
                CardReport report = modelCard ? ModelCards.check(content, path) : DataCards.check(content, path);
                for (Finding f : report.findings()) {
                    boolean substance = f.code().endsWith(".section-missing") || f.code().endsWith(".section-placeholder");
                    issues.add(new Issue(substance ? Issue.Severity.ERROR : severity(f), rule, f.code(), path,
                            f.message()));
                }
            }
            return issues;
        }

        private List<Issue> config(ConfigKind kind, List<String> files) throws IOException {
            List<Issue> issues = new ArrayList<>();
            String rule = kind == ConfigKind.SEEDS ? "evidence.random-seeds" : "evidence.hyperparameters";
            List<String> documents = files.stream().filter(p -> p.endsWith(".json")).toList();
            if (documents.isEmpty()) {
                issues.add(Issue.error(rule, kind.codePrefix() + ".missing-document", files.get(0), "no JSON document"
                        + " among its files: write " + (kind == ConfigKind.SEEDS ? "config/seeds.json"
                        : "config/hyperparameters.json") + " in the format of spec/schema/" + kind.schemaFile()));
            }
            for (String path : documents) {
                ConfigReport report;
                try {
                    report = ConfigSchemas.check(kind, read(path, ConfigSchemas.MAX_BYTES), path);
                } catch (EvidenceReadException ex) {
                    throw new IOException(ex.getMessage(), ex);
                }
                for (Finding f : report.findings()) {
                    issues.add(new Issue(severity(f), rule, f.code(), path, f.message()));
                }
            }
            return issues;
        }

        private List<Issue> environment(List<String> files) throws IOException {
            List<Issue> issues = new ArrayList<>();
            boolean recognised = false;
            for (String path : files) {
                LockfileReport report = Lockfiles.check(read(path, Lockfiles.MAX_BYTES), path);
                if (report.kind() == LockfileKind.UNKNOWN) {
                    continue;
                }
                recognised = true;
                for (Finding f : report.findings()) {
                    issues.add(new Issue(severity(f), "evidence.software-environment", f.code(), path, f.message()));
                }
            }
            if (!recognised) {
                issues.add(Issue.error("evidence.software-environment", "environment.no-lockfile", "env/",
                        "no recognised lockfile (requirements.txt, poetry.lock, uv.lock, Pipfile.lock, conda"
                                + " environment.yml, package-lock.json, a Maven dependency list, Cargo.lock, go.sum):"
                                + " add one with exact versions"));
            }
            return issues;
        }

        /** Every licence the manifest names has its text under LICENSES/. */
        private List<Issue> licenceTexts() {
            List<Issue> issues = new ArrayList<>();
            Map<String, String> named = new LinkedHashMap<>();
            try {
                LicenseExpression distribution = spdx.parse(manifest.license());
                for (String id : concat(distribution.licenseIds(), distribution.exceptionIds())) {
                    named.putIfAbsent(id, "the distribution licence");
                }
            } catch (LicenseExpressionException e) {
                issues.add(Issue.error("license.spdx-valid", "license.invalid-spdx", "license", "the distribution"
                        + " licence '" + manifest.license() + "' is not a valid SPDX licence expression: "
                        + e.getMessage()));
            }
            for (Manifest.Component c : manifest.components()) {
                List<String> expressions = new ArrayList<>();
                expressions.add(c.license());
                c.external().forEach(x -> expressions.add(x.license()));
                for (String text : expressions) {
                    try {
                        LicenseExpression expression = spdx.parse(text);
                        for (String id : concat(expression.licenseIds(), expression.exceptionIds())) {
                            named.putIfAbsent(id, c.id());
                        }
                    } catch (LicenseExpressionException e) {
                        // reported on the component itself
                    }
                }
            }
            for (Map.Entry<String, String> id : named.entrySet()) {
                if (licenceText(id.getKey()).isEmpty()) {
                    issues.add(Issue.error("evidence.licenses", "license.text-missing", "LICENSES/" + id.getKey()
                            + ".txt", "the text of " + id.getKey() + " (named by " + id.getValue() + ") is not under"
                            + " LICENSES/: add LICENSES/" + id.getKey() + ".txt"));
                }
            }
            return issues;
        }

        private byte[] read(String path, int max) throws IOException {
            BundleEntry entry = reader.entry(path).orElseThrow();
            if (entry.size() > Math.min(max, MAX_TEXT)) {
                return null;
            }
            try (InputStream in = reader.openStream(path)) {
                return in.readAllBytes();
            }
        }
    }

    private static Issue.Severity severity(Finding f) {
        return f.severity() == Severity.ERROR ? Issue.Severity.ERROR : Issue.Severity.WARNING;
    }

    /** The name a policy file uses for a detected format, or null for an unknown one. */
    static String formatName(WeightFormat format, String path) {
        return switch (format) {
            case SAFETENSORS -> "safetensors";
            case GGUF -> "gguf";
            case ONNX -> "onnx";
            case PICKLE -> extension(path).equals("joblib") ? "joblib" : "pickle";
            case PYTORCH_ZIP -> "pytorch-pickle";
            case UNKNOWN -> null;
        };
    }

    private static String extension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** OR needs one alternative, AND every part; WITH is judged by its licence; a LicenseRef never holds. */
    static boolean holds(LicenseExpression expression, Predicate<String> property) {
        if (expression instanceof LicenseExpression.License license) {
            return property.test(license.id());
        } else if (expression instanceof LicenseExpression.With with) {
            return holds(with.license(), property);
        } else if (expression instanceof LicenseExpression.And and) {
            return holds(and.left(), property) && holds(and.right(), property);
        } else if (expression instanceof LicenseExpression.Or or) {
            return holds(or.left(), property) || holds(or.right(), property);
        }
        return false;
    }

    private static List<String> concat(Set<String> a, Set<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
