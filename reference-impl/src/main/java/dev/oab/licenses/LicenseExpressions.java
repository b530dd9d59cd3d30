package dev.oab.licenses;

import java.util.function.Predicate;

/** Evaluation of a per-licence property over a whole expression, shared by the licence queries. */
final class LicenseExpressions {

    private LicenseExpressions() {
    }

    /**
     * Whether a licensee can comply with the expression using only licences that have the
     * property: OR needs one side, AND both, WITH is judged by its licence (an exception grants
     * extra permissions, never fewer), {@code +} by the named version, and a LicenseRef never has it.
     */
    static boolean holds(LicenseExpression expression, Predicate<String> licenseHasProperty) {
        if (expression instanceof LicenseExpression.License license) {
            return licenseHasProperty.test(license.id());
        }
        if (expression instanceof LicenseExpression.LicenseRef) {
            return false;
        }
        if (expression instanceof LicenseExpression.With with) {
            return holds(with.license(), licenseHasProperty);
        }
        if (expression instanceof LicenseExpression.And and) {
            return holds(and.left(), licenseHasProperty) && holds(and.right(), licenseHasProperty);
        }
        LicenseExpression.Or or = (LicenseExpression.Or) expression;
        return holds(or.left(), licenseHasProperty) || holds(or.right(), licenseHasProperty);
    }
}
