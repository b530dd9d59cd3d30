package dev.oab.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.oab.components.ComponentCatalog;
import dev.oab.json.JsonDocumentException;
import dev.oab.json.SpecResources;
import dev.oab.json.SchemaErrors;
import dev.oab.json.StrictJson;
import dev.oab.licenses.ContentType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * Loads profiles: the built-in ones packaged in {@code oab-spec} ({@code dev/oab/spec/profiles/<id>.json})
 * and registry policy files. Every document is checked against {@code profile.schema.json} and its
 * {@code extends} chain resolved: requirements add up (the included profile's first; a requirement
 * restated for the same component replaces the included one), optional components add up, and for
 * licences, limits and signatures the including profile's values win field by field, except
 * {@code deny} lists and forbidden weight formats, which add up.
 */
public final class Profiles {

    /** The built-in profiles, from the least to the most demanding. */
    public static final List<String> BUILT_IN = List.of("mof-class-iii", "mof-class-ii", "mof-class-i", "osaid-1.0",
            "oab-full");

    /** Largest policy file read. */
    public static final int MAX_POLICY_BYTES = 1024 * 1024;

    private static final String SCHEMA_BASE = "https://oab.dev/spec/schema/";

    /** No network: a policy file must never make the validator fetch anything. */
    static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .locale(Locale.ENGLISH)
                            .pathType(PathType.JSON_POINTER)
                            .build())
                    .schemaIdResolvers(resolvers -> resolvers.mapPrefix(SCHEMA_BASE, "classpath:dev/oab/spec/schema/"))
                    .schemaLoader(loader -> loader.fetchRemoteResources(false)));

    private Profiles() {
    }

    /** A built-in profile by id (one of {@link #BUILT_IN}). */
    public static Profile builtIn(String id) throws ProfileException {
        return resolve(id, Profiles::builtInDocument, new ArrayList<>());
    }

    /** Reads a policy file (JSON, at most {@link #MAX_POLICY_BYTES}); it may extend built-in profiles. */
    public static Profile load(Path file) throws ProfileException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_POLICY_BYTES) {
                throw new ProfileException(file + " is larger than " + MAX_POLICY_BYTES + " bytes; a policy file is"
                        + " a small JSON document");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ProfileException(file + ": no such policy file", e);
        } catch (IOException e) {
            throw new ProfileException("cannot read the policy file " + file + ": " + e.getMessage(), e);
        }
        return parse(bytes, file.toString());
    }

    /** Parses a policy document; {@code where} names it in messages. */
    public static Profile parse(byte[] json, String where) throws ProfileException {
        JsonNode document = checked(json, where);
        List<String> chain = new ArrayList<>();
        chain.add(document.get("id").asText());
        return build(document, where, chain, Profiles::builtInDocument);
    }

    private static JsonNode builtInDocument(String id) {
        if (!BUILT_IN.contains(id)) {
            return null;
        }
        return SpecResources.readJson("profiles/" + id + ".json");
    }

    private static Profile resolve(String id, Function<String, JsonNode> source, List<String> chain)
            throws ProfileException {
        if (chain.contains(id)) {
            throw new ProfileException("profile " + chain.get(0) + " extends itself through " + String.join(" -> ", chain)
                    + " -> " + id);
        }
        JsonNode document = source.apply(id);
        if (document == null) {
            throw new ProfileException("unknown profile '" + id + "'; the built-in profiles are "
                    + String.join(", ", BUILT_IN) + " (or pass a policy file with --policy)");
        }
        chain.add(id);
        try {
            return build(document, "profiles/" + id + ".json", chain, source);
        } finally {
            chain.remove(chain.size() - 1);
        }
    }

    private static JsonNode checked(byte[] json, String where) throws ProfileException {
        JsonNode document;
        try {
            document = StrictJson.parse(json, where);
        } catch (JsonDocumentException e) {
            throw new ProfileException(e.getMessage(), e);
        }
        Schema schema = SCHEMAS.getSchema(SchemaLocation.of(SCHEMA_BASE + "profile.schema.json"));
        List<Error> errors = schema.validate(document);
        if (!errors.isEmpty()) {
            List<String> messages = errors.stream().map(SchemaErrors::describe).toList();
            throw new ProfileException(where + " is not a valid profile (spec/schema/profile.schema.json): "
                    + String.join("; ", messages));
        }
        return document;
    }

    private static Profile build(JsonNode document, String where, List<String> chain,
                                 Function<String, JsonNode> source) throws ProfileException {
        String id = document.get("id").asText();
        ComponentCatalog catalog = ComponentCatalog.bundled();

        List<Profile> parents = new ArrayList<>();
        for (JsonNode parent : document.path("extends")) {
            parents.add(resolve(parent.asText(), source, chain));
        }

        Map<String, Profile.Requirement> required = new LinkedHashMap<>();
        Set<String> optional = new LinkedHashSet<>();
        List<String> lineage = new ArrayList<>();
        Profile.LicenseRule rule = null;
        Map<ContentType, Profile.LicenseRule> byType = new EnumMap<>(ContentType.class);
        Set<String> allow = null;
        Set<String> deny = new LinkedHashSet<>();
        Set<String> forbidden = new LinkedHashSet<>();
        Long[] limits = new Long[3];
        Double ratio = null;
        Integer minimum = null;
        Set<String> methods = null;
        Set<String> signers = null;
        Boolean openPgp = null;
        boolean anySignatures = false;

        for (Profile parent : parents) {
            for (String ancestor : concat(List.of(parent.id()), parent.lineage())) {
                if (!lineage.contains(ancestor)) {
                    lineage.add(ancestor);
                }
            }
            parent.required().forEach(r -> required.put(r.component(), r));
            optional.addAll(parent.optional());
            if (parent.licenses().rule() != Profile.LicenseRule.SPDX_VALID || rule == null) {
                rule = parent.licenses().rule();
            }
            byType.putAll(parent.licenses().byContentType());
            if (!parent.licenses().allow().isEmpty()) {
                allow = new LinkedHashSet<>(parent.licenses().allow());
            }
            deny.addAll(parent.licenses().deny());
            forbidden.addAll(parent.forbiddenWeightFormats());
            if (parent.limits().isPresent()) {
                Profile.Limits l = parent.limits().get();
                if (l.maxBundleBytes().isPresent()) limits[0] = l.maxBundleBytes().getAsLong();
                if (l.maxFileBytes().isPresent()) limits[1] = l.maxFileBytes().getAsLong();
                if (l.maxFiles().isPresent()) limits[2] = l.maxFiles().getAsLong();
                if (l.maxCompressionRatio().isPresent()) ratio = l.maxCompressionRatio().getAsDouble();
            }
            if (parent.signatures().isPresent()) {
                Profile.SignaturePolicy s = parent.signatures().get();
                anySignatures = true;
                minimum = s.minimum();
                methods = s.methods().isEmpty() ? methods : new LinkedHashSet<>(s.methods());
                signers = s.requiredSigners().isEmpty() ? signers : new LinkedHashSet<>(s.requiredSigners());
                openPgp = s.requireOpenPgp() || Boolean.TRUE.equals(openPgp);
            }
        }

        for (JsonNode r : document.path("required")) {
            String component = knownComponent(r.get("component").asText(), where, catalog);
            List<String> satisfiedBy = new ArrayList<>();
            for (JsonNode s : r.path("satisfiedBy")) {
                satisfiedBy.add(knownComponent(s.asText(), where, catalog));
            }
            required.remove(component);
            required.put(component, new Profile.Requirement(component, satisfiedBy, r.path("note").asText(""), id));
        }
        for (JsonNode o : document.path("optional")) {
            optional.add(knownComponent(o.asText(), where, catalog));
        }
        optional.removeAll(required.keySet());

        JsonNode licenses = document.path("licenses");
        if (licenses.has("rule")) {
            rule = Profile.LicenseRule.fromId(licenses.get("rule").asText()).orElseThrow();
        }
        licenses.path("byContentType").fields().forEachRemaining(e -> byType.put(
                ContentType.fromId(e.getKey()).orElseThrow(),
                Profile.LicenseRule.fromId(e.getValue().asText()).orElseThrow()));
        if (licenses.has("allow")) {
            allow = new LinkedHashSet<>();
            for (JsonNode a : licenses.get("allow")) {
                allow.add(a.asText());
            }
        }
        licenses.path("deny").forEach(d -> deny.add(d.asText()));
        document.path("forbiddenWeightFormats").forEach(f -> forbidden.add(f.asText()));

        JsonNode limitsNode = document.path("limits");
        if (limitsNode.has("maxBundleBytes")) limits[0] = limitsNode.get("maxBundleBytes").asLong();
        if (limitsNode.has("maxFileBytes")) limits[1] = limitsNode.get("maxFileBytes").asLong();
        if (limitsNode.has("maxFiles")) limits[2] = limitsNode.get("maxFiles").asLong();
        if (limitsNode.has("maxCompressionRatio")) ratio = limitsNode.get("maxCompressionRatio").asDouble();

        JsonNode sig = document.path("signatures");
        if (sig.isObject()) {
            anySignatures = true;
            if (sig.has("minimum")) minimum = sig.get("minimum").asInt();
            if (sig.has("methods")) {
                methods = new LinkedHashSet<>();
                for (JsonNode m : sig.get("methods")) methods.add(m.asText());
            }
            if (sig.has("requiredSigners")) {
                signers = new LinkedHashSet<>();
                for (JsonNode s : sig.get("requiredSigners")) signers.add(s.asText());
            }
            if (sig.has("requireOpenPgp")) openPgp = sig.get("requireOpenPgp").asBoolean();
        }

        Optional<Profile.Limits> limitValues = limits[0] == null && limits[1] == null && limits[2] == null
                && ratio == null ? Optional.empty() : Optional.of(new Profile.Limits(optional(limits[0]),
                optional(limits[1]), optional(limits[2]),
                ratio == null ? OptionalDouble.empty() : OptionalDouble.of(ratio)));
        Optional<Profile.SignaturePolicy> signatures = anySignatures
                ? Optional.of(new Profile.SignaturePolicy(minimum == null ? 0 : minimum,
                methods == null ? Set.of() : methods, signers == null ? Set.of() : signers,
                Boolean.TRUE.equals(openPgp)))
                : Optional.empty();
        return new Profile(id, document.get("title").asText(), document.path("description").asText(""), lineage,
                List.copyOf(required.values()), List.copyOf(optional),
                new Profile.LicensePolicy(rule == null ? Profile.LicenseRule.SPDX_VALID : rule, byType,
                        allow == null ? Set.of() : allow, deny),
                forbidden, limitValues, signatures);
    }

    private static OptionalLong optional(Long value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String knownComponent(String id, String where, ComponentCatalog catalog) throws ProfileException {
        if (catalog.byId(id).isEmpty()) {
            throw new ProfileException(where + ": unknown component '" + id + "'; use an id from spec/components.json ("
                    + String.join(", ", catalog.all().stream().map(c -> c.id()).toList()) + ")");
        }
        return id;
    }
}
