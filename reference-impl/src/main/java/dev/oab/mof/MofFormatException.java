package dev.oab.mof;

import dev.oab.OabException;

/** A {@code mof.yml} is not well-formed YAML or does not have the shape the MOF schema gives it. */
public final class MofFormatException extends OabException {
    public MofFormatException(String message) {
        super(Category.CHECK_FAILED, message);
    }

    public MofFormatException(String message, Throwable cause) {
        super(Category.CHECK_FAILED, message, cause);
    }
}
