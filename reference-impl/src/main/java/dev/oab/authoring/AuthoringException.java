package dev.oab.authoring;

import dev.oab.OabException;

/** The authoring file or the source directory cannot be turned into a bundle as they are. */
public final class AuthoringException extends OabException {
    public AuthoringException(String message) {
        super(Category.BAD_REQUEST, message);
    }

    public AuthoringException(String message, Throwable cause) {
        super(Category.BAD_REQUEST, message, cause);
    }
}
