package dev.oab.validation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oab.json.StrictJson;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the validation vectors of {@code spec/vectors/validation/}: for each built-in profile a
 * bundle that meets it, and for each rule a bundle that misses it, each with the report a
 * conforming validator gives. Deterministic, so a test regenerates them and compares.
 *
 * <p>Run {@code main} with the target folder (spec/vectors/validation) to rewrite them.
 */
final class ValidationVectors {

    /**
     * What must hold of a vector's report besides being equal to the committed one.
     *
     * @param component the component id, or "" for a bundle-wide issue
     * @param status    the component's status ("" for bundle-wide issues)
     * @param rule      the rule of an error the report must hold
     * @param code      its code
     */
    record Expect(String component, String status, String rule, String code) {
    }

    /** A vector: a release tree, the profile (built-in id) or policy (file under policies/) to validate it with. */
    record Vector(String name, String description, Releases release, String profile, String policy, boolean met,
                  List<Expect> expect) {
    }

    /** Registry policies used by the vectors, by file name. */
    static final Map<String, String> POLICIES = new LinkedHashMap<>();

    static {
        POLICIES.put("deny-cc0.json", """
                {
                  "$schema": "../../../schema/profile.schema.json",
                  "id": "registry-deny-cc0",
                  "title": "A registry that refuses CC0 for weights and everything else",
                  "extends": ["mof-class-iii"],
                  "licenses": {"deny": ["CC0-1.0"]}
                }
                """);
        POLICIES.put("small-files.json", """
                {
                  "$schema": "../../../schema/profile.schema.json",
                  "id": "registry-small-files",
                  "title": "A registry that accepts files of at most 256 bytes",
                  "extends": ["mof-class-iii"],
                  "limits": {"maxFileBytes": 256}
                }
                """);
        POLICIES.put("signed.json", """
                {
                  "$schema": "../../../schema/profile.schema.json",
                  "id": "registry-signed",
                  "title": "A registry that requires a producer signature",
                  "extends": ["mof-class-iii"],
                  "signatures": {"minimum": 1, "methods": ["key"]}
                }
                """);
        POLICIES.put("no-pickle.json", """
                {
                  "$schema": "../../../schema/profile.schema.json",
                  "id": "registry-no-pickle",
                  "title": "A registry that forbids pickle-based weights anywhere in a bundle",
                  "extends": ["mof-class-iii"],
                  "forbiddenWeightFormats": ["pickle", "pytorch-pickle"]
                }
                """);
    }

    private ValidationVectors() {
    }

    public static void main(String[] args) throws Exception {
        write(Path.of(args[0]));
    }

    static List<Vector> all() {
        List<Vector> v = new ArrayList<>();
        // One bundle meeting each profile
        v.add(meets("meets-mof-class-iii", "only what MOF Class III asks for", Releases.classIII(), "mof-class-iii"));
        v.add(meets("meets-mof-class-ii", "only what MOF Class II asks for", Releases.classII(), "mof-class-ii"));
        v.add(meets("meets-mof-class-i", "only what MOF Class I asks for", Releases.classI(), "mof-class-i"));
        v.add(meets("meets-osaid-1.0", "data information in the cards, all the code, the parameters; no report",
                Releases.osaid(), "osaid-1.0"));
        v.add(meets("meets-oab-full", "a complete release", Releases.complete(), "oab-full"));
        v.add(meets("meets-substitution-paper-for-report", "a research paper in place of the technical report",
                Releases.classI().removeAll("docs/technical-report/"), "mof-class-i"));
        v.add(meets("meets-substitution-results-in-model-card", "evaluation results only in the model card",
                Releases.classIII().removeAll("docs/evaluation/"), "mof-class-iii"));
        v.add(meets("meets-substitution-data-in-model-card", "no data card; the model card's Training Data section",
                Releases.classIII().removeAll("cards/DATA_CARD.md"), "mof-class-iii"));
        v.add(meets("meets-external-dataset", "the training data too large to ship, as an external reference with URL,"
                        + " size, SHA-256 and licence", Releases.classI().removeAll("data/training/").external("datasets",
                        "https://data.example.org/vector-model/train.csv", 31,
                        "9f2c8c4c1e5c3c0c1f0b6b4a0c7f0b2d6e8a1c3e5f7a9b1d3f5a7c9e1b3d5f7a", "CC0-1.0"), "mof-class-i",
                new Expect("datasets", "present", "", "")));
        v.add(misses("external-dataset-licence-text-missing", "an external dataset under a licence whose text the"
                        + " bundle lacks", Releases.classI().removeAll("data/training/").external("datasets",
                        "https://data.example.org/vector-model/train.csv", 31,
                        "9f2c8c4c1e5c3c0c1f0b6b4a0c7f0b2d6e8a1c3e5f7a9b1d3f5a7c9e1b3d5f7a", "CDLA-Permissive-2.0"),
                "mof-class-i",
                new Expect("datasets", "unlicensed", "license.text-present", "license.text-missing")));
        v.add(meets("meets-unpinned-is-a-warning", "a lockfile with an unpinned package is reported, not failed",
                Releases.complete().put("env/requirements.txt", "numpy==2.1.0\nrequests\n"), "oab-full",
                new Expect("software-environment", "present", "evidence.software-environment", "lockfile.unpinned")));

        // component.present
        v.add(misses("missing-training-code", "the training code removed from a complete bundle",
                Releases.complete().removeAll("code/training/"), "mof-class-ii",
                new Expect("training-code", "missing", "component.present", "component.missing")));
        v.add(misses("missing-report-and-paper", "neither a technical report nor a research paper",
                Releases.classIII().removeAll("docs/technical-report/"), "mof-class-iii",
                new Expect("technical-report", "missing", "component.present", "component.missing")));
        v.add(misses("missing-data-card-model-card-invalid", "no data card, and the model card cannot stand in: its"
                        + " Training Data section is a placeholder", Releases.classIII().removeAll("cards/DATA_CARD.md").edit("cards/MODEL_CARD.md",
                        "`data/training/train.csv`, two synthetic points; see `cards/DATA_CARD.md`.",
                        "[More Information Needed]"), "mof-class-iii",
                new Expect("data-card", "missing", "component.present", "component.missing"),
                new Expect("model-card", "invalid", "evidence.model-card", "model-card.section-placeholder")));
        // licences
        v.add(misses("license-text-missing", "the text of CC0-1.0 is not under LICENSES/",
                Releases.complete().removeAll("LICENSES/CC0-1.0.txt"), "mof-class-iii",
                new Expect("model-parameters-final", "unlicensed", "license.text-present", "license.text-missing"),
                new Expect("licenses", "invalid", "evidence.licenses", "license.text-missing")));
        v.add(misses("license-invalid-spdx", "the weights' licence names an id that is not on the SPDX list",
                Releases.complete().licence("model-parameters-final", "CC0-1"), "mof-class-iii",
                new Expect("model-parameters-final", "unlicensed", "license.spdx-valid", "license.invalid-spdx")));
        v.add(misses("license-code-only-for-weights", "weights under MIT, a licence the MOF lists for code only",
                Releases.complete().licence("model-parameters-final", "MIT").put("LICENSES/MIT.txt", "MIT License (abridged)\n"),
                "mof-class-iii",
                new Expect("model-parameters-final", "unlicensed", "license.type-appropriate",
                        "license.not-type-appropriate")));
        v.add(misses("license-not-osi-for-code", "training code under CC-BY-4.0, which OSI has not approved",
                Releases.osaid().licence("training-code", "CC-BY-4.0").put("LICENSES/CC-BY-4.0.txt", "CC BY 4.0 (abridged)\n"),
                "osaid-1.0",
                new Expect("training-code", "unlicensed", "license.osi-approved", "license.not-osi-approved")));
        v.add(misses("license-denied-by-policy", "a registry policy that denies CC0-1.0",
                Releases.classIII(), "@deny-cc0.json",
                new Expect("model-parameters-final", "unlicensed", "license.denied", "license.denied")));
        // evidence
        v.add(misses("model-card-placeholder", "the model card's Uses section is a template placeholder",
                Releases.complete().edit("cards/MODEL_CARD.md",
                        "Exercising release tooling: packing, signing and validating bundles.",
                        "[More Information Needed]"), "mof-class-iii",
                new Expect("model-card", "invalid", "evidence.model-card", "model-card.section-placeholder")));
        v.add(misses("model-card-section-missing", "the model card has no Environmental Impact section",
                Releases.complete().edit("cards/MODEL_CARD.md",
                        "## Environmental Impact\n\nTraining takes milliseconds on one CPU core.\n\n", ""),
                "mof-class-iii",
                new Expect("model-card", "invalid", "evidence.model-card", "model-card.section-missing")));
        v.add(misses("model-card-no-front-matter", "the model card has no YAML front matter",
                Releases.complete().edit("cards/MODEL_CARD.md", "---\nlicense: apache-2.0\n---\n\n", ""),
                "mof-class-iii",
                new Expect("model-card", "invalid", "evidence.model-card", "model-card.front-matter-missing")));
        v.add(misses("safetensors-truncated", "the final weights file lacks its last 4 bytes",
                Releases.complete().truncate("model/model.safetensors",
                        Releases.safetensors(new float[]{0.5f, -0.25f}, new float[]{0.125f}).length - 4), "mof-class-iii",
                new Expect("model-parameters-final", "invalid", "evidence.weights", "safetensors.truncated")));
        v.add(misses("weights-pickle", "the final weights are a pickle (pytorch_model.bin), which oab-full forbids",
                Releases.complete().removeAll("model/model.safetensors").put("model/pytorch_model.bin",
                        Releases.pickle()), "oab-full",
                new Expect("model-parameters-final", "invalid", "policy.forbidden-weight-formats",
                        "policy.forbidden-weight-format"),
                new Expect("model-parameters-final", "invalid", "evidence.weights", "weights.none-recognised")));
        v.add(misses("pickle-outside-weights", "a pickle beside the code, refused by a registry policy",
                Releases.classIII().put("code/architecture/init.pkl", Releases.pickle()), "@no-pickle.json",
                new Expect("", "", "policy.forbidden-weight-formats", "policy.forbidden-weight-format")));
        v.add(misses("hyperparameters-invalid", "hyperparameters as a flat object, not the OAB format",
                Releases.complete().put("config/hyperparameters.json", "{\"epochs\": 30}\n"), "oab-full",
                new Expect("hyperparameters", "invalid", "evidence.hyperparameters", "hyperparameters.schema-violation")));
        v.add(misses("seeds-invalid", "a seed without its scope",
                Releases.complete().put("config/seeds.json", "{\"seeds\": [{\"name\": \"python.random\", \"value\": 42}]}\n"),
                "oab-full",
                new Expect("random-seeds", "invalid", "evidence.random-seeds", "seeds.schema-violation")));
        v.add(misses("environment-no-lockfile", "env/ holds notes but no lockfile",
                Releases.complete().removeAll("env/requirements.txt").put("env/README.md", "Use Python 3.\n"),
                "oab-full",
                new Expect("software-environment", "invalid", "evidence.software-environment",
                        "environment.no-lockfile")));
        v.add(misses("data-card-croissant-invalid", "the data card is Croissant JSON-LD without its required"
                        + " properties, and the model card cannot stand in", Releases.classIII()
                        .removeAll("cards/DATA_CARD.md").put("cards/croissant.json", "{\"@type\": \"sc:Dataset\"}\n")
                        .edit("cards/MODEL_CARD.md", "`data/training/train.csv`, two synthetic points; see"
                                + " `cards/DATA_CARD.md`.", "[More Information Needed]"), "mof-class-iii",
                new Expect("data-card", "invalid", "evidence.data-card", "croissant.context-missing")));
        // registry policies
        v.add(misses("policy-file-too-large", "a registry policy that accepts files of at most 256 bytes",
                Releases.classIII(), "@small-files.json",
                new Expect("", "", "policy.limits", "limits.file-too-large")));
        v.add(misses("policy-signature-missing", "a registry policy that requires a signature; the bundle has none",
                Releases.classIII(), "@signed.json",
                new Expect("", "", "policy.signatures", "signatures.too-few")));
        return v;
    }

    private static Vector meets(String name, String description, Releases release, String profile, Expect... expect) {
        return vector(name, description, release, profile, true, expect);
    }

    private static Vector misses(String name, String description, Releases release, String profile, Expect... expect) {
        return vector(name, description, release, profile, false, expect);
    }

    private static Vector vector(String name, String description, Releases release, String profile, boolean met,
                                 Expect... expect) {
        boolean policy = profile.startsWith("@");
        return new Vector(name, description, release, policy ? null : profile, policy ? profile.substring(1) : null,
                met, List.of(expect));
    }

    /** The profile a vector is validated against. */
    static Profile profile(Vector v, Path dir) throws Exception {
        return v.policy() != null ? Profiles.load(dir.resolve("policies").resolve(v.policy()))
                : Profiles.builtIn(v.profile());
    }

    static void write(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("bundles"));
        Files.createDirectories(dir.resolve("reports"));
        Files.createDirectories(dir.resolve("policies"));
        for (Map.Entry<String, String> policy : POLICIES.entrySet()) {
            Files.writeString(dir.resolve("policies").resolve(policy.getKey()), policy.getValue(), StandardCharsets.UTF_8);
        }
        ArrayNode index = JsonNodeFactory.instance.arrayNode();
        for (Vector v : all()) {
            Path bundle = v.release().pack(dir.resolve("bundles").resolve(v.name() + ".oab"));
            ValidationReport report = Validator.of(profile(v, dir)).validate(bundle);
            Files.write(dir.resolve("reports").resolve(v.name() + ".json"), Reports.json(report));
            ObjectNode node = index.addObject();
            node.put("name", v.name());
            node.put("description", v.description());
            node.put("bundle", "bundles/" + v.name() + ".oab");
            if (v.policy() != null) {
                node.put("policy", "policies/" + v.policy());
            } else {
                node.put("profile", v.profile());
            }
            node.put("met", v.met());
            ArrayNode expectations = node.putArray("expect");
            for (Expect e : v.expect()) {
                ObjectNode x = expectations.addObject();
                x.put("component", e.component());
                x.put("status", e.status());
                x.put("rule", e.rule());
                x.put("code", e.code());
            }
            node.put("report", "reports/" + v.name() + ".json");
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("reportVersion", Reports.JSON_FORMAT_VERSION);
        root.put("about", "Each bundle is validated against its built-in profile or its policy file. 'met' is the"
                + " expected outcome; each entry of 'expect' names a component (or '' for a bundle-wide rule), the"
                + " status it must have, and the rule and code of a finding its issues must include (none when the"
                + " rule is ''); 'report' is the complete expected report in the format of"
                + " spec/schema/validation-report.schema.json.");
        root.set("vectors", index);
        Files.write(dir.resolve("index.json"), StrictJson.writePretty(root));
    }
}
