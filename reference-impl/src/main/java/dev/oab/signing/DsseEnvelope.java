package dev.oab.signing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A DSSE envelope with one signature: the payload type, the exact payload bytes and the
 * signature over their pre-authentication encoding. Immutable.
 */
public final class DsseEnvelope {

    public static final String IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";

    private final String payloadType;
    private final byte[] payload;
    private final byte[] signature;

    public DsseEnvelope(String payloadType, byte[] payload, byte[] signature) {
        this.payloadType = Objects.requireNonNull(payloadType, "payloadType");
        this.payload = payload.clone();
        this.signature = signature.clone();
    }

    public String payloadType() {
        return payloadType;
    }

    /** The payload exactly as signed (and, when parsed, exactly as decoded from base64). */
    public byte[] payload() {
        return payload.clone();
    }

    public byte[] signature() {
        return signature.clone();
    }

    /**
     * DSSE v1 pre-authentication encoding:
     * {@code "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body}, lengths as ASCII decimal byte
     * counts. Signing this rather than the bare payload binds the payload type to the signature.
     */
    public static byte[] pae(String payloadType, byte[] payload) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + type.length + 32);
        out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(type);
        out.writeBytes((" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /**
     * The encoding model_signing v0.2.0 signed by mistake ("pae_compat"): an upper-case
     * {@code DSSEV1} header followed by the Python {@code repr()} of the payload bytes, because
     * that version formatted a bytes object into a str. Used only to verify v0.2.0 bundles.
     */
    static byte[] paeCompatV02(String payloadType, byte[] payload) {
        StringBuilder text = new StringBuilder(payload.length + 64);
        text.append("DSSEV1 ").append(payloadType.getBytes(StandardCharsets.UTF_8).length).append(' ')
                .append(payloadType).append(' ').append(payload.length).append(' ');
        appendPythonBytesRepr(text, payload);
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Python 3's {@code repr(bytes)}: b'...' (or b"..." when only ' occurs), escaping as CPython does. */
    private static void appendPythonBytesRepr(StringBuilder out, byte[] bytes) {
        boolean hasSingle = false;
        boolean hasDouble = false;
        for (byte b : bytes) {
            hasSingle |= b == '\'';
            hasDouble |= b == '"';
        }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        out.append('b').append(quote);
        for (byte signed : bytes) {
            int b = signed & 0xff;
            if (b == quote || b == '\\') {
                out.append('\\').append((char) b);
            } else if (b == '\t') {
                out.append("\\t");
            } else if (b == '\n') {
                out.append("\\n");
            } else if (b == '\r') {
                out.append("\\r");
            } else if (b < 0x20 || b >= 0x7f) {
                out.append("\\x").append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xf, 16));
            } else {
                out.append((char) b);
            }
        }
        out.append(quote);
    }
}
