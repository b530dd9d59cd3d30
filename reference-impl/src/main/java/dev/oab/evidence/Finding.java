package dev.oab.evidence;

import java.util.Objects;

/**
 * One thing a checker found wrong with a file.
 *
 * @param severity how serious it is
 * @param code     a stable, dotted identifier such as {@code safetensors.offsets-gap}, for
 *                 policies and tests; never reworded
 * @param path     the path of the file, as the caller named it (a bundle entry or a disk path)
 * @param message  for a person: what is wrong, where, and what to do about it
 */
public record Finding(Severity severity, String code, String path, String message) {

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    public static Finding error(String code, String path, String message) {
        return new Finding(Severity.ERROR, code, path, message);
    }

    public static Finding warning(String code, String path, String message) {
        return new Finding(Severity.WARNING, code, path, message);
    }

    @Override
    public String toString() {
        return severity + " " + code + " " + path + ": " + message;
    }
}
