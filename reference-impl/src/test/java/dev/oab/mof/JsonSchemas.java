package dev.oab.mof;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.util.List;

/** JSON Schema validation for tests: OAB's schemas by their $id (served from the classpath) and the MOF schema. */
public final class JsonSchemas {

    private static final String OAB_SCHEMA_BASE = "https://oab.dev/spec/schema/";

    // OAB's schemas refer to each other by $id; map that base to the copies the spec jar packages.
    private static final SchemaRegistry OAB = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(resolvers -> resolvers.mapPrefix(OAB_SCHEMA_BASE,
                    "classpath:dev/oab/spec/schema/")));

    // The MOF schema declares no dialect; it is written in draft-07 style.
    private static final SchemaRegistry MOF = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

    private JsonSchemas() {
    }

    public static List<String> validateOab(String schemaFile, JsonNode document) {
        Schema schema = OAB.getSchema(SchemaLocation.of(OAB_SCHEMA_BASE + schemaFile));
        return messages(schema.validate(document));
    }

    public static List<String> validateMof(JsonNode mofSchema, JsonNode document) {
        return messages(MOF.getSchema(mofSchema).validate(document));
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }
}
