package dev.oab.json;

import dev.oab.OabException;

/** A JSON document OAB was asked to read is malformed, ambiguous or beyond the parser's limits. */
public final class JsonDocumentException extends OabException {
    public JsonDocumentException(String message) {
        super(Category.CHECK_FAILED, message);
    }

    public JsonDocumentException(String message, Throwable cause) {
        super(Category.CHECK_FAILED, message, cause);
    }
}
