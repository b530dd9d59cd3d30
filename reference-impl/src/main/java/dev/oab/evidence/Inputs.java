package dev.oab.evidence;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading small text documents (cards, configs, lockfiles) safely. */
final class Inputs {

    private Inputs() {
    }

    /** Reads the whole channel, or returns null when it is larger than {@code maxBytes}. */
    static byte[] readCapped(SeekableByteChannel channel, int maxBytes, String path) throws EvidenceReadException {
        try {
            long size = channel.size();
            if (size > maxBytes) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            ChannelReader.readFully(channel, 0, buffer);
            return buffer.array();
        } catch (IOException e) {
            throw new EvidenceReadException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** Strict UTF-8 decoding without a leading byte order mark; null when the bytes are not UTF-8. */
    static String utf8(byte[] bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            String text = chars.toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Converts a JSON/YAML tree into unmodifiable maps, lists, strings, numbers, booleans and nulls. */
    static Object toJava(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                map.put(entry.getKey(), toJava(entry.getValue()));
            }
            return Collections.unmodifiableMap(map);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(toJava(item)));
            return Collections.unmodifiableList(list);
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        return node.asText();
    }
}
