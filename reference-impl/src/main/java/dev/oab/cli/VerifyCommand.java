package dev.oab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oab.OabException;
import dev.oab.bundle.BundleCheck;
import dev.oab.bundle.BundleSignatures;
import dev.oab.bundle.IntegrityReport;
import dev.oab.bundle.Manifest;
import dev.oab.bundle.Problem;
import dev.oab.bundle.TrustPolicy;
import dev.oab.json.StrictJson;
import dev.oab.signing.DirectoryVerifier;
import dev.oab.signing.PemKeys;
import dev.oab.signing.PgpSignatures;
import dev.oab.signing.ResourceManifest;
import dev.oab.signing.SignatureVerifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true, description = {
        "Verify a bundle: its strict structure, that every file's size and SHA-256 match oab.json, and, when "
                + "--key or --cert-chain is given, that an embedded signature by a trusted signer covers exactly "
                + "this bundle. --name and --min-version refuse a validly signed but different or older bundle.",
        "Verify a model directory or file against an OMS signature (model.sig), or a file against an OpenPGP "
                + "detached signature (.asc).",
        "Exits 1 naming each entry or signature that fails."})
final class VerifyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PATH", description = "Bundle (FILE.oab), model directory or file.")
    Path path;

    @Option(names = "--key", paramLabel = "PUB.pem",
            description = "Trusted signer's EC public key (OMS key method); repeat for several signers.")
    List<Path> keys = new ArrayList<>();

    @Option(names = "--cert-chain", paramLabel = "CA.pem",
            description = "Trusted CA certificate(s) a signer's chain must lead to (OMS certificate method).")
    Path certChain;

    @Option(names = "--trust", paramLabel = "TRUST.json",
            description = "Trust policy: named keys, certificate authorities and identities, how many distinct "
                    + "trusted signers are required, expected name and minimum version (schema: "
                    + "spec/schema/trust-policy.schema.json).")
    Path trustFile;

    @Option(names = "--pgp-key", paramLabel = "PUBLIC.asc",
            description = "Armored OpenPGP public key: also check the detached PATH.asc (or --signature).")
    Path pgpKey;

    @Option(names = "--signature", paramLabel = "FILE",
            description = "Detached signature of a directory or file (default: DIR/model.sig, FILE.sig or FILE.asc).")
    Path signature;

    @Option(names = "--ignore-paths", split = ",", paramLabel = "PATH",
            description = "For directories: model-relative paths to leave out besides those the signer recorded.")
    List<String> ignorePaths = new ArrayList<>();

    @Option(names = "--name", paramLabel = "NAME", description = "Require this bundle name.")
    String expectedName;

    @Option(names = "--min-version", paramLabel = "VERSION", description = "Require at least this bundle version.")
    String minVersion;

    @Option(names = "--json", description = "Print a JSON report (bundles).")
    boolean json;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "auto, bar, plain or none (default: ${DEFAULT-VALUE}).")
    Progress.Mode progressMode;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if ((keys.isEmpty() ? 0 : 1) + (certChain == null ? 0 : 1) + (trustFile == null ? 0 : 1) > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give one of --key, --cert-chain or --trust");
        }
        if (!Files.exists(path)) {
            throw new OabException(OabException.Category.BAD_REQUEST, path + " does not exist; pass a bundle, "
                    + "a model directory or a file");
        }
        if (SignCommand.isBundle(path) && signature != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--signature is for model directories and "
                    + "plain files; a bundle's signatures are inside it: verify " + path + " with --key, "
                    + "--cert-chain or --trust");
        }
        return SignCommand.isBundle(path) ? verifyBundle() : verifyDetached();
    }

    private int verifyBundle() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        TrustPolicy policy = policy();
        Progress progress = Progress.of(progressMode, spec.commandLine().getErr(), "verifying");
        BundleCheck.Result result;
        try {
            result = BundleCheck.builder().policy(policy).progress(progress).build().check(path);
        } finally {
            progress.finish();
        }
        Manifest manifest = result.manifest().orElse(null);
        IntegrityReport integrity = result.integrity();
        List<Problem> problems = result.problems();
        List<BundleSignatures.SignatureCheck> signatures = result.signatures();
        if (pgpKey != null && problems.isEmpty()) {
            Path asc = path.resolveSibling(path.getFileName() + ".asc");
            PgpSignatures.verifyDetached(path, read(asc), read(pgpKey));
        }
        boolean ok = problems.isEmpty();
        if (json) {
            printJson(out, manifest, integrity, signatures, problems);
        } else if (ok) {
            out.printf("verified %s %s: %d files, %s; every size and SHA-256 matches oab.json%n",
                    manifest.name(), manifest.version(), integrity.files(), Format.bytes(integrity.bytes()));
            for (BundleSignatures.SignatureCheck s : signatures) {
                out.printf("  signature '%s': %s%n", s.signer(), describe(s, policy));
            }
            if (pgpKey != null) {
                out.printf("  OpenPGP signature %s.asc: valid%n", path.getFileName());
            }
        } else {
            out.printf("FAILED %s: %d problem%s%n", path, problems.size(), problems.size() == 1 ? "" : "s");
            Format.printProblems(out, problems);
            out.println("The bundle is not what its producer packed, or not from a signer you trust. Do not use it.");
        }
        return ok ? CliErrors.OK : CliErrors.CHECK_FAILED;
    }

    /** The trust policy the options describe: a file, keys, authorities, or none (integrity only). */
    private TrustPolicy policy() throws OabException {
        TrustPolicy policy;
        if (trustFile != null) {
            policy = TrustPolicy.read(trustFile);
        } else if (certChain != null) {
            policy = TrustPolicy.ofAuthorities(PemKeys.readCertificates(certChain));
        } else {
            Map<String, PublicKey> named = new LinkedHashMap<>();
            for (Path key : keys) {
                named.put(key.toString(), PemKeys.readPublicKey(key));
            }
            policy = TrustPolicy.ofKeys(named);
        }
        return policy.requiring(Optional.ofNullable(expectedName), Optional.ofNullable(minVersion));
    }

    private static String describe(BundleSignatures.SignatureCheck check, TrustPolicy policy) {
        if (!check.accepted()) {
            return "ignored: " + check.problems().stream().findFirst().map(Problem::message)
                    .orElse("not by a trusted signer");
        }
        int index = check.acceptedBy().orElseThrow();
        if (index < policy.keys().size()) {
            return "valid, key " + new ArrayList<>(policy.keys().keySet()).get(index);
        }
        return "valid, certificate " + check.verified().flatMap(v -> v.signerCertificate())
                .map(c -> c.getSubjectX500Principal().getName()).orElse("?");
    }

    private List<SignatureVerifier> verifiers() throws OabException {
        List<SignatureVerifier> verifiers = new ArrayList<>();
        for (Path key : keys) {
            verifiers.add(SignatureVerifier.forPublicKey(PemKeys.readPublicKey(key)));
        }
        if (certChain != null) {
            verifiers.add(SignatureVerifier.forTrustAnchors(PemKeys.readCertificates(certChain)));
        }
        return verifiers;
    }

    private int verifyDetached() throws OabException {
        PrintWriter out = spec.commandLine().getOut();
        if (pgpKey != null) {
            Path sig = signature != null ? signature : path.resolveSibling(path.getFileName() + ".asc");
            PgpSignatures.verifyDetached(path, read(sig), read(pgpKey));
            out.println("verified " + path + " against OpenPGP signature " + sig);
            return CliErrors.OK;
        }
        List<SignatureVerifier> verifiers = verifiers();
        if (verifiers.size() != 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "verifying " + path + " against a detached signature needs one --key or --cert-chain");
        }
        Path sig = signature != null ? signature
                : Files.isDirectory(path) ? path.resolve("model.sig") : path.resolveSibling(path.getFileName() + ".sig");
        ResourceManifest verified = new DirectoryVerifier(verifiers.get(0)).verify(path, sig, ignorePaths);
        out.println("verified " + verified.size() + (verified.size() == 1 ? " file" : " files") + " of " + path
                + " against " + sig);
        return CliErrors.OK;
    }

    private void printJson(PrintWriter out, Manifest manifest, IntegrityReport report,
                           List<BundleSignatures.SignatureCheck> signatures, List<Problem> problems) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("bundle", path.toString());
        if (manifest != null) {
            root.put("name", manifest.name());
            root.put("version", manifest.version());
        }
        root.put("verified", problems.isEmpty());
        root.put("files", report.files());
        root.put("bytes", report.bytes());
        ArrayNode sigs = root.putArray("signatures");
        for (BundleSignatures.SignatureCheck s : signatures) {
            sigs.addObject().put("signer", s.signer()).put("entry", s.entry()).put("trusted", s.accepted());
        }
        ArrayNode list = root.putArray("problems");
        for (Problem p : problems) {
            list.addObject().put("code", p.code()).put("where", p.where()).put("message", p.message());
        }
        out.print(new String(StrictJson.writePretty(root), StandardCharsets.UTF_8));
    }

    private static byte[] read(Path file) throws OabException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new OabException(OabException.Category.BAD_REQUEST, "cannot read " + file + ": "
                    + (Files.exists(file) ? e.getMessage() : "it does not exist"), e);
        }
    }
}
