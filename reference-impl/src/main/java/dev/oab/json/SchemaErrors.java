package dev.oab.json;

import com.networknt.schema.Error;

/** Words a JSON Schema violation for a person. */
public final class SchemaErrors {

    private SchemaErrors() {
    }

    /** "/seeds/0/value: string found, integer expected", with the root shown as "/". */
    public static String describe(Error error) {
        String location = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
        String message = error.getMessage();
        if (message.startsWith(location + ": ")) {
            message = message.substring(location.length() + 2);
        }
        return (location.isEmpty() ? "/" : location) + ": " + message;
    }
}
