package dev.oab.evidence;

import java.nio.channels.SeekableByteChannel;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the software environment of a release ({@code env/}): recognises a lockfile or dependency
 * list by its name (and, for plain text lists, its content), lists every dependency and warns
 * about each one that is not pinned to exactly one version, naming the line.
 */
public final class Lockfiles {

    /** Largest lockfile read; big npm and uv lockfiles reach a few MiB. */
    public static final int MAX_BYTES = 32 * 1024 * 1024;

    /** Lockfiles whose name alone says what they are (compared in lower case). */
    private static final Map<String, LockfileKind> BY_NAME = Map.of(
            "poetry.lock", LockfileKind.POETRY_LOCK,
            "uv.lock", LockfileKind.UV_LOCK,
            "pipfile.lock", LockfileKind.PIPFILE_LOCK,
            "cargo.lock", LockfileKind.CARGO_LOCK,
            "go.sum", LockfileKind.GO_SUM,
            "pom.xml", LockfileKind.MAVEN_POM,
            "package-lock.json", LockfileKind.NPM_PACKAGE_LOCK,
            "npm-shrinkwrap.json", LockfileKind.NPM_PACKAGE_LOCK);

    /** A line that can only be a pip requirement with a version operator, e.g. "torch==2.3.1". */
    private static final Pattern PIP_LINE = Pattern.compile(
            "(?m)^[A-Za-z0-9][A-Za-z0-9._-]{0,200}(?:\\[[^\\]\n]{0,200}])?[ \\t]{0,10}(?:===?|~=|>=|<=|!=)[ \\t]{0,10}[0-9]");
    private static final String LOCK_AGAIN = "regenerate the lockfile so every package has an exact version";

    private Lockfiles() {
    }

    /** The format a file name announces; plain {@code .txt} files are told apart by content in {@link #check}. */
    public static LockfileKind kindOf(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        LockfileKind exact = BY_NAME.get(lower);
        if (exact != null) {
            return exact;
        }
        if ((lower.startsWith("environment") || lower.startsWith("conda"))
                && (lower.endsWith(".yml") || lower.endsWith(".yaml"))) {
            return LockfileKind.CONDA_ENVIRONMENT;
        }
        if (lower.contains("dependency-list") || lower.contains("dependency_list")
                || lower.equals("maven-dependencies.txt")) {
            return LockfileKind.MAVEN_DEPENDENCY_LIST;
        }
        if (lower.endsWith(".txt") && (lower.contains("requirements") || lower.contains("constraints"))) {
            return LockfileKind.REQUIREMENTS_TXT;
        }
        return LockfileKind.UNKNOWN;
    }

    /** Reads a lockfile (at most {@link #MAX_BYTES}) from a channel and checks it; the channel is not closed. */
    public static LockfileReport check(SeekableByteChannel channel, String path) throws EvidenceReadException {
        return check(Inputs.readCapped(channel, MAX_BYTES, path), path);
    }

    /** Checks a lockfile held in memory. */
    public static LockfileReport check(byte[] content, String path) {
        LockfileKind kind = kindOf(path);
        if (content != null && kind == LockfileKind.UNKNOWN && path.toLowerCase(Locale.ROOT).endsWith(".txt")) {
            String text = Inputs.utf8(content);
            if (text != null && text.contains("The following files have been resolved")) {
                kind = LockfileKind.MAVEN_DEPENDENCY_LIST;
            } else if (text != null && PIP_LINE.matcher(text).find()) {
                // 'pip freeze > freeze.txt' and similar: a requirements file under another name.
                kind = LockfileKind.REQUIREMENTS_TXT;
            }
        }
        LockfileCollector out = new LockfileCollector(path, kind);
        if (content == null || content.length > MAX_BYTES) {
            out.unreadable("the file is larger than " + MAX_BYTES + " bytes");
            return out.build();
        }
        if (kind == LockfileKind.UNKNOWN) {
            return new LockfileReport(path, kind, List.of(), List.of(Finding.warning(
                    "lockfile.unrecognised", path, "not a lockfile OAB reads; use requirements.txt, poetry.lock,"
                            + " uv.lock, Pipfile.lock, environment.yml, package-lock.json, a Maven dependency list"
                            + " or pom.xml, Cargo.lock or go.sum")));
        }
        if (kind == LockfileKind.PIPFILE_LOCK) {
            LockfileParsers.pipfileLock(content, path, out);
            return out.build();
        }
        if (kind == LockfileKind.NPM_PACKAGE_LOCK) {
            LockfileParsers.npmLock(content, path, out);
            return out.build();
        }
        if (kind == LockfileKind.MAVEN_POM) {
            LockfileParsers.mavenPom(content, out);
            return out.build();
        }
        String text = Inputs.utf8(content);
        if (text == null) {
            out.unreadable("the file is not valid UTF-8");
            return out.build();
        }
        switch (kind) {
            case REQUIREMENTS_TXT -> PipRequirements.parseFile(text, out);
            case POETRY_LOCK -> LockfileParsers.packageTables(text, out, "run 'poetry lock' to " + LOCK_AGAIN);
            case UV_LOCK -> LockfileParsers.packageTables(text, out, "run 'uv lock' to " + LOCK_AGAIN);
            case CARGO_LOCK -> LockfileParsers.packageTables(text, out, "run 'cargo generate-lockfile' to " + LOCK_AGAIN);
            case CONDA_ENVIRONMENT -> LockfileParsers.condaEnvironment(text, out);
            case MAVEN_DEPENDENCY_LIST -> LockfileParsers.mavenDependencyList(text, out);
            case GO_SUM -> LockfileParsers.goSum(text, out);
            default -> throw new IllegalStateException("unhandled lockfile kind " + kind);
        }
        return out.build();
    }
}
