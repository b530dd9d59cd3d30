package dev.oab.validation;

import java.util.Objects;

/**
 * One thing the validator found.
 *
 * @param severity {@code ERROR} fails the component (or the bundle, for bundle-wide rules); {@code WARNING} is
 *                 reported only
 * @param rule     the rule checked, e.g. {@code component.present}, {@code license.text-present},
 *                 {@code evidence.model-card}, {@code policy.signatures} (see spec/validation.md)
 * @param code     the specific finding, e.g. {@code component.missing}, {@code safetensors.truncated}
 * @param path     the file or field concerned, or "" for the bundle as a whole
 * @param message  what is wrong and what to do
 */
public record Issue(Severity severity, String rule, String code, String path, String message) {

    /** How serious an issue is. */
    public enum Severity { ERROR, WARNING }

    public Issue {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    static Issue error(String rule, String code, String path, String message) {
        return new Issue(Severity.ERROR, rule, code, path, message);
    }

    static Issue warning(String rule, String code, String path, String message) {
        return new Issue(Severity.WARNING, rule, code, path, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
