package dev.oab.licenses;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * An SPDX licence expression as an immutable tree. Build one with {@link #parse(String)} (syntax
 * only) or {@link SpdxLicenseList#parse(String)} (syntax, and every id checked against the SPDX
 * list and spelt as the list spells it). {@link #toString()} gives the canonical text: upper-case
 * operators, single spaces, and parentheses only where precedence needs them.
 */
public sealed interface LicenseExpression
        permits LicenseExpression.License, LicenseExpression.LicenseRef, LicenseExpression.With,
                LicenseExpression.And, LicenseExpression.Or {

    /** Parses the syntax of an SPDX licence expression without checking ids against the SPDX list. */
    static LicenseExpression parse(String text) throws LicenseExpressionException {
        return new LicenseExpressionParser(text, null).parse();
    }

    /**
     * The licence ids the expression names, in order of appearance, without {@code +} and
     * exceptions: SPDX ids and {@code LicenseRef-} ids (with their {@code DocumentRef-} prefix).
     */
    default Set<String> licenseIds() {
        Set<String> ids = new LinkedHashSet<>();
        collectIds(this, ids, false);
        return Collections.unmodifiableSet(ids);
    }

    /** The exception ids named after {@code WITH}, in order of appearance. */
    default Set<String> exceptionIds() {
        Set<String> ids = new LinkedHashSet<>();
        collectIds(this, ids, true);
        return Collections.unmodifiableSet(ids);
    }

    private static void collectIds(LicenseExpression expression, Set<String> ids, boolean exceptions) {
        if (expression instanceof License license) {
            if (!exceptions) {
                ids.add(license.id());
            }
        } else if (expression instanceof LicenseRef ref) {
            if (!exceptions) {
                ids.add(ref.toString());
            }
        } else if (expression instanceof With with) {
            collectIds(with.license(), ids, exceptions);
            if (exceptions) {
                ids.add(with.exception());
            }
        } else if (expression instanceof And and) {
            collectIds(and.left(), ids, exceptions);
            collectIds(and.right(), ids, exceptions);
        } else if (expression instanceof Or or) {
            collectIds(or.left(), ids, exceptions);
            collectIds(or.right(), ids, exceptions);
        }
    }

    /** A licence by SPDX id; {@code orLater} is the {@code +} suffix ("this version or any later"). */
    record License(String id, boolean orLater) implements LicenseExpression {
        public License {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String toString() {
            return orLater ? id + "+" : id;
        }
    }

    /**
     * A licence that is not on the SPDX list, {@code LicenseRef-<ref>}, optionally defined in
     * another SPDX document ({@code DocumentRef-<documentRef>:LicenseRef-<ref>}).
     * {@code documentRef} is null for a local reference; both values exclude their prefixes.
     */
    record LicenseRef(String documentRef, String ref) implements LicenseExpression {
        public LicenseRef {
            Objects.requireNonNull(ref, "ref");
        }

        @Override
        public String toString() {
            return (documentRef == null ? "" : "DocumentRef-" + documentRef + ":") + "LicenseRef-" + ref;
        }
    }

    /** A licence with an exception ({@code GPL-2.0-only WITH Classpath-exception-2.0}). */
    record With(LicenseExpression license, String exception) implements LicenseExpression {
        public With {
            Objects.requireNonNull(exception, "exception");
            if (!(license instanceof License) && !(license instanceof LicenseRef)) {
                throw new IllegalArgumentException("WITH applies to a single licence, not to " + license);
            }
        }

        @Override
        public String toString() {
            return license + " WITH " + exception;
        }
    }

    /** Both licences apply. */
    record And(LicenseExpression left, LicenseExpression right) implements LicenseExpression {
        public And {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public String toString() {
            // AND binds tighter than OR, so an OR operand needs parentheses to keep its meaning.
            return operand(left) + " AND " + operand(right);
        }

        private static String operand(LicenseExpression expression) {
            return expression instanceof Or ? "(" + expression + ")" : expression.toString();
        }
    }

    /** Either licence may be chosen. */
    record Or(LicenseExpression left, LicenseExpression right) implements LicenseExpression {
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public String toString() {
            return left + " OR " + right;
        }
    }
}
