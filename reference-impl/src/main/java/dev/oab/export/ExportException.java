package dev.oab.export;

import dev.oab.OabException;

/**
 * The bundle cannot be described in the format asked for as it is (no datasets for Croissant, no
 * creation time where the format requires one); the message says what to do.
 */
public final class ExportException extends OabException {
    public ExportException(String message) {
        super(Category.BAD_REQUEST, message);
    }
}
