package dev.oab.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oab.json.JsonDocumentException;
import dev.oab.json.StrictJson;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static dev.oab.signing.SignatureException.Reason.MALFORMED_BUNDLE;

/**
 * A Sigstore bundle v0.3 as OMS uses it: verification material (a public-key hint, a legacy raw
 * public key, or an X.509 chain) and one DSSE envelope. Immutable.
 */
public final class SigstoreBundle {

    public static final String MEDIA_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";
    /** The older spelling of the same media type, still valid per the Sigstore bundle spec. */
    static final String MEDIA_TYPE_PARAMETER_FORM = "application/vnd.dev.sigstore.bundle+json;version=0.3";

    /** How the bundle identifies the verification key. */
    public enum Material {
        /** {@code publicKey}: the verifier supplies the key (OMS method {@code key}). */
        PUBLIC_KEY,
        /** {@code x509CertificateChain}: leaf first (OMS method {@code certificate}). */
        CERTIFICATE_CHAIN,
        /** {@code certificate}: a single Fulcio certificate (OMS method {@code sigstore}, keyless). */
        SIGSTORE_CERTIFICATE
    }

    private final Material material;
    private final String publicKeyHint;
    private final byte[] publicKeyRawBytes;
    private final List<byte[]> certificates;
    private final DsseEnvelope envelope;

    private SigstoreBundle(Material material, String hint, byte[] rawBytes, List<byte[]> certificates,
                           DsseEnvelope envelope) {
        this.material = material;
        this.publicKeyHint = hint;
        this.publicKeyRawBytes = rawBytes;
        List<byte[]> copies = new ArrayList<>();
        certificates.forEach(c -> copies.add(c.clone()));
        this.certificates = Collections.unmodifiableList(copies);
        this.envelope = envelope;
    }

    /** A key-method bundle naming its key by {@code hint} (see {@link PublicKeyHint}). */
    public static SigstoreBundle withPublicKeyHint(String hint, DsseEnvelope envelope) {
        return new SigstoreBundle(Material.PUBLIC_KEY, Objects.requireNonNull(hint), null, List.of(), envelope);
    }

    /** A certificate-method bundle; {@code derCertificates} is the leaf followed by its CA chain. */
    public static SigstoreBundle withCertificateChain(List<byte[]> derCertificates, DsseEnvelope envelope) {
        if (derCertificates.isEmpty()) {
            throw new IllegalArgumentException("a certificate chain needs at least the leaf certificate");
        }
        return new SigstoreBundle(Material.CERTIFICATE_CHAIN, null, null, derCertificates, envelope);
    }

    public Material material() {
        return material;
    }

    public Optional<String> publicKeyHint() {
        return Optional.ofNullable(publicKeyHint);
    }

    /** The pre-v1.1.0 {@code publicKey.rawBytes}: the PEM text of the signer's public key. */
    public Optional<byte[]> publicKeyRawBytes() {
        return Optional.ofNullable(publicKeyRawBytes).map(byte[]::clone);
    }

    /** DER certificates, leaf first; empty for the key method. */
    public List<byte[]> certificates() {
        List<byte[]> copies = new ArrayList<>();
        certificates.forEach(c -> copies.add(c.clone()));
        return copies;
    }

    public DsseEnvelope envelope() {
        return envelope;
    }

    /** Deterministic pretty JSON (fixed field order, LF, trailing newline): the bytes of a model.sig. */
    public byte[] toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Base64.Encoder b64 = Base64.getEncoder();
        ObjectNode root = f.objectNode();
        root.put("mediaType", MEDIA_TYPE);
        ObjectNode vm = root.putObject("verificationMaterial");
        if (material == Material.PUBLIC_KEY) {
            vm.putObject("publicKey").put("hint", publicKeyHint);
        } else {
            ArrayNode certs = vm.putObject("x509CertificateChain").putArray("certificates");
            certificates.forEach(c -> certs.addObject().put("rawBytes", b64.encodeToString(c)));
        }
        ObjectNode dsse = root.putObject("dsseEnvelope");
        dsse.put("payload", b64.encodeToString(envelope.payload()));
        dsse.put("payloadType", envelope.payloadType());
        dsse.putArray("signatures").addObject().put("sig", b64.encodeToString(envelope.signature()));
        return StrictJson.writePretty(root);
    }

    /**
     * Parses a bundle. Checks structure only (media type, exactly one of the known verification
     * materials, one DSSE signature); signatures and statements are checked by {@link SignatureVerifier}.
     */
    public static SigstoreBundle parse(byte[] json) throws SignatureException, JsonDocumentException {
        JsonNode root = StrictJson.parse(json, "signature bundle");
        JsonFields fields = new JsonFields(MALFORMED_BUNDLE, "signature bundle");
        fields.requireObject(root, "(document)");
        String mediaType = fields.text(root, "mediaType");
        if (!MEDIA_TYPE.equals(mediaType) && !MEDIA_TYPE_PARAMETER_FORM.equals(mediaType)) {
            throw fields.fail("mediaType", "is '" + mediaType + "', expected '" + MEDIA_TYPE + "'");
        }
        JsonNode vm = fields.object(root, "verificationMaterial");
        DsseEnvelope envelope = parseEnvelope(fields.object(root, "dsseEnvelope"), fields);

        int kinds = (vm.has("publicKey") ? 1 : 0) + (vm.has("x509CertificateChain") ? 1 : 0)
                + (vm.has("certificate") ? 1 : 0);
        if (kinds != 1) {
            throw fields.fail("verificationMaterial",
                    "must hold exactly one of publicKey, x509CertificateChain, certificate");
        }
        if (vm.has("publicKey")) {
            JsonNode pk = fields.object(vm, "publicKey");
            JsonNode hint = pk.get("hint");
            JsonNode raw = pk.get("rawBytes");
            if (hint != null && hint.isTextual()) {
                return new SigstoreBundle(Material.PUBLIC_KEY, hint.textValue(), null, List.of(), envelope);
            }
            if (raw != null && raw.isTextual()) {
                return new SigstoreBundle(Material.PUBLIC_KEY, null,
                        decodeBase64(raw.textValue(), "verificationMaterial.publicKey.rawBytes"), List.of(), envelope);
            }
            throw fields.fail("verificationMaterial.publicKey", "must hold a 'hint' or 'rawBytes' string");
        }
        if (vm.has("certificate")) {
            JsonNode cert = fields.object(vm, "certificate");
            byte[] der = decodeBase64(fields.text(cert, "rawBytes"), "verificationMaterial.certificate.rawBytes");
            return new SigstoreBundle(Material.SIGSTORE_CERTIFICATE, null, null, List.of(der), envelope);
        }
        JsonNode list = fields.array(fields.object(vm, "x509CertificateChain"), "certificates");
        if (list.isEmpty()) {
            throw fields.fail("verificationMaterial.x509CertificateChain.certificates", "must not be empty");
        }
        List<byte[]> ders = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = "verificationMaterial.x509CertificateChain.certificates[" + i + "]";
            fields.requireObject(list.get(i), where);
            ders.add(decodeBase64(fields.text(list.get(i), "rawBytes"), where + ".rawBytes"));
        }
        return new SigstoreBundle(Material.CERTIFICATE_CHAIN, null, null, ders, envelope);
    }

    private static DsseEnvelope parseEnvelope(JsonNode dsse, JsonFields fields) throws SignatureException {
        byte[] payload = decodeBase64(fields.text(dsse, "payload"), "dsseEnvelope.payload");
        String payloadType = fields.text(dsse, "payloadType");
        JsonNode signatures = fields.array(dsse, "signatures");
        if (signatures.size() != 1) {
            throw fields.fail("dsseEnvelope.signatures",
                    "must hold exactly one signature (OMS bundles carry one), found " + signatures.size());
        }
        fields.requireObject(signatures.get(0), "dsseEnvelope.signatures[0]");
        JsonNode keyid = signatures.get(0).get("keyid");
        if (keyid != null && !keyid.isNull() && !keyid.isTextual()) {
            throw fields.fail("dsseEnvelope.signatures[0].keyid", "must be a string, null or absent");
        }
        byte[] sig = decodeBase64(fields.text(signatures.get(0), "sig"), "dsseEnvelope.signatures[0].sig");
        return new DsseEnvelope(payloadType, payload, sig);
    }

    /**
     * Decodes standard or URL-safe base64 (DSSE allows both), padded or not; never a mix of the
     * two alphabets, never whitespace.
     */
    static byte[] decodeBase64(String text, String where) throws SignatureException {
        boolean standard = text.indexOf('+') >= 0 || text.indexOf('/') >= 0;
        boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
        if (standard && urlSafe) {
            throw new SignatureException(MALFORMED_BUNDLE,
                    "signature bundle: " + where + " mixes standard and URL-safe base64 alphabets");
        }
        try {
            return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
        } catch (IllegalArgumentException e) {
            throw new SignatureException(MALFORMED_BUNDLE,
                    "signature bundle: " + where + " is not valid base64: " + e.getMessage(), e);
        }
    }
}
