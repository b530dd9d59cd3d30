package dev.oab.internal.zip;

import dev.oab.bundle.BundleFormatException;
import dev.oab.bundle.Problem;

/** The archive breaks the strict ZIP profile; raised before any entry data is trusted. */
public final class ZipProfileException extends BundleFormatException {

    public ZipProfileException(String code, String where, String message) {
        super(new Problem(code, where, message));
    }

    public ZipProfileException(String code, String where, String message, Throwable cause) {
        super(new Problem(code, where, message), cause);
    }
}
