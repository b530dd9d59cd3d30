package dev.oab.licenses;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LicenseExpressionTest {

    private static final SpdxLicenseList SPDX = SpdxLicenseList.bundled();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "MIT                                                  | MIT",
            "mit                                                  | MIT",
            "apache-2.0 or mit                                    | Apache-2.0 OR MIT",
            "MIT AND Apache-2.0 OR BSD-3-Clause                   | MIT AND Apache-2.0 OR BSD-3-Clause",
            "MIT AND (Apache-2.0 OR BSD-3-Clause)                 | MIT AND (Apache-2.0 OR BSD-3-Clause)",
            "(MIT)                                                | MIT",
            "((MIT AND ISC))                                      | MIT AND ISC",
            "GPL-2.0-only WITH Classpath-exception-2.0            | GPL-2.0-only WITH Classpath-exception-2.0",
            "gpl-2.0-or-later with classpath-exception-2.0 Or MIT | GPL-2.0-or-later WITH Classpath-exception-2.0 OR MIT",
            "GPL-2.0+                                             | GPL-2.0+",
            "LGPL-2.1+ AND MIT                                    | LGPL-2.1+ AND MIT",
            "LicenseRef-Llama-2-Community                         | LicenseRef-Llama-2-Community",
            "licenseref-custom.1 OR Apache-2.0                    | LicenseRef-custom.1 OR Apache-2.0",
            "DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2     | DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2",
            "Apache-2.0 WITH LLVM-exception                       | Apache-2.0 WITH LLVM-exception",
            "LicenseRef-x WITH AdditionRef-my-addition            | LicenseRef-x WITH AdditionRef-my-addition",
    })
    void validExpressionsParseToTheirCanonicalForm(String text, String canonical) throws Exception {
        LicenseExpression expression = SPDX.parse(text);
        assertEquals(canonical, expression.toString());
        // Canonical text parses back to the same tree.
        assertEquals(expression, SPDX.parse(canonical));
    }

    @Test
    void anyWhitespaceSeparatesTokens() throws Exception {
        assertEquals("MIT AND ISC", SPDX.parse("  MIT\tAND\r\n ISC  ").toString());
    }

    @Test
    void andBindsTighterThanOr() throws Exception {
        LicenseExpression expression = SPDX.parse("MIT OR ISC AND Apache-2.0");
        assertEquals(new LicenseExpression.Or(new LicenseExpression.License("MIT", false),
                new LicenseExpression.And(new LicenseExpression.License("ISC", false),
                        new LicenseExpression.License("Apache-2.0", false))), expression);
    }

    @Test
    void withBindsTighterThanAnd() throws Exception {
        LicenseExpression expression = SPDX.parse("MIT AND GPL-2.0-only WITH Classpath-exception-2.0");
        assertEquals(new LicenseExpression.And(new LicenseExpression.License("MIT", false),
                new LicenseExpression.With(new LicenseExpression.License("GPL-2.0-only", false),
                        "Classpath-exception-2.0")), expression);
    }

    @Test
    void idsAndExceptionsAreListedInOrder() throws Exception {
        LicenseExpression expression = SPDX.parse(
                "(GPL-2.0+ WITH Classpath-exception-2.0 OR MIT) AND LicenseRef-x AND MIT");
        assertEquals(List.of("GPL-2.0", "MIT", "LicenseRef-x"), List.copyOf(expression.licenseIds()));
        assertEquals(List.of("Classpath-exception-2.0"), List.copyOf(expression.exceptionIds()));
    }

    @Test
    void syntaxOnlyParsingKeepsUnknownIdsAsWritten() throws Exception {
        assertEquals("Not-A-Listed-Id OR mit", LicenseExpression.parse("Not-A-Listed-Id or mit").toString());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "''                       | 1  | licence expression \"\": is empty",
            "'   '                    | 1  | licence expression \"   \": is empty",
            "MIT AND                  | 8  | licence expression \"MIT AND\": expected a licence id, LicenseRef- or \"(\" at position 8 but found the end of the expression",
            "AND MIT                  | 1  | licence expression \"AND MIT\": expected a licence id, LicenseRef- or \"(\" at position 1 but found \"AND\"",
            "MIT OR OR ISC            | 8  | licence expression \"MIT OR OR ISC\": expected a licence id, LicenseRef- or \"(\" at position 8 but found \"OR\"",
            "MIT ISC                  | 5  | licence expression \"MIT ISC\": expected AND, OR or WITH at position 5 but found \"ISC\"",
            "(MIT OR ISC              | 1  | licence expression \"(MIT OR ISC\": missing \")\" to close \"(\" at position 1",
            "MIT)                     | 4  | licence expression \"MIT)\": unmatched \")\" at position 4",
            "(MIT ISC)                | 6  | licence expression \"(MIT ISC)\": expected AND, OR, WITH or \")\" at position 6 but found \"ISC\"",
            "()                       | 2  | licence expression \"()\": expected a licence id, LicenseRef- or \"(\" at position 2 but found \")\"",
            "MIT/Apache-2.0           | 4  | licence expression \"MIT/Apache-2.0\": invalid character \"/\" at position 4; ids may contain only letters, digits, \".\" and \"-\"",
            "Apache 2.0               | 1  | licence expression \"Apache 2.0\": unknown licence id \"Apache\" at position 1; use an id from the SPDX licence list, or LicenseRef-Apache for a licence that is not on it",
            "MIT +                    | 5  | licence expression \"MIT +\": unexpected \"+\" at position 5; \"+\" must follow a licence id directly",
            "LicenseRef-x+            | 13 | licence expression \"LicenseRef-x+\": \"+\" at position 13 cannot follow a LicenseRef",
            "LicenseRef-              | 1  | licence expression \"LicenseRef-\": \"LicenseRef-\" at position 1 needs an id after the prefix",
            "MIT WITH                 | 9  | licence expression \"MIT WITH\": expected a licence exception id after \"WITH\" at position 9 but found the end of the expression",
            "MIT WITH LicenseRef-x    | 10 | licence expression \"MIT WITH LicenseRef-x\": expected a licence exception id after \"WITH\" at position 10 but found \"LicenseRef-x\"",
            "(MIT OR ISC) WITH LLVM-exception | 14 | licence expression \"(MIT OR ISC) WITH LLVM-exception\": \"WITH\" at position 14 must follow a single licence, not a parenthesised expression",
            "GPL-2.0-only WITH Foo-exception | 19 | licence expression \"GPL-2.0-only WITH Foo-exception\": unknown licence exception \"Foo-exception\" at position 19; use an exception id from the SPDX exceptions list",
            "GPL-2.0-only WITH MIT    | 19 | licence expression \"GPL-2.0-only WITH MIT\": \"MIT\" at position 19 is a licence, not a licence exception",
            "Classpath-exception-2.0  | 1  | licence expression \"Classpath-exception-2.0\": \"Classpath-exception-2.0\" at position 1 is a licence exception; it can only follow \"WITH\"",
            "MIT OR Llama-2           | 8  | licence expression \"MIT OR Llama-2\": unknown licence id \"Llama-2\" at position 8; use an id from the SPDX licence list, or LicenseRef-Llama-2 for a licence that is not on it",
            "MIT:ISC                  | 4  | licence expression \"MIT:ISC\": unexpected \":\" at position 4; only DocumentRef-<id>:LicenseRef-<id> may contain a colon",
            "DocumentRef-a:MIT        | 1  | licence expression \"DocumentRef-a:MIT\": \"DocumentRef-a:MIT\" at position 1 needs \"LicenseRef-<id>\" after the colon",
    })
    void invalidExpressionsAreRefusedNamingTheTokenAndPosition(String text, int position, String message) {
        LicenseExpressionException e = assertThrows(LicenseExpressionException.class, () -> SPDX.parse(text));
        assertEquals(message, e.getMessage());
        assertEquals(position, e.position());
        assertEquals(text, e.expression());
    }

    @Test
    void deepNestingIsRefusedBeforeItCanExhaustTheStack() {
        String text = "(".repeat(100) + "MIT" + ")".repeat(100);
        LicenseExpressionException e = assertThrows(LicenseExpressionException.class, () -> SPDX.parse(text));
        assertEquals(65, e.position());
    }

    @Test
    void controlCharactersAreShownAsCodePoints() {
        LicenseExpressionException e = assertThrows(LicenseExpressionException.class,
                () -> LicenseExpression.parse("MIT\u0000"));
        assertEquals("licence expression \"MIT\u0000\": invalid character \"U+0000\" at position 4; ids may contain only "
                + "letters, digits, \".\" and \"-\"", e.getMessage());
    }
}
