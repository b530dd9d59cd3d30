package dev.oab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oab.bundle.BundleEntry;
import dev.oab.bundle.BundleReader;
import dev.oab.bundle.Manifest;
import dev.oab.json.StrictJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "inspect", mixinStandardHelpOptions = true, description = {
        "Show a bundle's manifest, components and entries.",
        "Reads the manifest and the central directory only, so it is instant whatever the bundle's size; "
                + "it checks the archive's structure but does not hash content (use verify)."})
final class InspectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.oab")
    Path bundle;

    @Option(names = "--json", description = "Print JSON: the manifest as stored plus the archive's entries.")
    boolean json;

    @Option(names = "--files", description = "List every file (text output lists the first 20 otherwise).")
    boolean allFiles;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (BundleReader reader = BundleReader.open(bundle)) {
            if (json) {
                printJson(out, reader);
            } else {
                printText(out, reader);
            }
        }
        return CliErrors.OK;
    }

    private void printText(PrintWriter out, BundleReader reader) {
        Manifest m = reader.manifest();
        out.printf("%s %s (OAB %s)%n", m.name(), m.version(), m.formatVersion());
        out.printf("producer:   %s%s%n", m.producer().name(), m.producer().url().map(u -> " <" + u + ">").orElse(""));
        out.printf("license:    %s%n", m.license());
        m.created().ifPresent(c -> out.printf("created:    %s%n", c));
        m.description().ifPresent(d -> out.printf("about:      %s%n", d));
        m.supersedes().ifPresent(s -> out.printf("supersedes: %s %s (sha256 %s)%n", s.name(), s.version(), s.sha256()));
        out.printf("archive:    %s, %d files (%s), %d signature%s%n", Format.bytes(reader.archiveLength()),
                m.files().size(), Format.bytes(m.totalBytes()), reader.signatures().size(),
                reader.signatures().size() == 1 ? "" : "s");
        Format.printComponents(out, m);
        out.println("files:");
        int shown = 0;
        for (Manifest.FileEntry f : m.files()) {
            if (!allFiles && shown == 20) {
                out.printf("  ... %d more (--files lists all)%n", m.files().size() - shown);
                break;
            }
            out.printf("  %12s  %s  %s%n", Format.bytes(f.size()), f.sha256().substring(0, 12), f.path());
            shown++;
        }
        for (BundleEntry s : reader.signatures()) {
            out.printf("signature:  %s%n", s.path());
        }
    }

    private void printJson(PrintWriter out, BundleReader reader) throws Exception {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("bundle", bundle.toString());
        root.put("archiveBytes", reader.archiveLength());
        root.set("manifest", StrictJson.parse(reader.manifestBytes(), Manifest.PATH));
        ArrayNode entries = root.putArray("entries");
        for (BundleEntry e : reader.entries()) {
            ObjectNode node = entries.addObject();
            node.put("path", e.path());
            node.put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
            node.put("size", e.size());
            node.put("stored", e.stored());
            node.put("dataOffset", e.dataOffset());
        }
        out.print(new String(StrictJson.writePretty(root), StandardCharsets.UTF_8));
    }
}
