package dev.oab;

/**
 * Base of every error the library reports. Each carries a {@link Category} so front ends can map
 * it to an exit code or a build failure without knowing every subclass, and a message written for
 * a person: what failed, where, and what to do.
 */
public class OabException extends Exception {

    /** What kind of failure this is, from the user's point of view. */
    public enum Category {
        /** The input was read and checked, and a check failed (tampering, incompleteness, bad signature). */
        CHECK_FAILED,
        /** The request itself is wrong: bad arguments, a missing or unusable key, a bad authoring file. */
        BAD_REQUEST,
        /** The machine failed us: I/O errors, a full disk, an internal error. */
        IO
    }

    private final Category category;

    public OabException(Category category, String message) {
        super(message);
        this.category = category;
    }

    public OabException(Category category, String message, Throwable cause) {
        super(message, cause);
        this.category = category;
    }

    public Category category() {
        return category;
    }
}
