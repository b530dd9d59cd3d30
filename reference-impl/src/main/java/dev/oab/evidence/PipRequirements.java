package dev.oab.evidence;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pip requirement specifiers (PEP 508), as in requirements files and conda's {@code pip:} list.
 * A requirement is pinned when it names exactly one version ({@code ==1.2.3} or {@code ===1.2.3},
 * no wildcard), one VCS commit ({@code @<40 hex digits>}), or one file by hash.
 */
final class PipRequirements {

    private static final Pattern NAME = Pattern.compile("^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\\s*(\\[[^\\]]*])?\\s*(.*)$");
    private static final Pattern EXACT = Pattern.compile("^===?\\s*([^\\s,*]+)$");
    private static final Pattern COMMIT = Pattern.compile("@[0-9a-fA-F]{40}(?:[#&?]|$)");
    private static final Pattern URL_HASH = Pattern.compile("#(?:sha256|sha384|sha512)=[0-9a-fA-F]+");
    /** The first option after a requirement, e.g. " --hash=..."; a single whitespace keeps the search linear. */
    private static final Pattern OPTION = Pattern.compile("\\s--?[A-Za-z]");
    static final String ADVICE = "pin it with '==' to the version you used (pip freeze writes such a list),"
            + " ideally with '--hash'";

    private PipRequirements() {
    }

    /** Parses a requirements file, following pip's line continuation and comment rules. */
    static void parseFile(String text, LockfileCollector out) {
        String[] lines = text.split("\r?\n", -1);
        StringBuilder logical = new StringBuilder();
        int startLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (logical.length() == 0) {
                startLine = i + 1;
            }
            if (line.endsWith("\\")) {
                logical.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            logical.append(line);
            String requirement = stripComment(logical.toString()).strip();
            logical.setLength(0);
            if (requirement.isEmpty()) {
                continue;
            }
            if (requirement.startsWith("-")) {
                String option = requirement.split("[\\s=]", 2)[0];
                if (option.equals("-e") || option.equals("--editable")) {
                    String target = requirement.substring(option.length()).replaceFirst("^[\\s=]+", "");
                    addReference(target, target, startLine, requirement, out);
                }
                // Other options (-r, -c, --index-url, --hash on its own...) name no dependency.
                continue;
            }
            add(requirement, startLine, out);
        }
    }

    /** Parses one requirement; hash options after it count as pinning a direct file. */
    static void add(String requirement, int line, LockfileCollector out) {
        boolean hashed = requirement.contains("--hash");
        Matcher option = OPTION.matcher(requirement);
        String spec = (option.find() ? requirement.substring(0, option.start()) : requirement).strip();
        String declaration = spec;
        int marker = spec.indexOf(';');
        if (marker >= 0) {
            spec = spec.substring(0, marker).strip();
        }
        Matcher name = NAME.matcher(spec);
        if (spec.startsWith(".") || spec.startsWith("/") || (name.matches() && name.group(3).startsWith(":"))) {
            // A bare URL or path: pip installs whatever is there.
            addReference(spec, spec, line, declaration, out, hashed);
            return;
        }
        if (!name.matches()) {
            out.malformedLine(line, declaration, "a pip requirement");
            return;
        }
        String rest = name.group(3).strip();
        if (rest.startsWith("@")) {
            addReference(name.group(1), rest.substring(1).strip(), line, declaration, out, hashed);
            return;
        }
        if (rest.startsWith("(") && rest.endsWith(")")) {
            rest = rest.substring(1, rest.length() - 1).strip();
        }
        for (String clause : rest.split(",")) {
            Matcher exact = EXACT.matcher(clause.strip());
            if (exact.matches()) {
                out.pinned(name.group(1), exact.group(1), line, declaration);
                return;
            }
        }
        out.unpinned(name.group(1), line, declaration, ADVICE);
    }

    private static void addReference(String name, String target, int line, String declaration, LockfileCollector out) {
        addReference(name, target, line, declaration, out, false);
    }

    /** A URL, VCS or path reference: pinned only to a commit or a hashed file. */
    private static void addReference(String name, String target, int line, String declaration, LockfileCollector out,
                                     boolean hashed) {
        Matcher commit = COMMIT.matcher(target);
        if (commit.find()) {
            out.pinned(name, commit.group().substring(1, 41), line, declaration);
        } else if (hashed || URL_HASH.matcher(target).find()) {
            out.pinned(name, target, line, declaration);
        } else {
            out.unpinned(name, line, declaration, "refer to one VCS commit (@<full commit hash>) or one file"
                    + " with '--hash', or pin a released version with '=='");
        }
    }

    private static String stripComment(String line) {
        if (line.startsWith("#")) {
            return "";
        }
        Matcher comment = Pattern.compile("\\s#").matcher(line);
        return comment.find() ? line.substring(0, comment.start()) : line;
    }
}
