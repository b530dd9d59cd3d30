package dev.oab.components;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oab.json.SpecResources;
import dev.oab.licenses.ContentType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The component vocabulary: the MOF's 17 components and OAB's additions, from {@code components.json}. */
public final class ComponentCatalog {

    private static final class Bundled {
        static final ComponentCatalog INSTANCE = fromJson(SpecResources.readJson("components.json"));
    }

    private final List<OabComponent> components;
    private final Map<String, OabComponent> byId;
    private final Map<String, OabComponent> byMofName;

    private ComponentCatalog(List<OabComponent> components) {
        this.components = List.copyOf(components);
        Map<String, OabComponent> ids = new LinkedHashMap<>();
        Map<String, OabComponent> names = new LinkedHashMap<>();
        for (OabComponent component : components) {
            if (ids.put(component.id(), component) != null) {
                throw new IllegalArgumentException("components.json lists component id " + component.id() + " twice");
            }
            if (component.mofName() != null && names.put(component.mofName(), component) != null) {
                throw new IllegalArgumentException("components.json lists MOF name " + component.mofName() + " twice");
            }
        }
        this.byId = Collections.unmodifiableMap(ids);
        this.byMofName = Collections.unmodifiableMap(names);
    }

    /** The vocabulary packaged in {@code oab-spec} ({@code dev/oab/spec/components.json}). */
    public static ComponentCatalog bundled() {
        return Bundled.INSTANCE;
    }

    /** Builds a catalog from a document in the {@code components.schema.json} format. */
    public static ComponentCatalog fromJson(JsonNode document) {
        List<OabComponent> components = new ArrayList<>();
        for (JsonNode entry : document.path("components")) {
            String id = entry.path("id").asText();
            ContentType type = ContentType.fromId(entry.path("contentType").asText())
                    .orElseThrow(() -> new IllegalArgumentException("component " + id + " has no valid contentType"));
            List<String> paths = new ArrayList<>();
            entry.path("evidence").path("paths").forEach(path -> paths.add(path.asText()));
            JsonNode mofName = entry.get("mofName");
            components.add(new OabComponent(id, mofName == null ? null : mofName.asText(), type,
                    entry.path("mofClass").asInt(0), entry.path("mofRequired").asBoolean(false), paths));
        }
        return new ComponentCatalog(components);
    }

    /** Every component, in the vocabulary's order. */
    public List<OabComponent> all() {
        return components;
    }

    public Optional<OabComponent> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The component the MOF calls {@code mofName}, matched exactly as the Model Openness Tool does. */
    public Optional<OabComponent> byMofName(String mofName) {
        return Optional.ofNullable(byMofName.get(mofName));
    }

    /** The MOF's components, in the vocabulary's order. */
    public List<OabComponent> mofComponents() {
        return List.copyOf(byMofName.values());
    }
}
