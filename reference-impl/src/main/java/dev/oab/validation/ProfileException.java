package dev.oab.validation;

import dev.oab.OabException;

/** A profile or policy file that cannot be used: unknown id, invalid JSON, schema violations, bad {@code extends}. */
public final class ProfileException extends OabException {

    public ProfileException(String message) {
        super(Category.BAD_REQUEST, message);
    }

    public ProfileException(String message, Throwable cause) {
        super(Category.BAD_REQUEST, message, cause);
    }
}
