package dev.oab.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oab.bundle.BundleReader;
import dev.oab.bundle.Manifest;
import dev.oab.json.StrictJson;
import dev.oab.licenses.LicenseExpression;
import dev.oab.licenses.LicenseExpressionException;
import dev.oab.licenses.SpdxLicenseList;

import java.io.IOException;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Describes the datasets of a bundle as MLCommons Croissant 1.1 JSON-LD: one {@code cr:FileObject}
 * per data file, with its {@code contentUrl} inside the bundle (its path), {@code sha256},
 * {@code encodingFormat} and size, and one per external reference. Croissant has no Java library,
 * so the document is built as a Jackson tree with the compact names every Croissant producer
 * writes (spec/ecosystem.md §3.4).
 */
public final class CroissantExporter {

    public static final String CONFORMS_TO = "http://mlcommons.org/croissant/1.1";

    private CroissantExporter() {
    }

    /** The Croissant description of the datasets in {@code reader}'s bundle, UTF-8 JSON with a final newline. */
    public static byte[] export(BundleReader reader) throws IOException, ExportException {
        BundleFacts facts = BundleFacts.of(reader);
        Manifest m = facts.manifest;
        if (facts.datasets.isEmpty()) {
            throw new ExportException(m.name() + " " + m.version() + " has no 'datasets' or 'evaluation-data' "
                    + "component; there is no data to describe in Croissant");
        }
        if (m.created().isEmpty()) {
            throw new ExportException(m.name() + " " + m.version() + " records no creation time, and Croissant 1.1 "
                    + "requires datePublished; pack it with --timestamp or SOURCE_DATE_EPOCH");
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.set("@context", context(f));
        root.put("@type", "sc:Dataset");
        root.put("conformsTo", CONFORMS_TO);
        root.put("name", m.name() + "-datasets");
        root.put("description", "The data of " + m.name() + " " + m.version() + ", carried in its Open AI Bundle"
                + m.description().map(d -> ": " + d).orElse("."));
        root.put("url", "urn:oab:" + m.name() + ":" + m.version() + ":manifest-sha256:" + facts.manifestSha256);
        root.put("version", m.version());
        root.put("datePublished", m.created().get().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        ObjectNode creator = root.putObject("creator");
        creator.put("@type", "sc:Organization");
        creator.put("name", m.producer().name());
        m.producer().url().ifPresent(u -> creator.put("url", u));
        Set<String> licences = new LinkedHashSet<>();
        facts.datasets.forEach(d -> licences.add(d.license()));
        ArrayNode licenseNode = root.putArray("license");
        for (String licence : licences) {
            licenseNode.add(licenceUrl(licence));
        }

        ArrayNode distribution = root.putArray("distribution");
        for (BundleFacts.Dataset d : facts.datasets) {
            ObjectNode file = distribution.addObject();
            file.put("@type", "cr:FileObject");
            file.put("@id", d.name());
            file.put("name", d.name());
            if (d.file().isPresent()) {
                Manifest.FileEntry e = d.file().get();
                file.put("description", (d.testing() ? "Evaluation" : "Training") + " data in the bundle (component "
                        + d.componentId() + ")");
                file.put("contentUrl", e.path());
                file.put("contentSize", e.size() + " B");
                file.put("encodingFormat", e.mediaType());
                file.put("sha256", e.sha256());
            } else {
                Manifest.ExternalReference r = d.external().orElseThrow();
                file.put("description", (d.testing() ? "Evaluation" : "Training") + " data outside the bundle, "
                        + "pinned by size and digest (component " + d.componentId() + ")");
                file.put("contentUrl", r.url());
                file.put("contentSize", r.size() + " B");
                file.put("encodingFormat", "application/octet-stream");
                file.put("sha256", r.sha256());
            }
        }
        return StrictJson.writePretty(root);
    }

    /** A single SPDX licence as its SPDX page; anything else as the expression's text. */
    private static String licenceUrl(String expression) {
        try {
            LicenseExpression parsed = SpdxLicenseList.bundled().parse(expression);
            if (parsed instanceof LicenseExpression.License l) {
                return "https://spdx.org/licenses/" + l + ".html";
            }
        } catch (LicenseExpressionException e) {
            // Not an SPDX expression this list knows: keep the text.
        }
        return expression;
    }

    private static ObjectNode context(JsonNodeFactory f) {
        ObjectNode c = f.objectNode();
        c.put("@language", "en");
        c.put("@vocab", "https://schema.org/");
        c.put("sc", "https://schema.org/");
        c.put("cr", "http://mlcommons.org/croissant/");
        c.put("rai", "http://mlcommons.org/croissant/RAI/");
        c.put("dct", "http://purl.org/dc/terms/");
        c.put("citeAs", "cr:citeAs");
        c.put("column", "cr:column");
        c.put("conformsTo", "dct:conformsTo");
        c.putObject("data").put("@id", "cr:data").put("@type", "@json");
        c.putObject("dataType").put("@id", "cr:dataType").put("@type", "@vocab");
        c.putObject("examples").put("@id", "cr:examples").put("@type", "@json");
        c.put("extract", "cr:extract");
        c.put("field", "cr:field");
        c.put("fileObject", "cr:fileObject");
        c.put("fileProperty", "cr:fileProperty");
        c.put("fileSet", "cr:fileSet");
        c.put("format", "cr:format");
        c.put("includes", "cr:includes");
        c.put("isLiveDataset", "cr:isLiveDataset");
        c.put("jsonPath", "cr:jsonPath");
        c.put("key", "cr:key");
        c.put("md5", "cr:md5");
        c.put("parentField", "cr:parentField");
        c.put("path", "cr:path");
        c.put("recordSet", "cr:recordSet");
        c.put("references", "cr:references");
        c.put("regex", "cr:regex");
        c.put("repeated", "cr:repeated");
        c.put("replace", "cr:replace");
        c.put("separator", "cr:separator");
        c.put("source", "cr:source");
        c.put("subField", "cr:subField");
        c.put("transform", "cr:transform");
        return c;
    }
}
