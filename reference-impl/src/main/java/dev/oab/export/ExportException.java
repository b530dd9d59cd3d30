package dev.oab.export;

import dev.oab.OabException;

/** A bill of materials or dataset description cannot be written for this bundle. */
public final class ExportException extends OabException {
    public ExportException(String message) {
        super(Category.IO, message);
    }

    public ExportException(String message, Throwable cause) {
        super(Category.IO, message, cause);
    }
}
