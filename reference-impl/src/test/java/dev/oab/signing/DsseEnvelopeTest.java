package dev.oab.signing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DsseEnvelopeTest {

    @Test
    void paeMatchesTheDsseProtocolExample() {
        byte[] pae = DsseEnvelope.pae("http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8));
        assertEquals("DSSEv1 29 http://example.com/HelloWorld 11 hello world", new String(pae, StandardCharsets.UTF_8));
    }

    @Test
    void paeCountsBytesNotCharacters() {
        byte[] pae = DsseEnvelope.pae("t", "é".getBytes(StandardCharsets.UTF_8));
        assertEquals("DSSEv1 1 t 2 é", new String(pae, StandardCharsets.UTF_8));
    }

    @Test
    void v02CompatEncodingIsPythonBytesRepr() {
        byte[] payload = "{\"a\": 'x'}\n\t\\\u0001".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("DSSEV1 3 a/b 14 b'{\"a\": \\'x\\'}\\n\\t\\\\\\x01'",
                new String(DsseEnvelope.paeCompatV02("a/b", payload), StandardCharsets.UTF_8));
        assertEquals("DSSEV1 3 a/b 2 b\"'\\xff\"",
                new String(DsseEnvelope.paeCompatV02("a/b", new byte[] {'\'', (byte) 0xff}), StandardCharsets.UTF_8));
    }
}
