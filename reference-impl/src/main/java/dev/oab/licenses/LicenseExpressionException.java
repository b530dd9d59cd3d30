package dev.oab.licenses;

import dev.oab.OabException;

/**
 * A licence expression is malformed or names a licence or exception that is not on the SPDX list.
 * The message quotes the expression and names the offending token and its position (1-based,
 * counted in characters), so the author can find and fix it.
 */
public final class LicenseExpressionException extends OabException {

    private final String expression;
    private final int position;

    LicenseExpressionException(String expression, int position, String problem) {
        super(Category.CHECK_FAILED, "licence expression \"" + expression + "\": " + problem);
        this.expression = expression;
        this.position = position;
    }

    /** The expression as given. */
    public String expression() {
        return expression;
    }

    /** 1-based character position of the offending token; the expression's length + 1 when the problem is its end. */
    public int position() {
        return position;
    }
}
