package dev.oab.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oab.json.JsonDocumentException;
import dev.oab.json.StrictJson;
import org.bouncycastle.util.encoders.Hex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static dev.oab.signing.SignatureException.Reason.MALFORMED_STATEMENT;

/**
 * The in-toto Statement v1 an OMS signature covers: one subject (the model's name and root digest)
 * and the OMS predicate (the resources and how they were serialised). Immutable.
 */
public final class Statement {

    public static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
    public static final String PREDICATE_TYPE = "https://model_signing/signature/v1.0";
    /** The predicate of model_signing v0.2.0, accepted by the verifier only. */
    static final String LEGACY_PREDICATE_TYPE = "https://model_signing/Digests/v0.1";

    private final String subjectName;
    private final byte[] rootDigest;
    private final List<Resource> resources;
    /** The resources in canonical order, sorted once: verifiers look every bundle file up in it. */
    private final ResourceManifest manifest;
    private final Serialization serialization;

    private Statement(String subjectName, byte[] rootDigest, List<Resource> resources, Serialization serialization) {
        this.subjectName = subjectName;
        this.rootDigest = rootDigest;
        this.resources = Collections.unmodifiableList(new ArrayList<>(resources));
        this.manifest = ResourceManifest.of(resources);
        this.serialization = serialization;
    }

    /** The statement a signer emits: resources in canonical order, root digest over that order. */
    public static Statement of(String subjectName, ResourceManifest manifest, Serialization serialization) {
        if (subjectName == null || subjectName.isEmpty()) {
            throw new IllegalArgumentException("subject name must not be empty");
        }
        if (manifest.size() == 0) {
            throw new IllegalArgumentException("a model must contain at least one file (OMS §6.1)");
        }
        return new Statement(subjectName, manifest.rootDigest(), manifest.resources(),
                Objects.requireNonNull(serialization, "serialization"));
    }

    /**
     * Name of the model (OMS §6.5). OMS treats it as informational; inside a bundle it must equal
     * the bundle's name, which is how a signature copied from another bundle is refused.
     */
    public String subjectName() {
        return subjectName;
    }

    public byte[] rootDigest() {
        return rootDigest.clone();
    }

    /** The resources in the order the statement lists them. */
    public List<Resource> resources() {
        return resources;
    }

    /** The resources in canonical order. */
    public ResourceManifest manifest() {
        return manifest;
    }

    public Serialization serialization() {
        return serialization;
    }

    /**
     * The payload bytes: compact JSON with a fixed field order, so the same statement always
     * gives the same bytes (and, with deterministic ECDSA, the same signature).
     */
    public byte[] toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("_type", STATEMENT_TYPE);
        ObjectNode subject = root.putArray("subject").addObject();
        subject.put("name", subjectName);
        subject.putObject("digest").put("sha256", Hex.toHexString(rootDigest));
        root.put("predicateType", PREDICATE_TYPE);
        ObjectNode predicate = root.putObject("predicate");
        ArrayNode list = predicate.putArray("resources");
        for (Resource r : resources) {
            ObjectNode entry = list.addObject();
            entry.put("name", r.path());
            entry.put("digest", r.sha256Hex());
            entry.put("algorithm", Serialization.HASH_SHA256);
        }
        ObjectNode ser = predicate.putObject("serialization");
        ser.put("method", Serialization.METHOD_FILES);
        ser.put("hash_type", Serialization.HASH_SHA256);
        ser.put("allow_symlinks", false);
        serialization.ignorePaths().ifPresent(paths -> {
            ArrayNode ignore = ser.putArray("ignore_paths");
            paths.forEach(ignore::add);
        });
        return StrictJson.writeCompact(root);
    }

    /**
     * Reads an OMS v1.0 statement from the exact payload bytes the signature covered and checks
     * it: statement type, predicate type, a supported serialization, well-formed resources, and a
     * root digest that matches the resources in the listed order or in canonical order (both
     * occur in reference-implementation output, DESIGN §6).
     */
    public static Statement parse(byte[] payload) throws SignatureException, JsonDocumentException {
        JsonNode root = StrictJson.parse(payload, "DSSE payload (in-toto statement)");
        JsonFields fields = new JsonFields(MALFORMED_STATEMENT, "in-toto statement");
        fields.requireObject(root, "(document)");
        checkTypes(root, fields);
        if (!PREDICATE_TYPE.equals(root.get("predicateType").textValue())) {
            throw new SignatureException(SignatureException.Reason.PREDICATE_TYPE,
                    "in-toto statement: predicateType is '" + root.get("predicateType").textValue()
                            + "', expected '" + PREDICATE_TYPE + "'; this is not an OMS model signature");
        }
        JsonNode subjectEntry = singleSubject(root, fields);
        String subjectName = fields.text(subjectEntry, "name");
        if (subjectName.isEmpty()) {
            throw fields.fail("subject[0].name", "must not be empty");
        }
        byte[] subjectDigest = parseDigest(fields.text(fields.object(subjectEntry, "digest"), "sha256"),
                "subject[0].digest.sha256");

        JsonNode predicate = fields.object(root, "predicate");
        Serialization serialization = parseSerialization(fields.object(predicate, "serialization"), fields);
        List<Resource> resources = parseResources(fields.array(predicate, "resources"), fields);

        List<Resource> sorted = new ArrayList<>(resources);
        sorted.sort(Resource.BY_PATH_BYTES);
        if (!Arrays.equals(ResourceManifest.rootDigest(resources), subjectDigest)
                && !Arrays.equals(ResourceManifest.rootDigest(sorted), subjectDigest)) {
            throw new SignatureException(SignatureException.Reason.ROOT_DIGEST_MISMATCH,
                    "in-toto statement: subject digest " + Hex.toHexString(subjectDigest)
                            + " is not the root digest of the listed resources (expected "
                            + Hex.toHexString(ResourceManifest.rootDigest(sorted))
                            + "); the statement is inconsistent and must not be trusted");
        }
        return new Statement(subjectName, subjectDigest, resources, serialization);
    }

    static void checkTypes(JsonNode root, JsonFields fields) throws SignatureException {
        String type = fields.text(root, "_type");
        if (!STATEMENT_TYPE.equals(type)) {
            throw new SignatureException(SignatureException.Reason.STATEMENT_TYPE,
                    "in-toto statement: _type is '" + type + "', expected '" + STATEMENT_TYPE + "'");
        }
        fields.text(root, "predicateType");
    }

    private static JsonNode singleSubject(JsonNode root, JsonFields fields) throws SignatureException {
        JsonNode subjects = fields.array(root, "subject");
        if (subjects.size() != 1) {
            throw fields.fail("subject", "must hold exactly one entry (OMS §6.5), found " + subjects.size());
        }
        fields.requireObject(subjects.get(0), "subject[0]");
        return subjects.get(0);
    }

    private static Serialization parseSerialization(JsonNode ser, JsonFields fields) throws SignatureException {
        String method = fields.text(ser, "method");
        if (!Serialization.METHOD_FILES.equals(method)) {
            throw new SignatureException(SignatureException.Reason.UNSUPPORTED,
                    "in-toto statement: serialization.method '" + method
                            + "' is not supported; OAB verifies only 'files' serialization");
        }
        if (ser.has("shard_size")) {
            throw fields.fail("serialization.shard_size", "must be absent for method 'files'");
        }
        String hashType = fields.text(ser, "hash_type");
        if (!Serialization.HASH_SHA256.equals(hashType)) {
            throw new SignatureException(SignatureException.Reason.UNSUPPORTED,
                    "in-toto statement: serialization.hash_type '" + hashType
                            + "' is not supported; OAB verifies only sha256");
        }
        if (fields.bool(ser, "allow_symlinks")) {
            throw new SignatureException(SignatureException.Reason.UNSUPPORTED,
                    "in-toto statement: serialization.allow_symlinks is true; OAB never follows symlinks"
                            + " and cannot reproduce this signer's enumeration");
        }
        if (!ser.has("ignore_paths")) {
            return Serialization.filesWithoutIgnorePaths();
        }
        List<String> ignore = new ArrayList<>();
        for (JsonNode p : fields.array(ser, "ignore_paths")) {
            if (!p.isTextual()) {
                throw fields.fail("serialization.ignore_paths", "must hold only strings");
            }
            ignore.add(p.textValue());
        }
        return Serialization.files(ignore);
    }

    private static List<Resource> parseResources(JsonNode list, JsonFields fields) throws SignatureException {
        if (list.isEmpty()) {
            throw fields.fail("predicate.resources", "must hold at least one entry (OMS §5.2.1)");
        }
        List<Resource> resources = new ArrayList<>(list.size());
        Set<String> seen = new HashSet<>(2 * list.size());
        for (int i = 0; i < list.size(); i++) {
            resources.add(parseResource(list.get(i), i, seen, fields));
        }
        return resources;
    }

    /** One resource; a method of its own so the JIT compiles it early in a list of thousands. */
    private static Resource parseResource(JsonNode entry, int index, Set<String> seen, JsonFields fields)
            throws SignatureException {
        String where = "predicate.resources[" + index + "]";
        fields.requireObject(entry, where);
        String name = fields.text(entry, "name");
        String algorithm = fields.text(entry, "algorithm");
        if (!Serialization.HASH_SHA256.equals(algorithm)) {
            throw new SignatureException(SignatureException.Reason.UNSUPPORTED,
                    "in-toto statement: " + where + " (" + name + ") uses algorithm '" + algorithm
                            + "'; OAB verifies only sha256");
        }
        checkResourceName(name, where);
        if (!seen.add(name)) {
            throw fields.fail(where + ".name", "repeats path '" + name + "'");
        }
        return new Resource(name, parseDigest(fields.text(entry, "digest"), where + ".digest"));
    }

    /**
     * Rejects names that are not canonical relative paths (OMS §6.1.2). A lone "." is kept: the
     * reference implementation up to v1.0.0 named the only resource of a single-file model so.
     */
    static void checkResourceName(String name, String where) throws SignatureException {
        if (name.equals(".")) {
            return;
        }
        boolean bad = name.isEmpty() || name.startsWith("/") || name.endsWith("/");
        for (int start = 0; start <= name.length() && !bad; ) {
            int end = name.indexOf('/', start);
            end = end < 0 ? name.length() : end;
            int length = end - start;
            boolean dots = (length == 1 || length == 2) && name.charAt(start) == '.' && name.charAt(end - 1) == '.';
            bad = length == 0 || dots;
            start = end + 1;
        }
        for (int i = 0; i < name.length() && !bad; i++) {
            bad = name.charAt(i) < 0x20 || name.charAt(i) == 0x7f;
        }
        if (bad) {
            throw new SignatureException(MALFORMED_STATEMENT, "in-toto statement: " + where
                    + " name '" + name + "' is not a canonical relative path (OMS §6.1.2)");
        }
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    static byte[] parseDigest(String hex, String where) throws SignatureException {
        if (hex.length() != 2 * Resource.DIGEST_LENGTH || !isHex(hex)) {
            throw new SignatureException(MALFORMED_STATEMENT,
                    "in-toto statement: " + where + " is not a 64-digit hex SHA-256 digest: '" + hex + "'");
        }
        return Hex.decode(hex);
    }
}
