package dev.oab.signing;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads required fields from parsed JSON, failing with a message that names the field. */
final class JsonFields {

    private final SignatureException.Reason reason;
    private final String document;

    JsonFields(SignatureException.Reason reason, String document) {
        this.reason = reason;
        this.document = document;
    }

    JsonNode object(JsonNode parent, String field) throws SignatureException {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            throw fail(field, "must be a JSON object");
        }
        return node;
    }

    JsonNode array(JsonNode parent, String field) throws SignatureException {
        JsonNode node = parent.get(field);
        if (node == null || !node.isArray()) {
            throw fail(field, "must be a JSON array");
        }
        return node;
    }

    String text(JsonNode parent, String field) throws SignatureException {
        JsonNode node = parent.get(field);
        if (node == null || !node.isTextual()) {
            throw fail(field, "must be a JSON string");
        }
        return node.textValue();
    }

    boolean bool(JsonNode parent, String field) throws SignatureException {
        JsonNode node = parent.get(field);
        if (node == null || !node.isBoolean()) {
            throw fail(field, "must be true or false");
        }
        return node.booleanValue();
    }

    void requireObject(JsonNode node, String what) throws SignatureException {
        if (node == null || !node.isObject()) {
            throw fail(what, "must be a JSON object");
        }
    }

    SignatureException fail(String field, String problem) {
        return new SignatureException(reason, document + ": field '" + field + "' " + problem);
    }
}
