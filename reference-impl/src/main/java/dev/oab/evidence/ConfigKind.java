package dev.oab.evidence;

/** The training configuration documents OAB validates against a schema of its own. */
public enum ConfigKind {
    /** {@code hyperparameters.schema.json}: named values, optimizer, schedule, stages. */
    HYPERPARAMETERS("hyperparameters", "hyperparameters.schema.json"),
    /** {@code seeds.schema.json}: every random number generator with its seed and scope. */
    SEEDS("seeds", "seeds.schema.json");

    private final String codePrefix;
    private final String schemaFile;

    ConfigKind(String codePrefix, String schemaFile) {
        this.codePrefix = codePrefix;
        this.schemaFile = schemaFile;
    }

    /** The prefix of this kind's finding codes, e.g. {@code seeds}. */
    public String codePrefix() {
        return codePrefix;
    }

    /** The schema's file name under {@code spec/schema/} (classpath {@code dev/oab/spec/schema/}). */
    public String schemaFile() {
        return schemaFile;
    }
}
