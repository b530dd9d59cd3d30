package dev.oab.licenses;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recursive-descent parser for SPDX licence expressions (SPDX 2.3 Annex D / SPDX 3 licensing
 * profile). Precedence from tightest: {@code +}, {@code WITH}, {@code AND}, {@code OR};
 * parentheses override it. Operators are matched case-insensitively, as many real manifests
 * write {@code and}/{@code or}; ids are checked through an optional {@link IdResolver}, which
 * also returns their canonical spelling.
 */
final class LicenseExpressionParser {

    /** Turns ids into their canonical spelling, or refuses them. Null resolver: syntax only. */
    interface IdResolver {
        String licence(String id, int position, String expression) throws LicenseExpressionException;

        String exception(String id, int position, String expression) throws LicenseExpressionException;
    }

    /** Deeper nesting than this is refused rather than risking the stack on hostile input. */
    static final int MAX_DEPTH = 64;

    private static final String LICENSE_REF = "LicenseRef-";
    private static final String DOCUMENT_REF = "DocumentRef-";
    private static final String ADDITION_REF = "AdditionRef-";

    private enum Kind { WORD, OPEN, CLOSE, END }

    /** One token; {@code position} is 1-based; {@code orLater} marks a word directly followed by "+". */
    private record Token(Kind kind, String text, int position, boolean orLater) {
        boolean isOperator(String operator) {
            return kind == Kind.WORD && !orLater && text.equalsIgnoreCase(operator);
        }

        boolean isAnyOperator() {
            return isOperator("AND") || isOperator("OR") || isOperator("WITH");
        }

        String describe() {
            return switch (kind) {
                case WORD -> "\"" + text + (orLater ? "+" : "") + "\"";
                case OPEN -> "\"(\"";
                case CLOSE -> "\")\"";
                case END -> "the end of the expression";
            };
        }
    }

    private final String text;
    private final IdResolver resolver;
    private final List<Token> tokens;
    private int next;
    private int depth;

    LicenseExpressionParser(String text, IdResolver resolver) throws LicenseExpressionException {
        if (text == null) {
            throw new IllegalArgumentException("licence expression is null");
        }
        this.text = text;
        this.resolver = resolver;
        this.tokens = tokenize();
    }

    LicenseExpression parse() throws LicenseExpressionException {
        if (tokens.get(0).kind() == Kind.END) {
            throw error(1, "is empty");
        }
        LicenseExpression expression = parseOr();
        Token leftover = peek();
        if (leftover.kind() == Kind.CLOSE) {
            throw error(leftover.position(), "unmatched \")\" at position " + leftover.position());
        }
        if (leftover.kind() != Kind.END) {
            throw error(leftover.position(), "expected AND, OR or WITH at position " + leftover.position()
                    + " but found " + leftover.describe());
        }
        return expression;
    }

    private LicenseExpression parseOr() throws LicenseExpressionException {
        LicenseExpression left = parseAnd();
        while (peek().isOperator("OR")) {
            next++;
            left = new LicenseExpression.Or(left, parseAnd());
        }
        return left;
    }

    private LicenseExpression parseAnd() throws LicenseExpressionException {
        LicenseExpression left = parseWith();
        while (peek().isOperator("AND")) {
            next++;
            left = new LicenseExpression.And(left, parseWith());
        }
        return left;
    }

    private LicenseExpression parseWith() throws LicenseExpressionException {
        boolean parenthesised = peek().kind() == Kind.OPEN;
        LicenseExpression licence = parsePrimary();
        Token with = peek();
        if (!with.isOperator("WITH")) {
            return licence;
        }
        if (parenthesised) {
            throw error(with.position(), "\"WITH\" at position " + with.position()
                    + " must follow a single licence, not a parenthesised expression");
        }
        next++;
        Token exception = peek();
        if (exception.kind() != Kind.WORD || exception.isAnyOperator() || exception.orLater()
                || startsWithIgnoreCase(exception.text(), LICENSE_REF)
                || startsWithIgnoreCase(exception.text(), DOCUMENT_REF)) {
            throw error(exception.position(), "expected a licence exception id after \"WITH\" at position "
                    + exception.position() + " but found " + exception.describe());
        }
        next++;
        return new LicenseExpression.With(licence, exceptionId(exception));
    }

    private LicenseExpression parsePrimary() throws LicenseExpressionException {
        Token token = peek();
        if (token.kind() == Kind.OPEN) {
            if (++depth > MAX_DEPTH) {
                throw error(token.position(), "more than " + MAX_DEPTH + " nested parentheses at position "
                        + token.position());
            }
            next++;
            LicenseExpression inner = parseOr();
            Token close = peek();
            if (close.kind() != Kind.CLOSE) {
                if (close.kind() == Kind.END) {
                    throw error(token.position(), "missing \")\" to close \"(\" at position " + token.position());
                }
                throw error(close.position(), "expected AND, OR, WITH or \")\" at position " + close.position()
                        + " but found " + close.describe());
            }
            next++;
            depth--;
            return inner;
        }
        if (token.kind() != Kind.WORD || token.isAnyOperator()) {
            throw error(token.position(), "expected a licence id, LicenseRef- or \"(\" at position "
                    + token.position() + " but found " + token.describe());
        }
        next++;
        return simpleExpression(token);
    }

    private LicenseExpression simpleExpression(Token token) throws LicenseExpressionException {
        String word = token.text();
        int colon = word.indexOf(':');
        String documentRef = null;
        String licenceRef = word;
        if (startsWithIgnoreCase(word, DOCUMENT_REF)) {
            if (colon < 0) {
                throw error(token.position(), token.describe() + " at position " + token.position()
                        + " needs \":LicenseRef-<id>\" after the DocumentRef");
            }
            documentRef = idAfterPrefix(word.substring(0, colon), DOCUMENT_REF, token);
            licenceRef = word.substring(colon + 1);
            if (!startsWithIgnoreCase(licenceRef, LICENSE_REF)) {
                throw error(token.position(), token.describe() + " at position " + token.position()
                        + " needs \"LicenseRef-<id>\" after the colon");
            }
        } else if (colon >= 0) {
            throw error(token.position() + colon, "unexpected \":\" at position " + (token.position() + colon)
                    + "; only DocumentRef-<id>:LicenseRef-<id> may contain a colon");
        }
        if (startsWithIgnoreCase(licenceRef, LICENSE_REF)) {
            if (token.orLater()) {
                throw error(token.position() + word.length(), "\"+\" at position " + (token.position() + word.length())
                        + " cannot follow a LicenseRef");
            }
            String ref = idAfterPrefix(licenceRef, LICENSE_REF, token);
            return new LicenseExpression.LicenseRef(documentRef, ref);
        }
        String id = resolver == null ? word : resolver.licence(word, token.position(), text);
        return new LicenseExpression.License(id, token.orLater());
    }

    private String exceptionId(Token token) throws LicenseExpressionException {
        String word = token.text();
        if (word.indexOf(':') >= 0) {
            throw error(token.position(), "expected a licence exception id after \"WITH\" at position "
                    + token.position() + " but found " + token.describe());
        }
        if (startsWithIgnoreCase(word, ADDITION_REF)) {
            // SPDX 3 user-defined additions are not on the list, so they are never resolved.
            return ADDITION_REF + idAfterPrefix(word, ADDITION_REF, token);
        }
        return resolver == null ? word : resolver.exception(word, token.position(), text);
    }

    private String idAfterPrefix(String word, String prefix, Token token) throws LicenseExpressionException {
        String id = word.substring(prefix.length());
        if (id.isEmpty()) {
            throw error(token.position(), "\"" + prefix + "\" at position " + token.position()
                    + " needs an id after the prefix");
        }
        return id;
    }

    private List<Token> tokenize() throws LicenseExpressionException {
        List<Token> result = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
            } else if (c == '(') {
                result.add(new Token(Kind.OPEN, "(", i + 1, false));
                i++;
            } else if (c == ')') {
                result.add(new Token(Kind.CLOSE, ")", i + 1, false));
                i++;
            } else if (isIdChar(c) || c == ':') {
                int start = i;
                while (i < text.length() && (isIdChar(text.charAt(i)) || text.charAt(i) == ':')) {
                    i++;
                }
                boolean orLater = i < text.length() && text.charAt(i) == '+';
                result.add(new Token(Kind.WORD, text.substring(start, i), start + 1, orLater));
                if (orLater) {
                    i++;
                }
            } else if (c == '+') {
                throw error(i + 1, "unexpected \"+\" at position " + (i + 1) + "; \"+\" must follow a licence id directly");
            } else {
                String shown = Character.isISOControl(c) ? String.format(Locale.ROOT, "U+%04X", (int) c)
                        : new String(Character.toChars(text.codePointAt(i)));
                throw error(i + 1, "invalid character \"" + shown + "\" at position " + (i + 1)
                        + "; ids may contain only letters, digits, \".\" and \"-\"");
            }
        }
        result.add(new Token(Kind.END, "", text.length() + 1, false));
        return result;
    }

    private static boolean isIdChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
    }

    private static boolean startsWithIgnoreCase(String word, String prefix) {
        return word.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private Token peek() {
        return tokens.get(next);
    }

    private LicenseExpressionException error(int position, String problem) {
        return new LicenseExpressionException(text, position, problem);
    }
}
