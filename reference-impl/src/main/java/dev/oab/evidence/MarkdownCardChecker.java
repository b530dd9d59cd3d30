package dev.oab.evidence;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shared reading of Hugging Face–style cards: YAML front matter between {@code ---} lines,
 * a licence in it, then Markdown sections matched against a catalogue.
 */
final class MarkdownCardChecker {

    /** Largest card read; real cards are tens of KiB. */
    static final int MAX_CARD_BYTES = 4 * 1024 * 1024;

    private static final Pattern FRONT_MATTER = Pattern.compile(
            "\\A---[ \\t]*\\r?\\n(.*?)^(?:---|\\.\\.\\.)[ \\t]*(?:\\r?\\n|\\z)", Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern EMPTY_FRONT_MATTER = Pattern.compile("\\A---[ \\t]*\\r?\\n(?:---|\\.\\.\\.)[ \\t]*(?:\\r?\\n|\\z)");

    private final CardKind kind;
    private final SectionCatalog catalog;
    private final String prefix;
    private final String template;

    MarkdownCardChecker(CardKind kind, SectionCatalog catalog, String prefix, String template) {
        this.kind = kind;
        this.catalog = catalog;
        this.prefix = prefix;
        this.template = template;
    }

    CardReport check(byte[] content, String path) {
        List<Finding> findings = new ArrayList<>();
        if (content == null || content.length > MAX_CARD_BYTES) {
            findings.add(Finding.error(prefix + ".too-large", path, "the card is larger than "
                    + MAX_CARD_BYTES + " bytes; keep the card to prose and link large tables instead"));
            return report(path, Map.of(), List.of(), List.of(), List.of(), findings);
        }
        String text = Inputs.utf8(content);
        if (text == null) {
            findings.add(Finding.error(prefix + ".not-utf8", path, "the card is not valid UTF-8; save it as UTF-8"));
            return report(path, Map.of(), List.of(), List.of(), List.of(), findings);
        }

        Map<String, Object> metadata = new LinkedHashMap<>();
        String body = text;
        Matcher empty = EMPTY_FRONT_MATTER.matcher(text);
        Matcher front = FRONT_MATTER.matcher(text);
        String yaml = null;
        if (empty.find()) {
            yaml = "";
            body = text.substring(empty.end());
        } else if (front.find()) {
            yaml = front.group(1);
            body = text.substring(front.end());
        }
        if (yaml == null) {
            String why = text.startsWith("---") ? "its opening '---' line has no closing '---' line"
                    : "it does not start with a '---' line";
            findings.add(Finding.error(prefix + ".front-matter-missing", path, "the card has no YAML front matter ("
                    + why + "); start the card with '---', the metadata (at least 'license:'), and '---' as in "
                    + template));
        } else {
            readFrontMatter(yaml, path, metadata, findings);
        }

        List<CardSection> sections = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> placeholders = new ArrayList<>();
        readSections(body, path, sections, missing, placeholders, findings);
        return report(path, metadata, sections, missing, placeholders, findings);
    }

    private void readFrontMatter(String yaml, String path, Map<String, Object> metadata, List<Finding> findings) {
        JsonNode tree;
        try {
            tree = SafeYaml.parse(yaml);
        } catch (SafeYaml.YamlException e) {
            findings.add(Finding.error(prefix + ".front-matter-invalid", path, "the YAML front matter cannot be"
                    + " read: " + e.getMessage()));
            return;
        }
        if (tree != null && !tree.isNull() && !tree.isMissingNode() && !tree.isObject()) {
            findings.add(Finding.error(prefix + ".front-matter-invalid", path,
                    "the YAML front matter must be a mapping of keys to values"));
            return;
        }
        if (tree != null && tree.isObject()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) Inputs.toJava(tree);
            metadata.putAll(map);
        }
        JsonNode license = tree == null ? null : tree.get("license");
        if (!hasText(license)) {
            findings.add(Finding.error(prefix + ".license-missing", path, "the front matter has no 'license';"
                    + " add 'license: <SPDX id>' (for example 'license: apache-2.0'), or 'license: other' with"
                    + " 'license_name' and 'license_link'"));
        } else if (license.isTextual() && license.textValue().strip().equalsIgnoreCase("other")
                && !hasText(tree.get("license_name")) && !hasText(tree.get("license_link"))) {
            findings.add(Finding.warning(prefix + ".license-unnamed", path, "'license: other' names no licence;"
                    + " add 'license_name' and 'license_link'"));
        }
    }

    private static boolean hasText(JsonNode node) {
        if (node == null) {
            return false;
        }
        if (node.isTextual()) {
            return !node.textValue().isBlank();
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (item.isTextual() && !item.textValue().isBlank()) {
                    return true;
                }
            }
        }
        return false;
    }

    private void readSections(String body, String path, List<CardSection> sections, List<String> missing,
                              List<String> placeholders, List<Finding> findings) {
        Map<String, CardSection> found = new LinkedHashMap<>();
        for (MarkdownSections.Section section : MarkdownSections.split(body)) {
            catalog.match(section.heading()).ifPresent(entry -> {
                CardSection seen = found.get(entry.id());
                boolean substantive = MarkdownSections.isSubstantive(section.body());
                // A later heading for the same section only replaces an earlier one that said nothing.
                if (seen == null || (!seen.substantive() && substantive)) {
                    found.put(entry.id(), new CardSection(entry.id(), section.heading(), section.body(), substantive));
                }
            });
        }
        for (SectionCatalog.Entry entry : catalog.entries()) {
            CardSection section = found.get(entry.id());
            if (section == null) {
                // A parent heading is not needed when its subsections are written at the top level.
                String childText = childText(entry.id(), found);
                if (childText != null) {
                    section = new CardSection(entry.id(), "", childText, true);
                }
            }
            if (section != null) {
                sections.add(section);
            }
            if (!entry.required()) {
                continue;
            }
            if (section == null) {
                missing.add(entry.id());
                findings.add(Finding.warning(prefix + ".section-missing", path, "the card has no '" + entry.title()
                        + "' section (" + entry.id() + "); add a '## " + entry.title() + "' section as in "
                        + template));
            } else if (!section.substantive()) {
                placeholders.add(entry.id());
                findings.add(Finding.warning(prefix + ".section-placeholder", path, "the '" + section.heading()
                        + "' section (" + entry.id() + ") holds only template placeholders; write what it asks for"
                        + " or state plainly why it does not apply"));
            }
        }
    }

    private String childText(String parentId, Map<String, CardSection> found) {
        StringBuilder text = new StringBuilder();
        for (SectionCatalog.Entry entry : catalog.entries()) {
            CardSection child = found.get(entry.id());
            if (parentId.equals(entry.parent()) && child != null && child.substantive()) {
                text.append(text.length() == 0 ? "" : "\n\n").append(child.text());
            }
        }
        return text.length() == 0 ? null : text.toString();
    }

    private CardReport report(String path, Map<String, Object> metadata, List<CardSection> sections,
                              List<String> missing, List<String> placeholders, List<Finding> findings) {
        return new CardReport(path, kind, metadata, sections, missing, placeholders, findings);
    }
}
