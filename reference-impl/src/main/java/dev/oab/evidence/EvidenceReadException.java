package dev.oab.evidence;

import dev.oab.OabException;

/**
 * A checker could not read its input at all (an I/O failure, or a resource OAB ships is missing).
 * Anything wrong with the content itself is a {@link Finding}, not this exception.
 */
public final class EvidenceReadException extends OabException {

    public EvidenceReadException(String message, Throwable cause) {
        super(Category.IO, message, cause);
    }

    public EvidenceReadException(String message) {
        super(Category.IO, message);
    }
}
