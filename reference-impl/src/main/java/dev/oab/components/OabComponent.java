package dev.oab.components;

import dev.oab.licenses.ContentType;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the component vocabulary ({@code spec/components.json}).
 *
 * @param id            stable kebab-case id used in manifests and profiles
 * @param mofName       the MOF's exact name, or null for a component OAB adds
 * @param contentType   decides which licences suit the component
 * @param mofClass      the most open MOF class (1, 2 or 3) that requires it, or 0 for OAB additions
 * @param mofRequired   whether the Model Openness Tool counts it toward its class
 * @param evidencePaths conventional bundle paths; a trailing slash names a directory
 */
public record OabComponent(String id, String mofName, ContentType contentType, int mofClass, boolean mofRequired,
                           List<String> evidencePaths) {

    public OabComponent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contentType, "contentType");
        evidencePaths = List.copyOf(evidencePaths);
    }

    /** Whether this is one of the MOF's 17 components (OAB's additions are not). */
    public boolean isMofComponent() {
        return mofName != null;
    }
}
