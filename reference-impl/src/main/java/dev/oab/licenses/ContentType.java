package dev.oab.licenses;

import java.util.Locale;
import java.util.Optional;

/**
 * The Model Openness Framework's content types. A component's type decides which licences suit
 * it: software licences for code, open-data licences for data, open-content licences for documents.
 */
public enum ContentType {
    CODE,
    DATA,
    DOCUMENT;

    /** The lower-case name used in {@code components.json}, {@code mof.yml} and the MOF licence lists. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The content type named by {@code id} ({@code code}, {@code data} or {@code document}). */
    public static Optional<ContentType> fromId(String id) {
        for (ContentType type : values()) {
            if (type.id().equals(id)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
