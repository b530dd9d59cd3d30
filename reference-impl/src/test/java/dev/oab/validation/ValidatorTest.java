package dev.oab.validation;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import dev.oab.json.StrictJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The issue's "done means", each with its exact status, rule, code and reason. */
class ValidatorTest {

    @TempDir
    Path tmp;

    private ValidationReport validate(Releases release, String profile) throws Exception {
        return Validator.of(Profiles.builtIn(profile)).validate(release.pack(tmp.resolve("release.oab")));
    }

    private static void assertFails(ValidationReport report, String component, String status, String rule,
                                    String code, String reason) {
        assertFalse(report.met(), Reports.text(report));
        ComponentResult c = report.component(component).orElseThrow();
        assertFalse(c.met());
        assertEquals(status, c.status().id());
        assertEquals(reason, c.reason());
        assertEquals(List.of(rule + " " + code), c.issues().stream().filter(Issue::isError)
                .map(i -> i.rule() + " " + i.code()).limit(1).toList());
    }

    @Test
    void aCompleteReleaseMeetsEveryBuiltInProfile() throws Exception {
        Path bundle = Releases.complete().pack(tmp.resolve("complete.oab"));
        for (String id : Profiles.BUILT_IN) {
            ValidationReport report = Validator.of(Profiles.builtIn(id)).validate(bundle);
            assertTrue(report.met(), id + "\n" + Reports.text(report));
            assertEquals(1, report.evidence().mofClass());
            assertEquals(1, report.claims().mofClass());
        }
    }

    @Test
    void removingTheTrainingCodeFailsClassIINamingTrainingCodeAndTheRule() throws Exception {
        ValidationReport report = validate(Releases.complete().removeAll("code/training/"), "mof-class-ii");
        assertFails(report, "training-code", "missing", "component.present", "component.missing",
                "mof-class-ii requires the Training code: no file of the bundle holds it: add it under code/training/"
                        + " (or declare its paths or an external reference in oab.yaml)");
        assertEquals(List.of("training-code"), report.unmet().stream().map(ComponentResult::id).toList());
        assertTrue(Reports.text(report).contains("""
                  FAIL  Training code (training-code)                                    missing
                        error (rule component.present, component.missing): mof-class-ii requires the Training code:\
                 no file of the bundle holds it: add it under code/training/ (or declare its paths or an external\
                 reference in oab.yaml)
                """), Reports.text(report));
        assertTrue(Reports.text(report).startsWith("""
                vector-model 1.0.0 (release.oab) against mof-class-ii - MOF Class II - Open Tooling
                NOT MET: 1 of 10 required components fails
                """));
        // Class III is still reached, from the evidence and from the claims
        assertEquals(3, report.evidence().mofClass());
        assertEquals(90.0, report.evidence().progress(2));
    }

    @Test
    void aLicenceTextMissingFromLicensesFails() throws Exception {
        ValidationReport report = validate(Releases.complete().removeAll("LICENSES/CC0-1.0.txt"), "mof-class-iii");
        assertFails(report, "model-parameters-final", "unlicensed", "license.text-present", "license.text-missing",
                "the text of CC0-1.0 is not in the bundle: add it as LICENSES/CC0-1.0.txt (REUSE layout;"
                        + " `reuse download CC0-1.0` fetches it)");
        assertEquals("invalid", report.component("licenses").orElseThrow().status().id());
    }

    @Test
    void anInvalidSpdxIdFails() throws Exception {
        ValidationReport report = validate(Releases.complete().licence("model-parameters-final", "CC0-1"),
                "mof-class-iii");
        assertFails(report, "model-parameters-final", "unlicensed", "license.spdx-valid", "license.invalid-spdx",
                "'CC0-1' is not a valid SPDX licence expression: licence expression \"CC0-1\": unknown licence id"
                        + " \"CC0-1\" at position 1; use an id from the SPDX licence list, or LicenseRef-CC0-1 for a"
                        + " licence that is not on it");
    }

    @Test
    void weightsUnderACodeOnlyLicenceFail() throws Exception {
        ValidationReport report = validate(Releases.complete().licence("model-parameters-final", "MIT")
                .put("LICENSES/MIT.txt", "MIT License\n"), "mof-class-iii");
        assertFails(report, "model-parameters-final", "unlicensed", "license.type-appropriate",
                "license.not-type-appropriate", "MIT is not a licence the MOF lists for data (e.g."
                        + " CDLA-Permissive-2.0, CC0-1.0); mof-class-iii requires a licence suited to the content type");
        // The MOF tool counts an open licence that does not suit the type; the evidence grade does too.
        assertEquals(1, report.evidence().mofClass());
    }

    @Test
    void aModelCardWithTemplatePlaceholdersFails() throws Exception {
        ValidationReport report = validate(Releases.complete().edit("cards/MODEL_CARD.md",
                "Exercising release tooling: packing, signing and validating bundles.", "[More Information Needed]"),
                "mof-class-iii");
        assertFails(report, "model-card", "invalid", "evidence.model-card", "model-card.section-placeholder",
                "the 'Uses' section (uses) holds only template placeholders; write what it asks for or state plainly"
                        + " why it does not apply");
    }

    @Test
    void aTruncatedSafetensorsFileFails() throws Exception {
        byte[] weights = Releases.safetensors(new float[]{0.5f, -0.25f}, new float[]{0.125f});
        ValidationReport report = validate(Releases.complete().truncate("model/model.safetensors",
                weights.length - 4), "mof-class-iii");
        assertFails(report, "model-parameters-final", "invalid", "evidence.weights", "safetensors.truncated",
                "the tensors need 12 data bytes but the file has 8 after the header; the file is truncated, copy it"
                        + " again");
    }

    @Test
    void aPickleWeightFailsUnderAProfileThatForbidsIt() throws Exception {
        Releases release = Releases.complete().removeAll("model/model.safetensors")
                .put("model/pytorch_model.bin", Releases.pickle());
        ValidationReport report = validate(release, "oab-full");
        assertFails(report, "model-parameters-final", "invalid", "policy.forbidden-weight-formats",
                "policy.forbidden-weight-format", "model/pytorch_model.bin is pickle, a weight format oab-full"
                        + " forbids: loading it (torch.load, pickle.load) can run arbitrary code; convert the weights to"
                        + " safetensors and ship that file instead");
        // Without a ban the pickle is a warning, but the component still lacks weights in a safe format.
        ValidationReport mof = validate(release, "mof-class-iii");
        ComponentResult weights = mof.component("model-parameters-final").orElseThrow();
        assertEquals(List.of("warning weights.pickle-unsafe", "error weights.none-recognised"), weights.issues()
                .stream().map(i -> i.severity().name().toLowerCase(java.util.Locale.ROOT) + " " + i.code()).toList());
    }

    @Test
    void aPickleBesideSafetensorsIsOnlyAWarningWhereNothingForbidsIt() throws Exception {
        ValidationReport report = validate(Releases.classIII().put("model/extra.pt", Releases.pickle()),
                "mof-class-iii");
        assertTrue(report.met(), Reports.text(report));
        assertEquals("present", report.component("model-parameters-final").orElseThrow().status().id());
    }

    @Test
    void substitutionsAreNamed() throws Exception {
        ValidationReport report = validate(Releases.classI().removeAll("docs/technical-report/", "docs/evaluation/",
                "cards/DATA_CARD.md"), "mof-class-i");
        assertTrue(report.met(), Reports.text(report));
        assertEquals("research-paper", report.component("technical-report").orElseThrow().satisfiedBy().orElseThrow());
        // The profile lists technical-report, research-paper, model-card: the first present one is named.
        assertEquals("research-paper", report.component("evaluation-results").orElseThrow().satisfiedBy().orElseThrow());
        assertEquals("model-card", report.component("data-card").orElseThrow().satisfiedBy().orElseThrow());
        // The MOF tool grades the claims (no data card, no evaluation results): Class III is not reached...
        assertEquals(0, report.claims().mofClass());
        // ...while the evidence, with the MOF's substitutions, reaches Class I.
        assertEquals(1, report.evidence().mofClass());
    }

    @Test
    void aPolicyExtendsABuiltInProfileAndAddsItsRules() throws Exception {
        Path policy = tmp.resolve("policy.json");
        Files.writeString(policy, """
                {"id": "acme-registry", "title": "ACME", "extends": ["oab-full"],
                 "licenses": {"deny": ["GPL-3.0-only"]}, "limits": {"maxFiles": 2},
                 "signatures": {"minimum": 1}}
                """);
        Profile p = Profiles.load(policy);
        assertEquals(List.of("oab-full", "mof-class-i", "mof-class-ii", "mof-class-iii"), p.lineage());
        assertEquals(18, p.required().size());
        assertEquals("mof-class-iii", p.requirement("model-card").orElseThrow().profile());
        assertEquals(Profile.LicenseRule.OPEN_TYPE_APPROPRIATE, p.licenses().rule());
        assertEquals(java.util.Set.of("GPL-3.0-only"), p.licenses().deny());
        assertEquals(java.util.Set.of("pickle", "pytorch-pickle", "joblib"), p.forbiddenWeightFormats());
        ValidationReport report = Validator.of(p).validate(Releases.complete().pack(tmp.resolve("r.oab")));
        assertEquals(List.of("policy.limits limits.too-many-files", "policy.signatures signatures.too-few"),
                report.issues().stream().map(i -> i.rule() + " " + i.code()).toList());
        assertEquals("acme-registry requires 1 valid signature by trusted signers; no trusted signer was given, so"
                + " no signature can count: pass the signers' public keys (--key)", report.issues().get(1).message());
    }

    @Test
    void signaturesCountOnlyWhenMadeByATrustedSignerWithAnAcceptedMethod() throws Exception {
        java.security.KeyPair producer = dev.oab.signing.PemKeys.generate(dev.oab.signing.EcCurve.P256);
        java.security.KeyPair stranger = dev.oab.signing.PemKeys.generate(dev.oab.signing.EcCurve.P256);
        Path src = Files.createDirectory(tmp.resolve("src"));
        Releases.classIII().write(src);
        Path bundle = tmp.resolve("signed.oab");
        dev.oab.bundle.BundleWriter.builder().timestamp(Releases.TIMESTAMP)
                .signWith(dev.oab.signing.ModelSigner.withKey(producer.getPrivate()), "producer").build()
                .pack(src, bundle);
        Profile policy = Profiles.parse(("{\"id\": \"signed\", \"title\": \"Signed\", \"extends\": [\"mof-class-iii\"],"
                + " \"signatures\": {\"minimum\": 1, \"methods\": [\"key\"], \"requiredSigners\": [\"producer\"]}}")
                .getBytes(), "signed.json");
        ValidationReport trusted = Validator.of(policy).withTrustedSigners(List.of(
                dev.oab.signing.SignatureVerifier.forPublicKey(producer.getPublic()))).validate(bundle);
        assertTrue(trusted.met(), Reports.text(trusted));
        ValidationReport untrusted = Validator.of(policy).withTrustedSigners(List.of(
                dev.oab.signing.SignatureVerifier.forPublicKey(stranger.getPublic()))).validate(bundle);
        assertEquals(List.of("signatures.too-few: signed requires 1 valid signature by trusted signers; 0 of its 1"
                        + " signatures are valid signatures by trusted signers made with key",
                "signatures.signer-missing: signed requires a valid signature by 'producer'"
                        + " (.oab/signatures/producer.sig) made with a trusted key; none was found"),
                untrusted.issues().stream().map(i -> i.code() + ": " + i.message()).toList());
    }

    @Test
    void limitsAreCheckedFileByFileAndForTheWholeBundle() throws Exception {
        Profile policy = Profiles.parse(("{\"id\": \"small\", \"title\": \"Small\", \"limits\": {\"maxBundleBytes\": 1000,"
                + " \"maxFileBytes\": 2000, \"maxFiles\": 100, \"maxCompressionRatio\": 2}}").getBytes(), "small.json");
        Path bundle = Releases.classIII().pack(tmp.resolve("r.oab"));
        ValidationReport report = Validator.of(policy).validate(bundle);
        assertEquals(List.of("limits.bundle-too-large: the bundle is " + Files.size(bundle) + " bytes; small accepts"
                        + " at most 1000: publish large data as external references"),
                report.issues().stream().map(i -> i.code() + ": " + i.message()).toList());
        assertFalse(report.met());
    }

    @Test
    void aTamperedBundleFailsOnIntegrityWithoutTrustingItsContent() throws Exception {
        Path bundle = Releases.complete().pack(tmp.resolve("tampered.oab"));
        byte[] bytes = Files.readAllBytes(bundle);
        byte[] needle = "0.5,0.1,1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int at = indexOf(bytes, needle);
        bytes[at] = '9';
        Files.write(bundle, bytes);
        ValidationReport report = Validator.of(Profiles.builtIn("oab-full")).validate(bundle);
        assertFalse(report.met());
        assertEquals(List.of("integrity integrity.digest-mismatch data/training/train.csv"),
                report.issues().stream().limit(1).map(i -> i.rule() + " " + i.code() + " " + i.path()).toList());
        assertEquals(List.of("warning evidence.not-checked"), report.component("model-card").orElseThrow().issues()
                .stream().map(i -> i.severity().name().toLowerCase(java.util.Locale.ROOT) + " " + i.code()).toList());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    @Test
    void badProfilesAreRefusedWithTheReason() throws Exception {
        assertEquals("unknown profile 'mof-class-iv'; the built-in profiles are mof-class-iii, mof-class-ii,"
                        + " mof-class-i, osaid-1.0, oab-full (or pass a policy file with --policy)",
                assertThrows(ProfileException.class, () -> Profiles.builtIn("mof-class-iv")).getMessage());
        ProfileException schema = assertThrows(ProfileException.class, () -> Profiles.parse(
                "{\"id\": \"x\", \"title\": \"X\", \"forbiddenWeightFormats\": [\"exe\"]}".getBytes(), "p.json"));
        assertTrue(schema.getMessage().startsWith("p.json is not a valid profile (spec/schema/profile.schema.json):"
                + " /forbiddenWeightFormats/0: "), schema.getMessage());
        assertEquals("p.json: unknown component 'weights'; use an id from spec/components.json (model-architecture,"
                        + " model-parameters-final, evaluation-results, model-card, data-card, technical-report,"
                        + " sample-model-outputs, training-code, inference-code, evaluation-code, evaluation-data,"
                        + " supporting-libraries-and-tools, datasets, data-preprocessing-code,"
                        + " model-parameters-intermediate, model-metadata, research-paper, hyperparameters, random-seeds,"
                        + " software-environment, licenses)",
                assertThrows(ProfileException.class, () -> Profiles.parse(
                        "{\"id\": \"x\", \"title\": \"X\", \"required\": [{\"component\": \"weights\"}]}".getBytes(),
                        "p.json")).getMessage());
        assertEquals("unknown profile 'nope'; the built-in profiles are mof-class-iii, mof-class-ii, mof-class-i,"
                        + " osaid-1.0, oab-full (or pass a policy file with --policy)",
                assertThrows(ProfileException.class, () -> Profiles.parse(
                        "{\"id\": \"x\", \"title\": \"X\", \"extends\": [\"nope\"]}".getBytes(), "p.json")).getMessage());
    }

    @Test
    void everyBuiltInProfileResolves() throws Exception {
        assertEquals(List.of(6, 10, 14, 8, 18), Profiles.BUILT_IN.stream().map(id -> {
            try {
                return Profiles.builtIn(id).required().size();
            } catch (ProfileException e) {
                throw new AssertionError(e);
            }
        }).toList());
        assertEquals(Profile.LicenseRule.OSI_APPROVED, Profiles.builtIn("osaid-1.0").licenses()
                .ruleFor(dev.oab.licenses.ContentType.CODE));
        assertEquals(Profile.LicenseRule.OPEN, Profiles.builtIn("osaid-1.0").licenses()
                .ruleFor(dev.oab.licenses.ContentType.DATA));
    }

    @Test
    void everyVectorReportIsValidAgainstTheReportSchema() throws Exception {
        Schema schema = Profiles.SCHEMAS.getSchema(SchemaLocation.of(
                "https://oab.dev/spec/schema/validation-report.schema.json"));
        List<Path> reports;
        try (Stream<Path> files = Files.list(ValidationVectorsTest.VECTORS.resolve("reports"))) {
            reports = files.sorted().toList();
        }
        assertEquals(ValidationVectors.all().size(), reports.size());
        for (Path report : reports) {
            assertEquals(List.of(), schema.validate(StrictJson.parse(Files.readAllBytes(report), report.toString()))
                    .stream().map(Object::toString).toList(), report.toString());
        }
    }
}
