package dev.oab.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oab.json.JsonDocumentException;
import dev.oab.json.StrictJson;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Readers for each lockfile format except pip requirements ({@link PipRequirements}). */
final class LockfileParsers {

    private static final Pattern TOML_STRING = Pattern.compile("^(name|version)\\s*=\\s*\"([^\"]*)\"\\s*(?:#.*)?$");
    private static final Pattern TOML_VIRTUAL = Pattern.compile("^source\\s*=\\s*\\{\\s*(?:editable|virtual)\\s*=");
    private static final Pattern MAVEN_SCOPE = Pattern.compile("compile|provided|runtime|test|system|import");
    private static final Pattern CONDA_SPEC = Pattern.compile(
            "^(?:[A-Za-z0-9_./-]+::)?([A-Za-z0-9_.-]+)\\s*(?:(==?)\\s*([^=<>!~*\\s,|]+)(?:=(\\S+))?)?$");
    private static final Pattern GO_SUM = Pattern.compile("^(\\S+) (v\\S+?)(/go\\.mod)? h1:[A-Za-z0-9+/]+=*$");
    private static final Pattern COMMIT_FRAGMENT = Pattern.compile("#[0-9a-fA-F]{40}$");

    private LockfileParsers() {
    }

    /** poetry.lock, uv.lock and Cargo.lock all list {@code [[package]]} tables with name and version. */
    static void packageTables(String text, LockfileCollector out, String advice) {
        String[] lines = text.split("\r?\n", -1);
        String name = null;
        String version = null;
        int nameLine = 0;
        boolean inPackage = false;
        boolean local = false;
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : "[[end]]";
            if (line.startsWith("[")) {
                if (line.startsWith("[package.") || line.startsWith("[[package.")) {
                    continue; // a sub-table of the current package: its name and version came first
                }
                if (inPackage && name != null && !local) {
                    if (version != null && !version.isEmpty()) {
                        out.pinned(name, version, nameLine, "name = \"" + name + "\"");
                    } else {
                        out.unpinned(name, nameLine, "name = \"" + name + "\"", advice);
                    }
                }
                inPackage = line.strip().equals("[[package]]");
                name = null;
                version = null;
                local = false;
                continue;
            }
            if (!inPackage) {
                continue;
            }
            Matcher field = TOML_STRING.matcher(line);
            if (field.matches()) {
                if (field.group(1).equals("name") && name == null) {
                    name = field.group(2);
                    nameLine = i + 1;
                } else if (field.group(1).equals("version") && version == null) {
                    version = field.group(2);
                }
            } else if (TOML_VIRTUAL.matcher(line).find()) {
                // uv lists the project itself (editable or virtual); it is the code, not a dependency.
                local = true;
            }
        }
    }

    /** Pipfile.lock: {"default": {name: {"version": "==1.2"}}, "develop": {...}}. */
    static void pipfileLock(byte[] content, String path, LockfileCollector out) {
        JsonNode root = json(content, path, out);
        if (root == null) {
            return;
        }
        for (String section : List.of("default", "develop")) {
            JsonNode packages = root.get(section);
            if (packages == null || !packages.isObject()) {
                continue;
            }
            for (Map.Entry<String, JsonNode> entry : packages.properties()) {
                String name = entry.getKey();
                JsonNode spec = entry.getValue();
                String where = section + "." + name;
                String version = text(spec.get("version"));
                String ref = text(spec.get("ref"));
                if (version != null && version.matches("===?[^\\s,*<>!~]+")) {
                    out.pinned(name, version.replaceFirst("^===?", ""), 0, where);
                } else if (ref != null && ref.matches("[0-9a-fA-F]{40}")) {
                    out.pinned(name, ref, 0, where);
                } else {
                    out.unpinned(name, 0, where, "run 'pipenv lock' so every package gets an exact '==' version");
                }
            }
        }
    }

    /** package-lock.json v2/v3 ("packages") or v1 ("dependencies"). */
    static void npmLock(byte[] content, String path, LockfileCollector out) {
        JsonNode root = json(content, path, out);
        if (root == null) {
            return;
        }
        JsonNode packages = root.get("packages");
        boolean modern = packages != null && packages.isObject();
        JsonNode entries = modern ? packages : root.get("dependencies");
        if (entries == null || !entries.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : entries.properties()) {
            String key = entry.getKey();
            JsonNode spec = entry.getValue();
            if (key.isEmpty() || (spec.has("link") && spec.get("link").asBoolean())) {
                continue; // the root project, or a workspace link to local code
            }
            String name = modern ? key.substring(key.lastIndexOf("node_modules/") + (key.contains("node_modules/")
                    ? "node_modules/".length() : 0)) : key;
            String where = (modern ? "packages." : "dependencies.") + key;
            String version = text(spec.get("version"));
            if (version == null || version.startsWith("file:") || version.startsWith("link:")
                    || (version.contains(":") && !COMMIT_FRAGMENT.matcher(version).find())) {
                out.unpinned(name, 0, where, "run 'npm install' to lock it to a published version or a commit");
            } else {
                out.pinned(name, version, 0, where);
            }
        }
    }

    /** conda environment.yml: conda specs and an optional {"pip": [...]} list. */
    static void condaEnvironment(String text, LockfileCollector out) {
        JsonNode root;
        try {
            root = SafeYaml.parse(text);
        } catch (SafeYaml.YamlException e) {
            out.unreadable("the environment file is not YAML OAB accepts: " + e.getMessage());
            return;
        }
        JsonNode dependencies = root == null ? null : root.get("dependencies");
        if (dependencies == null || !dependencies.isArray()) {
            out.unreadable("the environment file has no 'dependencies' list");
            return;
        }
        String[] lines = text.split("\r?\n", -1);
        for (JsonNode item : dependencies) {
            if (item.isTextual()) {
                String spec = item.textValue().strip();
                int line = lineOf(lines, spec);
                Matcher conda = CONDA_SPEC.matcher(spec);
                if (conda.matches() && conda.group(3) != null) {
                    out.pinned(conda.group(1), conda.group(3), line, spec);
                } else {
                    String name = conda.matches() ? conda.group(1) : spec.split("[\\s=<>!~]", 2)[0];
                    out.unpinned(name, line, spec, "pin it with 'name=version=build' as 'conda env export' writes");
                }
            } else if (item.isObject() && item.get("pip") != null && item.get("pip").isArray()) {
                for (JsonNode pip : item.get("pip")) {
                    if (pip.isTextual()) {
                        String spec = pip.textValue().strip();
                        PipRequirements.add(spec, lineOf(lines, spec), out);
                    }
                }
            }
        }
    }

    /** The output of 'mvn dependency:list', with or without the [INFO] prefixes. */
    static void mavenDependencyList(String text, LockfileCollector out) {
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceFirst("^\\[[A-Z]+]", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String coordinates = line.split("\\s+", 2)[0];
            String[] parts = coordinates.split(":");
            if ((parts.length != 5 && parts.length != 6) || !MAVEN_SCOPE.matcher(parts[parts.length - 1]).matches()) {
                continue; // Maven's own chatter around the list
            }
            String name = parts[0] + ":" + parts[1];
            String version = parts[parts.length - 2];
            mavenVersion(name, version, i + 1, coordinates, out);
        }
    }

    /** pom.xml: every dependency needs an explicit, fixed version (from the pom itself). */
    static void mavenPom(byte[] content, LockfileCollector out) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // No DTDs, no external entities: a pom from a bundle is untrusted XML.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            document = builder.parse(new ByteArrayInputStream(content));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            out.unreadable("the pom is not well-formed XML OAB accepts: " + e.getMessage());
            return;
        }
        Element project = document.getDocumentElement();
        if (!project.getTagName().equals("project")) {
            out.unreadable("the root element is <" + project.getTagName() + ">, not <project>");
            return;
        }
        Map<String, String> properties = new HashMap<>();
        Element props = child(project, "properties");
        if (props != null) {
            for (Element property : children(props)) {
                properties.put(property.getTagName(), property.getTextContent().strip());
            }
        }
        String projectVersion = childText(project, "version");
        Element parent = child(project, "parent");
        if (projectVersion == null && parent != null) {
            projectVersion = childText(parent, "version");
        }
        if (projectVersion != null) {
            properties.put("project.version", projectVersion);
        }
        Map<String, String> managed = new HashMap<>();
        Element management = child(project, "dependencyManagement");
        List<Element> managedDependencies = dependencies(management);
        for (Element dependency : managedDependencies) {
            String version = resolve(childText(dependency, "version"), properties);
            if (version != null) {
                managed.put(childText(dependency, "groupId") + ":" + childText(dependency, "artifactId"), version);
            }
        }
        List<Element> all = new ArrayList<>(managedDependencies);
        all.addAll(dependencies(project));
        for (Element dependency : all) {
            String name = childText(dependency, "groupId") + ":" + childText(dependency, "artifactId");
            String declared = childText(dependency, "version");
            String version = declared == null ? managed.get(name) : resolve(declared, properties);
            String where = "<dependency> " + name;
            if (version == null) {
                out.unpinned(name, 0, where, declared == null
                        ? "its version comes from a parent POM or an imported BOM the bundle does not hold; add"
                        + " the output of 'mvn dependency:list' to env/"
                        : "the property in '" + declared + "' is not defined in this pom; write the version out");
            } else {
                mavenVersion(name, version, 0, where, out);
            }
        }
    }

    private static void mavenVersion(String name, String version, int line, String declaration, LockfileCollector out) {
        if (version.isEmpty() || version.startsWith("[") || version.startsWith("(") || version.contains(",")
                || version.endsWith("-SNAPSHOT") || version.equals("LATEST") || version.equals("RELEASE")) {
            out.unpinned(name, line, declaration, "use one released version (not a range, SNAPSHOT, LATEST or"
                    + " RELEASE)");
        } else {
            out.pinned(name, version, line, declaration);
        }
    }

    /** go.sum: "module version h1:hash" lines; every entry is pinned by construction. */
    static void goSum(String text, LockfileCollector out) {
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher entry = GO_SUM.matcher(line);
            if (!entry.matches()) {
                out.malformedLine(i + 1, line, "a go.sum entry ('module version h1:hash')");
            } else if (entry.group(3) == null) {
                out.pinned(entry.group(1), entry.group(2), i + 1, line);
            }
        }
    }

    private static JsonNode json(byte[] content, String path, LockfileCollector out) {
        try {
            JsonNode root = StrictJson.parse(content, path);
            if (!root.isObject()) {
                out.unreadable("the lockfile must be a JSON object");
                return null;
            }
            return root;
        } catch (JsonDocumentException e) {
            out.unreadable(e.getMessage());
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : null;
    }

    private static int lineOf(String[] lines, String spec) {
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(spec)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String resolve(String value, Map<String, String> properties) {
        if (value == null) {
            return null;
        }
        String resolved = value;
        // Properties may refer to properties; a few rounds cover real poms and stop cycles.
        for (int round = 0; round < 8 && resolved.contains("${"); round++) {
            Matcher reference = Pattern.compile("\\$\\{([^}]+)}").matcher(resolved);
            StringBuilder next = new StringBuilder();
            while (reference.find()) {
                String replacement = properties.get(reference.group(1));
                reference.appendReplacement(next, Matcher.quoteReplacement(
                        replacement == null ? reference.group() : replacement));
            }
            reference.appendTail(next);
            if (next.toString().equals(resolved)) {
                break;
            }
            resolved = next.toString();
        }
        return resolved.contains("${") ? null : resolved;
    }

    private static List<Element> dependencies(Element parent) {
        Element list = parent == null ? null : child(parent, "dependencies");
        List<Element> result = new ArrayList<>();
        if (list != null) {
            for (Element element : children(list)) {
                if (element.getTagName().equals("dependency")) {
                    result.add(element);
                }
            }
        }
        return result;
    }

    private static Element child(Element parent, String name) {
        for (Element element : children(parent)) {
            if (element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static String childText(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? null : element.getTextContent().strip();
    }

    private static List<Element> children(Element parent) {
        List<Element> result = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                result.add(element);
            }
        }
        return result;
    }
}
