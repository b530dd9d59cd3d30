package dev.oab.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oab.OabException;
import dev.oab.json.JsonDocumentException;
import dev.oab.json.StrictJson;
import dev.oab.signing.KeyException;
import dev.oab.signing.PemKeys;
import dev.oab.signing.SignatureVerifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whom a consumer trusts and how much agreement it needs (spec §11.6): named public keys,
 * certificate authorities with the signer identities they may vouch for, how many distinct
 * trusted signers must have signed, and optionally which bundle name and minimum version are
 * expected, so that a validly signed but different or older bundle is refused.
 *
 * <p>As a file ({@code trust.json}, schema {@code trust-policy.schema.json}), keys and certificates
 * are PEM text or paths relative to the file.
 */
public record TrustPolicy(Map<String, PublicKey> keys, List<X509Certificate> authorities, List<String> identities,
                          int threshold, Optional<String> name, Optional<String> minVersion) {

    private static final int MAX_BYTES = 1 << 20;

    public TrustPolicy {
        keys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        authorities = List.copyOf(authorities);
        identities = List.copyOf(identities);
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
    }

    /** Trust any one of these keys, named for reports. */
    public static TrustPolicy ofKeys(Map<String, PublicKey> keys) {
        return new TrustPolicy(keys, List.of(), List.of(), 1, Optional.empty(), Optional.empty());
    }

    /** Trust any signer whose certificate chains to one of these authorities. */
    public static TrustPolicy ofAuthorities(List<X509Certificate> authorities) {
        return new TrustPolicy(Map.of(), authorities, List.of(), 1, Optional.empty(), Optional.empty());
    }

    /** The same policy, also requiring this bundle name and minimum version when given. */
    public TrustPolicy requiring(Optional<String> requiredName, Optional<String> requiredMinVersion) {
        return new TrustPolicy(keys, authorities, identities, threshold, requiredName.or(() -> name),
                requiredMinVersion.or(() -> minVersion));
    }

    /** Whether the policy asks for any signature at all. */
    public boolean requiresSignatures() {
        return !keys.isEmpty() || !authorities.isEmpty();
    }

    /** Reads a trust policy file. */
    public static TrustPolicy read(Path file) throws OabException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new OabException(OabException.Category.BAD_REQUEST, file + " is larger than " + MAX_BYTES
                        + " bytes; a trust policy is a short list of keys");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new OabException(OabException.Category.BAD_REQUEST, "cannot read the trust policy " + file + ": "
                    + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = StrictJson.parse(bytes, file.toString());
        } catch (JsonDocumentException e) {
            throw new OabException(OabException.Category.BAD_REQUEST, e.getMessage(), e);
        }
        return new Reader(file).read(root);
    }

    /**
     * Decides whether the bundle's embedded signatures satisfy this policy. Content integrity is
     * checked separately by {@link BundleVerifier}.
     */
    public TrustDecision evaluate(BundleReader reader) throws IOException {
        List<Problem> problems = new ArrayList<>();
        Manifest manifest = reader.manifest();
        name.filter(n -> !n.equals(manifest.name())).ifPresent(n -> problems.add(new Problem("bundle.wrong-name",
                "name", "the bundle is '" + manifest.name() + "', not the required '" + n + "'")));
        minVersion.filter(v -> Versions.compare(manifest.version(), v) < 0).ifPresent(v -> problems.add(
                new Problem("bundle.version-too-old", "version", "the bundle is version " + manifest.version()
                        + ", older than the required " + v + " (a rollback?)")));
        if (!requiresSignatures()) {
            return new TrustDecision(List.of(), List.of(), problems);
        }
        List<String> verifierNames = new ArrayList<>(keys.keySet());
        List<SignatureVerifier> verifiers = new ArrayList<>();
        try {
            for (PublicKey key : keys.values()) {
                verifiers.add(SignatureVerifier.forPublicKey(key));
            }
        } catch (KeyException e) {
            throw new IllegalStateException("a trusted key was accepted when read but is unusable now", e);
        }
        if (!authorities.isEmpty()) {
            verifiers.add(SignatureVerifier.forTrustAnchors(authorities));
        }
        List<BundleSignatures.SignatureCheck> checks = BundleSignatures.verify(reader, verifiers);
        Set<String> trusted = new LinkedHashSet<>();
        // Signatures the policy does not count are ignored, and reported only if too few others count.
        List<Problem> notCounted = new ArrayList<>();
        for (BundleSignatures.SignatureCheck check : checks) {
            if (!check.accepted()) {
                continue;
            }
            int index = check.acceptedBy().orElseThrow();
            if (index < verifierNames.size()) {
                trusted.add("key " + verifierNames.get(index));
                continue;
            }
            X509Certificate leaf = check.verified().orElseThrow().signerCertificate().orElseThrow();
            Optional<String> identity = allowedIdentity(leaf);
            if (identity.isPresent()) {
                trusted.add("certificate " + identity.get());
            } else {
                notCounted.add(new Problem("signature.identity-not-allowed", check.entry(), "signed by '"
                        + leaf.getSubjectX500Principal().getName() + "', whose certificate chains to a trusted "
                        + "authority but is not one of the identities the policy accepts"));
            }
        }
        if (trusted.size() < threshold) {
            problems.addAll(notCounted);
            if (trusted.isEmpty()) {
                checks.forEach(c -> problems.addAll(c.problems()));
            }
            problems.add(trusted.isEmpty()
                    ? new Problem("signature.none-trusted", "", checks.isEmpty()
                    ? "the bundle carries no signature, and a trusted signer was required"
                    : "no embedded signature was made by a trusted signer")
                    : new Problem("signature.threshold-not-met", "", threshold + " distinct trusted signers are "
                    + "required but only " + trusted.size() + " signed: " + String.join(", ", trusted)));
        }
        return new TrustDecision(checks, List.copyOf(trusted), problems);
    }

    private Optional<String> allowedIdentity(X509Certificate leaf) {
        String subject = leaf.getSubjectX500Principal().getName();
        if (identities.isEmpty() || identities.contains(subject)) {
            return Optional.of(subject);
        }
        try {
            if (leaf.getSubjectAlternativeNames() != null) {
                for (List<?> san : leaf.getSubjectAlternativeNames()) {
                    Object value = san.get(1);
                    if (value instanceof String s && identities.contains(s)) {
                        return Optional.of(s);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * The outcome of a policy: every signature's check, the distinct trusted signers found, and
     * what keeps the bundle from being trusted (empty when it is).
     */
    public record TrustDecision(List<BundleSignatures.SignatureCheck> checks, List<String> trustedSigners,
                                List<Problem> problems) {
        public TrustDecision {
            checks = List.copyOf(checks);
            trustedSigners = List.copyOf(trustedSigners);
            problems = List.copyOf(problems);
        }

        public boolean trusted() {
            return problems.isEmpty();
        }
    }

    private static final class Reader {
        private final Path file;

        Reader(Path file) {
            this.file = file;
        }

        TrustPolicy read(JsonNode root) throws OabException {
            if (!root.isObject()) {
                throw error("", "expected an object with keys, certificateAuthorities, identities, threshold, "
                        + "name and minVersion");
            }
            Iterator<String> fields = root.fieldNames();
            Set<String> allowed = Set.of("keys", "certificateAuthorities", "identities", "threshold", "name",
                    "minVersion");
            while (fields.hasNext()) {
                String field = fields.next();
                if (!allowed.contains(field)) {
                    throw error(field, "unknown field; expected one of " + new java.util.TreeSet<>(allowed));
                }
            }
            Map<String, PublicKey> keys = new LinkedHashMap<>();
            JsonNode keysNode = root.path("keys");
            if (!keysNode.isMissingNode()) {
                if (!keysNode.isObject()) {
                    throw error("keys", "expected an object of signer name to public key (PEM text or a path)");
                }
                Iterator<Map.Entry<String, JsonNode>> it = keysNode.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    keys.put(e.getKey(), PemKeys.parsePublicKey(pem(e.getValue(), "keys." + e.getKey()),
                            file + ": keys." + e.getKey()));
                }
            }
            List<X509Certificate> authorities = new ArrayList<>();
            for (String pem : strings(root, "certificateAuthorities")) {
                authorities.addAll(PemKeys.parseCertificates(pem(pem, "certificateAuthorities"),
                        file + ": certificateAuthorities"));
            }
            List<String> identities = strings(root, "identities");
            if (!identities.isEmpty() && authorities.isEmpty()) {
                throw error("identities", "identities only apply to certificate signatures: add "
                        + "certificateAuthorities");
            }
            if (keys.isEmpty() && authorities.isEmpty()) {
                throw error("", "trusts nobody: add keys or certificateAuthorities");
            }
            JsonNode threshold = root.path("threshold");
            int count = 1;
            if (!threshold.isMissingNode()) {
                if (!threshold.canConvertToExactIntegral() || threshold.asInt() < 1 || threshold.asInt() > 64) {
                    throw error("threshold", "expected the number of distinct trusted signers required, 1 to 64");
                }
                count = threshold.asInt();
            }
            return new TrustPolicy(keys, authorities, identities, count, text(root, "name"), text(root, "minVersion"));
        }

        private byte[] pem(JsonNode node, String where) throws OabException {
            if (!node.isTextual()) {
                throw error(where, "expected PEM text or a path to a PEM file");
            }
            return pem(node.asText(), where);
        }

        private byte[] pem(String value, String where) throws OabException {
            if (value.contains("-----BEGIN ")) {
                return value.getBytes(StandardCharsets.US_ASCII);
            }
            Path path = file.toAbsolutePath().getParent().resolve(value);
            try {
                return Files.readAllBytes(path);
            } catch (IOException e) {
                throw error(where, "cannot read " + path + ": " + e.getMessage());
            }
        }

        private List<String> strings(JsonNode root, String field) throws OabException {
            JsonNode node = root.path(field);
            List<String> result = new ArrayList<>();
            if (node.isMissingNode()) {
                return result;
            }
            if (!node.isArray()) {
                throw error(field, "expected a list of strings");
            }
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    throw error(field, "expected a list of strings");
                }
                result.add(item.asText());
            }
            return result;
        }

        private Optional<String> text(JsonNode root, String field) throws OabException {
            JsonNode node = root.path(field);
            if (node.isMissingNode()) {
                return Optional.empty();
            }
            if (!node.isTextual() || node.asText().isBlank()) {
                throw error(field, "expected a non-empty string");
            }
            return Optional.of(node.asText());
        }

        private OabException error(String where, String message) {
            return new OabException(OabException.Category.BAD_REQUEST, file + (where.isEmpty() ? "" : ": " + where)
                    + ": " + message);
        }
    }
}
