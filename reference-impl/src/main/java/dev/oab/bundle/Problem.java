package dev.oab.bundle;

import java.util.Objects;

/**
 * One thing wrong with a bundle: a stable code from the spec (e.g. {@code integrity.digest-mismatch}),
 * the entry or field it concerns (may be empty for archive-wide problems), and a sentence for a person.
 */
public record Problem(String code, String where, String message) {

    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(message, "message");
    }

    /** "where: message", or just the message when the problem has no location. */
    public String describe() {
        return where.isEmpty() ? message : where + ": " + message;
    }
}
