package dev.oab.evidence;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CardsTest {

    private static final String MODEL_CARD = "cards/MODEL_CARD.md";
    private static final String DATA_CARD = "cards/DATA_CARD.md";
    private static final String CROISSANT = "cards/croissant.json";

    private static final String FULL_BODY = """
            # Tiny-LM

            ## Model Details

            ### Model Description

            Tiny-LM is a 10M-parameter decoder-only language model trained for tests.

            - **Developed by:** The OAB authors
            - **License:** Apache-2.0

            ## Uses

            ### Direct Use

            Text completion in unit tests.

            ### Out-of-Scope Use

            Anything that matters.

            ## Bias, Risks, and Limitations

            It was trained on 1 MB of English Wikipedia and reflects its biases.

            ## Training Details

            ### Training Data

            English Wikipedia, 2024-01 dump, first 1 MB.

            ### Training Procedure

            #### Training Hyperparameters

            - **Training regime:** bf16 mixed precision, AdamW, lr 3e-4

            ## Evaluation

            ### Testing Data, Factors & Metrics

            #### Testing Data

            WikiText-2 test split.

            #### Factors

            Article topic.

            #### Metrics

            Perplexity.

            ### Results

            Perplexity 412 on WikiText-2.

            ## Environmental Impact

            - **Hardware Type:** 1 CPU core
            - **Hours used:** 0.1

            ## Citation

            ```bibtex
            @misc{tinylm, title={Tiny-LM}}
            ```
            """;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertFindings(List<Finding> findings, String... expected) {
        List<String> actual = findings.stream().map(f -> f.severity() + " " + f.code() + " " + f.path()).toList();
        assertEquals(List.of(expected), actual, findings::toString);
    }

    @Test
    void fullModelCardHasEverySection() {
        CardReport report = ModelCards.check(utf8("---\nlicense: apache-2.0\nlanguage:\n  - en\n---\n" + FULL_BODY),
                MODEL_CARD);
        assertFindings(report.findings());
        assertEquals(CardKind.MODEL_CARD, report.kind());
        assertEquals("apache-2.0", report.metadata().get("license"));
        assertEquals(List.of("en"), report.metadata().get("language"));
        assertEquals(List.of(), report.missingSections());
        assertEquals(List.of(), report.placeholderSections());
        assertEquals("Training Hyperparameters", report.section("training-hyperparameters").orElseThrow().heading());
        assertTrue(report.section("testing-data").orElseThrow().text().contains("WikiText-2 test split."));
        assertTrue(report.isValid());
    }

    @Test
    void headingsMatchTolerantly() {
        String body = FULL_BODY.replace("## Bias, Risks, and Limitations", "## 3. Limitations & bias")
                .replace("## Environmental Impact", "## Carbon emissions [optional]")
                .replace("## Citation", "## **BibTeX**");
        CardReport report = ModelCards.check(utf8("---\nlicense: mit\n---\n" + body), MODEL_CARD);
        assertFindings(report.findings());
    }

    @Test
    void templatePlaceholdersCountAsNotWritten() {
        String body = FULL_BODY
                .replace("It was trained on 1 MB of English Wikipedia and reflects its biases.",
                        "<!-- This section is meant to convey both technical and sociotechnical limitations. -->\n\n"
                                + "[More Information Needed]")
                .replace("- **Hardware Type:** 1 CPU core\n- **Hours used:** 0.1",
                        "- **Hardware Type:** {{ hardware_type | default(\"[More Information Needed]\", true)}}\n"
                                + "- **Hours used:** [More Information Needed]")
                .replace("Article topic.", "TODO")
                .replace("Perplexity 412 on WikiText-2.", "Lorem ipsum dolor sit amet.");
        CardReport report = ModelCards.check(utf8("---\nlicense: apache-2.0\n---\n" + body), MODEL_CARD);
        assertEquals(List.of("bias-risks-limitations", "evaluation-factors", "evaluation-results",
                "environmental-impact"), report.placeholderSections());
        assertFindings(report.findings(),
                "WARNING model-card.section-placeholder " + MODEL_CARD,
                "WARNING model-card.section-placeholder " + MODEL_CARD,
                "WARNING model-card.section-placeholder " + MODEL_CARD,
                "WARNING model-card.section-placeholder " + MODEL_CARD);
        assertEquals("the 'Bias, Risks, and Limitations' section (bias-risks-limitations) holds only template"
                + " placeholders; write what it asks for or state plainly why it does not apply",
                report.findings().get(0).message());
        assertFalse(report.section("environmental-impact").orElseThrow().substantive());
    }

    @Test
    void missingSectionsAreListed() {
        String body = "## Model Details\n\nA model.\n\n## Uses\n\nTests.\n";
        CardReport report = ModelCards.check(utf8("---\nlicense: apache-2.0\n---\n" + body), MODEL_CARD);
        assertEquals(List.of("bias-risks-limitations", "training-data", "training-hyperparameters",
                "training-procedure", "training-details", "testing-data", "evaluation-factors", "evaluation-metrics",
                "evaluation-results", "evaluation", "environmental-impact", "citation"), report.missingSections());
        Finding first = report.findings().get(0);
        assertEquals("model-card.section-missing", first.code());
        assertEquals(Severity.WARNING, first.severity());
        assertEquals("the card has no 'Bias, Risks, and Limitations' section (bias-risks-limitations); add a"
                + " '## Bias, Risks, and Limitations' section as in the Hugging Face model card template", first.message());
    }

    @Test
    void noFrontMatter() {
        CardReport report = ModelCards.check(utf8(FULL_BODY), MODEL_CARD);
        assertFindings(report.findings(), "ERROR model-card.front-matter-missing " + MODEL_CARD);
        assertFalse(report.isValid());
    }

    @Test
    void noLicense() {
        CardReport report = ModelCards.check(utf8("---\nlanguage: en\ntags: [test]\n---\n" + FULL_BODY), MODEL_CARD);
        assertFindings(report.findings(), "ERROR model-card.license-missing " + MODEL_CARD);
    }

    @Test
    void yamlAliasesAreRefused() {
        String yaml = "---\nlicense: &l apache-2.0\nother: *l\n---\n";
        CardReport report = ModelCards.check(utf8(yaml + FULL_BODY), MODEL_CARD);
        assertFindings(report.findings(), "ERROR model-card.front-matter-invalid " + MODEL_CARD);
    }

    @Test
    void yamlTagsAndDuplicateKeysAreRefused() {
        CardReport tagged = ModelCards.check(utf8("---\nlicense: !!python/object:os.system ls\n---\n" + FULL_BODY),
                MODEL_CARD);
        assertFindings(tagged.findings(), "ERROR model-card.front-matter-invalid " + MODEL_CARD);
        CardReport duplicated = ModelCards.check(utf8("---\nlicense: mit\nlicense: gpl-3.0\n---\n" + FULL_BODY),
                MODEL_CARD);
        assertFindings(duplicated.findings(), "ERROR model-card.front-matter-invalid " + MODEL_CARD);
    }

    @Test
    void oversizedCardIsRefused() {
        CardReport report = ModelCards.check(new byte[ModelCards.MAX_BYTES + 1], MODEL_CARD);
        assertFindings(report.findings(), "ERROR model-card.too-large " + MODEL_CARD);
    }

    @Test
    void unclosedFrontMatter() {
        CardReport report = ModelCards.check(utf8("---\nlicense: mit\n" + FULL_BODY.replace("```", "")), MODEL_CARD);
        assertFindings(report.findings(), "ERROR model-card.front-matter-missing " + MODEL_CARD);
    }

    @Test
    void hostileMarkdownStaysLinear() {
        StringBuilder text = new StringBuilder("---\nlicense: mit\n---\n## Uses\n");
        while (text.length() < ModelCards.MAX_BYTES - 2_000_000) {
            text.append("<!--{{ ");
        }
        text.append("\n#").append(" ".repeat(1_000_000)).append("x\n");
        byte[] card = utf8(text.toString());
        CardReport report = assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> ModelCards.check(card, MODEL_CARD));
        assertTrue(report.placeholderSections().contains("uses"));
    }

    @Test
    void cardFromAChannelIsCapped() throws Exception {
        var channel = new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(
                new byte[ModelCards.MAX_BYTES + 1]);
        assertFindings(ModelCards.check(channel, MODEL_CARD).findings(), "ERROR model-card.too-large " + MODEL_CARD);
    }

    @Test
    void croissantMustBeADataset() {
        String json = croissant(",\n \"sha256\": \"" + "ab".repeat(32) + "\"").replace("\"sc:Dataset\"", "\"sc:Thing\"");
        assertFindings(DataCards.check(utf8(json), CROISSANT).findings(), "ERROR croissant.type-invalid " + CROISSANT);
    }

    @Test
    void huggingFaceDatasetCard() {
        String card = """
                ---
                license: cc-by-4.0
                task_categories:
                  - text-generation
                ---
                # Dataset Card for Tiny-Wiki

                ## Dataset Details

                ### Dataset Description

                The first megabyte of English Wikipedia.

                ## Dataset Structure

                One JSON line per article with `title` and `text`.

                ## Dataset Creation

                ### Source Data

                #### Data Collection and Processing

                Downloaded from the 2024-01 dump and cut at 1 MB.

                ## Bias, Risks, and Limitations

                Wikipedia's coverage is uneven across topics.
                """;
        CardReport report = DataCards.check(utf8(card), DATA_CARD);
        assertEquals(CardKind.HF_DATASET_CARD, report.kind());
        assertFindings(report.findings());
        assertEquals("cc-by-4.0", report.metadata().get("license"));
        assertTrue(report.section("dataset-creation").isPresent());
    }

    @Test
    void datasetCardWithoutStructure() {
        String card = "---\nlicense: cc-by-4.0\n---\n## Dataset Description\n\nText.\n\n## Dataset Creation\n\n"
                + "Scraped.\n\n## Considerations for Using the Data\n\n[More Information Needed]\n";
        CardReport report = DataCards.check(utf8(card), DATA_CARD);
        assertEquals(List.of("dataset-structure"), report.missingSections());
        assertEquals(List.of("considerations"), report.placeholderSections());
        assertFindings(report.findings(), "WARNING data-card.section-missing " + DATA_CARD,
                "WARNING data-card.section-placeholder " + DATA_CARD);
    }

    static String croissant(String sha256Line) {
        return """
                {
                  "@context": {"@vocab": "https://schema.org/", "sc": "https://schema.org/",
                               "cr": "http://mlcommons.org/croissant/", "dct": "http://purl.org/dc/terms/"},
                  "@type": "sc:Dataset",
                  "conformsTo": "http://mlcommons.org/croissant/1.1",
                  "name": "tiny-wiki",
                  "description": "The first megabyte of English Wikipedia.",
                  "license": "https://spdx.org/licenses/CC-BY-SA-4.0.html",
                  "url": "https://example.org/tiny-wiki",
                  "creator": {"@type": "sc:Organization", "name": "OAB"},
                  "datePublished": "2026-01-01",
                  "distribution": [
                    {"@type": "cr:FileObject", "@id": "articles.jsonl", "name": "articles.jsonl",
                     "contentUrl": "data/articles.jsonl", "encodingFormat": "application/jsonlines"%s},
                    {"@type": "cr:FileSet", "@id": "images", "containedIn": {"@id": "articles.jsonl"},
                     "encodingFormat": "image/png", "includes": "*.png"}
                  ]
                }
                """.formatted(sha256Line);
    }

    @Test
    void validCroissant() {
        String json = croissant(",\n \"sha256\": \"" + "ab".repeat(32) + "\"");
        CardReport report = DataCards.check(utf8(json), CROISSANT);
        assertEquals(CardKind.CROISSANT, report.kind());
        assertFindings(report.findings());
        assertEquals("tiny-wiki", report.metadata().get("name"));
        assertEquals(Map.of("@type", "sc:Organization", "name", "OAB"), report.metadata().get("creator"));
    }

    @Test
    void croissantFileObjectWithoutSha256() {
        CardReport report = DataCards.check(utf8(croissant(",\n \"md5\": \"" + "ab".repeat(16) + "\"")), CROISSANT);
        assertFindings(report.findings(), "ERROR croissant.file-object-sha256-missing " + CROISSANT);
        assertEquals("distribution[0] ('articles.jsonl') has no 'sha256' (md5 is not accepted); OAB requires the"
                + " SHA-256 of every file so the data can be proven unchanged", report.findings().get(0).message());
    }

    @Test
    void croissantMissingRequiredProperties() {
        String json = croissant(",\n \"sha256\": \"" + "ab".repeat(32) + "\"")
                .replace("\"license\": \"https://spdx.org/licenses/CC-BY-SA-4.0.html\",", "")
                .replace("\"conformsTo\": \"http://mlcommons.org/croissant/1.1\",",
                        "\"conformsTo\": \"http://mlcommons.org/croissant/0.8\",");
        CardReport report = DataCards.check(utf8(json), CROISSANT);
        assertFindings(report.findings(), "ERROR croissant.conforms-to-invalid " + CROISSANT,
                "ERROR croissant.property-missing " + CROISSANT);
        assertEquals("the dataset has no 'license', which Croissant 1.0 requires", report.findings().get(1).message());
    }
}
