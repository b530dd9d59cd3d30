package dev.oab.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oab.json.JsonDocumentException;
import dev.oab.json.StrictJson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an MLCommons Croissant 1.0 or 1.1 JSON-LD document against the properties the Croissant
 * specification makes required, plus one OAB rule: every {@code cr:FileObject} carries a
 * {@code sha256}, so each data file can be proven to be the one described (Croissant accepts
 * md5 or no checksum; OAB does not).
 *
 * <p>The document is read as plain JSON with the conventional compact names ({@code sc:},
 * {@code cr:}, {@code dct:} prefixes or bare names under the schema.org vocabulary), which is how
 * every Croissant producer writes it; no JSON-LD expansion is attempted.
 */
final class CroissantChecker {

    static final int MAX_BYTES = 16 * 1024 * 1024;

    private static final Set<String> CONFORMS_TO = Set.of(
            "http://mlcommons.org/croissant/1.0", "http://mlcommons.org/croissant/1.1",
            "https://mlcommons.org/croissant/1.0", "https://mlcommons.org/croissant/1.1");
    private static final Set<String> DATASET_TYPES = Set.of("sc:Dataset", "schema:Dataset", "Dataset",
            "https://schema.org/Dataset", "http://schema.org/Dataset");
    /** Required by Croissant 1.0 and 1.1 alike. */
    private static final List<String> REQUIRED = List.of("name", "description", "license", "url");
    /** Made required by Croissant 1.1 (recommended in 1.0). */
    private static final List<String> REQUIRED_SINCE_1_1 = List.of("creator", "datePublished");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private CroissantChecker() {
    }

    static CardReport check(byte[] content, String path) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (content == null || content.length > MAX_BYTES) {
            findings.add(Finding.error("croissant.too-large", path, "the Croissant file is larger than " + MAX_BYTES
                    + " bytes"));
            return report(path, metadata, findings);
        }
        JsonNode root;
        try {
            root = StrictJson.parse(content, path);
        } catch (JsonDocumentException e) {
            findings.add(Finding.error("croissant.invalid-json", path, e.getMessage()
                    + "; a Croissant file must be one JSON-LD object"));
            return report(path, metadata, findings);
        }
        if (!root.isObject()) {
            findings.add(Finding.error("croissant.invalid-json", path, "the document must be a JSON object"));
            return report(path, metadata, findings);
        }
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!Set.of("@context", "distribution", "recordSet").contains(field.getKey())) {
                metadata.put(field.getKey(), Inputs.toJava(field.getValue()));
            }
        }

        if (!present(root.get("@context"))) {
            findings.add(Finding.error("croissant.context-missing", path, "'@context' is missing; copy the JSON-LD"
                    + " context from the Croissant specification (Appendix 1)"));
        }
        if (!anyTextIn(root.get("@type"), DATASET_TYPES)) {
            findings.add(Finding.error("croissant.type-invalid", path, "'@type' must be 'sc:Dataset'"));
        }
        JsonNode conformsTo = root.has("conformsTo") ? root.get("conformsTo") : root.get("dct:conformsTo");
        boolean version11 = anyTextIn(conformsTo, Set.of("http://mlcommons.org/croissant/1.1",
                "https://mlcommons.org/croissant/1.1"));
        if (!anyTextIn(conformsTo, CONFORMS_TO)) {
            findings.add(Finding.error("croissant.conforms-to-invalid", path, "'conformsTo' must name"
                    + " http://mlcommons.org/croissant/1.0 or http://mlcommons.org/croissant/1.1"));
        }
        List<String> required = new ArrayList<>(REQUIRED);
        if (version11) {
            required.addAll(REQUIRED_SINCE_1_1);
        }
        for (String property : required) {
            if (!present(root.get(property))) {
                findings.add(Finding.error("croissant.property-missing", path, "the dataset has no '" + property
                        + "', which Croissant " + (version11 ? "1.1" : "1.0") + " requires"));
            }
        }

        JsonNode distribution = root.get("distribution");
        if (!present(distribution)) {
            findings.add(Finding.error("croissant.distribution-missing", path, "'distribution' is missing or empty;"
                    + " list every data file as a cr:FileObject (with sha256) or cr:FileSet"));
        } else {
            int index = 0;
            for (JsonNode resource : distribution.isArray() ? distribution : List.of(distribution)) {
                checkResource(resource, index++, path, findings);
            }
        }
        return report(path, metadata, findings);
    }

    private static void checkResource(JsonNode resource, int index, String path, List<Finding> findings) {
        String where = "distribution[" + index + "]";
        if (!resource.isObject()) {
            findings.add(Finding.error("croissant.distribution-invalid", path, where + " must be an object"));
            return;
        }
        String label = text(resource.get("@id"));
        if (label == null) {
            label = text(resource.get("name"));
        }
        if (label != null) {
            where += " ('" + label + "')";
        }
        if (hasType(resource.get("@type"), "FileObject")) {
            for (String property : List.of("name", "contentUrl", "encodingFormat")) {
                if (!present(resource.get(property)) && !(property.equals("name") && present(resource.get("@id")))) {
                    findings.add(Finding.error("croissant.file-object-property-missing", path, where
                            + " has no '" + property + "', which every cr:FileObject needs"));
                }
            }
            String sha256 = text(resource.get("sha256"));
            if (sha256 == null) {
                findings.add(Finding.error("croissant.file-object-sha256-missing", path, where + " has no 'sha256'"
                        + (present(resource.get("md5")) ? " (md5 is not accepted)" : "")
                        + "; OAB requires the SHA-256 of every file so the data can be proven unchanged"));
            } else if (!SHA256.matcher(sha256).matches()) {
                findings.add(Finding.error("croissant.file-object-sha256-invalid", path, where + " has sha256 '"
                        + sha256 + "', which is not 64 hexadecimal digits"));
            }
        } else if (hasType(resource.get("@type"), "FileSet")) {
            for (String property : List.of("encodingFormat", "includes")) {
                if (!present(resource.get(property))) {
                    findings.add(Finding.error("croissant.file-set-property-missing", path, where
                            + " has no '" + property + "', which every cr:FileSet needs"));
                }
            }
        } else {
            findings.add(Finding.error("croissant.distribution-invalid", path, where
                    + " must have '@type' 'cr:FileObject' or 'cr:FileSet'"));
        }
    }

    /** '@type' may be one name or a list; "cr:FileObject", "FileObject" and full IRIs all end the same way. */
    private static boolean hasType(JsonNode node, String localName) {
        if (node == null) {
            return false;
        }
        for (JsonNode type : node.isArray() ? node : List.of(node)) {
            if (type.isTextual() && (type.textValue().endsWith(":" + localName)
                    || type.textValue().endsWith("/" + localName) || type.textValue().equals(localName))) {
                return true;
            }
        }
        return false;
    }

    private static boolean present(JsonNode node) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (node.isTextual()) {
            return !node.textValue().isBlank();
        }
        if (node.isContainerNode()) {
            return !node.isEmpty();
        }
        return true;
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() && !node.textValue().isBlank() ? node.textValue() : null;
    }

    private static boolean anyTextIn(JsonNode node, Set<String> accepted) {
        if (node == null) {
            return false;
        }
        if (node.isTextual()) {
            return accepted.contains(node.textValue().strip());
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (item.isTextual() && accepted.contains(item.textValue().strip())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static CardReport report(String path, Map<String, Object> metadata, List<Finding> findings) {
        return new CardReport(path, CardKind.CROISSANT, metadata, List.of(), List.of(), List.of(), findings);
    }
}
