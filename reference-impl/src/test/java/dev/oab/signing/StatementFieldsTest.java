package dev.oab.signing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The per-resource checks of a signed statement: canonical names (OMS §6.1.2) and hex digests. */
class StatementFieldsTest {

    @ParameterizedTest
    @ValueSource(strings = {".", "a", "a/b", "a/.b", "a/b.", "...", "a/.../b", "..a/b", "model/x.safetensors"})
    void canonicalNamesPass(String name) throws SignatureException {
        Statement.checkResourceName(name, "r");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/a", "a/", "a//b", "./a", "a/.", "../a", "a/../b", "a/..", "a\u0001b", "a\u007fb"})
    void otherNamesAreRefused(String name) {
        SignatureException e = assertThrows(SignatureException.class, () -> Statement.checkResourceName(name, "r"));
        assertEquals("in-toto statement: r name '" + name + "' is not a canonical relative path (OMS §6.1.2)",
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"00112233445566778899aabbccddeeff00112233445566778899AABBCCDDEEFF"})
    void digestsAreHexOfEitherCase(String hex) throws SignatureException {
        byte[] digest = Statement.parseDigest(hex, "d");
        assertEquals(32, digest.length);
        assertArrayEquals(new byte[]{0x00, 0x11, 0x22}, java.util.Arrays.copyOf(digest, 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0011", "g0112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
            "\uff10\uff11112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
            "00112233445566778899aabbccddeeff00112233445566778899aabbccddeef "})
    void otherDigestsAreRefused(String hex) {
        SignatureException e = assertThrows(SignatureException.class, () -> Statement.parseDigest(hex, "d"));
        assertEquals("in-toto statement: d is not a 64-digit hex SHA-256 digest: '" + hex + "'", e.getMessage());
    }
}
