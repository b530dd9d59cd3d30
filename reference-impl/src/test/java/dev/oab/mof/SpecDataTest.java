package dev.oab.mof;

import dev.oab.components.ComponentCatalog;
import dev.oab.components.OabComponent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.oab.json.StrictJson;
import dev.oab.licenses.ContentType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** components.json and the profiles are valid, consistent with each other, and agree with the MOF tool's settings. */
class SpecDataTest {

    private static final List<String> BUILT_IN_PROFILES =
            List.of("mof-class-iii", "mof-class-ii", "mof-class-i", "osaid-1.0", "oab-full");

    private static JsonNode classpathJson(String relative) throws Exception {
        String resource = "dev/oab/spec/" + relative;
        try (InputStream in = SpecDataTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is not on the classpath");
            return StrictJson.parse(in.readAllBytes(), resource);
        }
    }

    @Test
    void componentsJsonIsValidAgainstItsSchema() throws Exception {
        assertEquals(List.of(), JsonSchemas.validateOab("components.schema.json", classpathJson("components.json")));
    }

    @Test
    void everyBuiltInProfileIsValidAndReferencesOnlyKnownComponentsAndProfiles() throws Exception {
        ComponentCatalog catalog = ComponentCatalog.bundled();
        for (String id : BUILT_IN_PROFILES) {
            JsonNode profile = classpathJson("profiles/" + id + ".json");
            assertEquals(List.of(), JsonSchemas.validateOab("profile.schema.json", profile), id);
            assertEquals(id, profile.path("id").asText(), "a profile's file is named after its id");
            Set<String> referenced = new HashSet<>();
            for (JsonNode requirement : profile.path("required")) {
                referenced.add(requirement.path("component").asText());
                requirement.path("satisfiedBy").forEach(alternative -> referenced.add(alternative.asText()));
            }
            profile.path("optional").forEach(component -> referenced.add(component.asText()));
            for (String component : referenced) {
                assertTrue(catalog.byId(component).isPresent(), id + " references unknown component " + component);
            }
            for (JsonNode parent : profile.path("extends")) {
                assertTrue(BUILT_IN_PROFILES.contains(parent.asText()), id + " extends unknown profile " + parent);
            }
        }
    }

    /** The components a built-in profile requires, its parents' included, each with its alternatives. */
    private static Set<String> requiredComponents(String profileId) throws Exception {
        JsonNode profile = classpathJson("profiles/" + profileId + ".json");
        Set<String> required = new java.util.TreeSet<>();
        for (JsonNode parent : profile.path("extends")) {
            required.addAll(requiredComponents(parent.asText()));
        }
        profile.path("required").forEach(requirement -> required.add(requirement.path("component").asText()));
        return required;
    }

    @Test
    void theMofProfilesRequireWhatTheToolCountsAndOabFullAddsItsFour() throws Exception {
        ComponentCatalog catalog = ComponentCatalog.bundled();
        for (int mofClass = 1; mofClass <= 3; mofClass++) {
            final int level = mofClass;
            Set<String> toolRequired = new java.util.TreeSet<>(catalog.mofComponents().stream()
                    .filter(c -> c.mofRequired() && c.mofClass() >= level).map(OabComponent::id).toList());
            assertEquals(toolRequired, requiredComponents("mof-class-" + "i".repeat(mofClass)), "class " + mofClass);
        }
        Set<String> full = requiredComponents("oab-full");
        full.removeAll(requiredComponents("mof-class-i"));
        assertEquals(Set.of("hyperparameters", "random-seeds", "software-environment", "licenses"), full);
    }

    @Test
    void evidencePathsMayNotClimbOutOfTheBundle() throws Exception {
        for (String path : List.of("../model/", "model/../x", "./model", "model/.")) {
            JsonNode catalog = StrictJson.parse(("{\"formatVersion\":1,\"components\":[{\"id\":\"x\",\"origin\":\"oab\","
                    + "\"contentType\":\"code\",\"description\":\"x\",\"evidence\":{\"paths\":[\"" + path + "\"]}}]}")
                    .getBytes(), "components");
            assertFalse(JsonSchemas.validateOab("components.schema.json", catalog).isEmpty(), path);
        }
    }

    @Test
    void theProfileSchemaRejectsAnUnknownField() throws Exception {
        JsonNode bad = StrictJson.parse("{\"id\":\"x\",\"title\":\"X\",\"requried\":[]}".getBytes(), "policy");
        assertFalse(JsonSchemas.validateOab("profile.schema.json", bad).isEmpty());
    }

    @Test
    void aRegistryPolicyUsesTheSameSchema() throws Exception {
        JsonNode policy = StrictJson.parse(("{\"id\":\"example-registry\",\"title\":\"Example registry\","
                + "\"extends\":[\"mof-class-iii\"],"
                + "\"licenses\":{\"rule\":\"open\",\"deny\":[\"CC-BY-NC-4.0\"]},"
                + "\"forbiddenWeightFormats\":[\"pickle\",\"pytorch-pickle\"],"
                + "\"limits\":{\"maxBundleBytes\":107374182400,\"maxFileBytes\":53687091200},"
                + "\"signatures\":{\"minimum\":1,\"methods\":[\"key\",\"certificate\"]}}").getBytes(), "policy");
        assertEquals(List.of(), JsonSchemas.validateOab("profile.schema.json", policy));
    }

    @Test
    void theMofComponentsAreExactlyTheToolsSeventeen() throws IOException {
        JsonNode settings = new YAMLMapper().readTree(Files.readAllBytes(SharedData.mofDir().resolve("mof.settings.yml")));
        ComponentCatalog catalog = ComponentCatalog.bundled();
        assertEquals(17, settings.path("components").size());
        assertEquals(17, catalog.mofComponents().size());
        for (JsonNode tool : settings.path("components")) {
            String name = tool.path("name").asText();
            OabComponent ours = catalog.byMofName(name).orElseThrow(() -> new AssertionError("missing MOF component " + name));
            assertEquals(ContentType.fromId(tool.path("content_type").asText()).orElseThrow(), ours.contentType(), name);
            assertEquals(tool.path("class").asInt(), ours.mofClass(), name);
            assertEquals(tool.path("required").asBoolean(), ours.mofRequired(), name);
        }
        for (String added : List.of("hyperparameters", "random-seeds", "software-environment", "licenses")) {
            assertFalse(catalog.byId(added).orElseThrow().isMofComponent(), added);
        }
    }

    @Test
    void theBundledDataFilesAreStrictJson() throws Exception {
        for (String file : List.of("data/spdx-licenses.json", "data/spdx-exceptions.json", "data/mot-spdx-licenses.json",
                "data/mof-licenses.json", "data/mot-open-licenses.json")) {
            assertTrue(classpathJson(file).isObject(), file);
        }
        Path specDir = Path.of(System.getProperty("oab.spec.dir"));
        assertTrue(Files.exists(specDir.resolve("data/LICENSE")), "the MOT's licence must sit beside the copies of its data");
        assertTrue(Files.exists(specDir.resolve("data/CC0-1.0.txt")), "the SPDX data's dedication must sit beside it");
        try (Stream<Path> profiles = Files.list(specDir.resolve("profiles"))) {
            assertEquals(BUILT_IN_PROFILES.size(), profiles.count(), "every profile file is checked by this test");
        }
    }
}
