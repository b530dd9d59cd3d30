package dev.oab.cli;

import dev.oab.authoring.AuthoringException;
import dev.oab.bundle.BuildTimestamp;
import dev.oab.bundle.BundlePlan;
import dev.oab.bundle.BundleWriter;
import dev.oab.bundle.Manifest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "pack", mixinStandardHelpOptions = true, description = {
        "Pack a directory into a bundle.",
        "The directory holds an authoring file (oab.yaml or oab.json: name, version, producer, license, "
                + "optionally components). The same inputs always give the same bytes: the timestamp comes from "
                + "--timestamp or SOURCE_DATE_EPOCH, never from the clock or the files."})
final class PackCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "Source directory.")
    Path source;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.oab", description = "Bundle to write.")
    Path output;

    @Option(names = "--timestamp", paramLabel = "TIME",
            description = "Creation time recorded in the bundle: RFC 3339 (2026-01-31T12:00:00Z) or seconds since "
                    + "the epoch. Default: SOURCE_DATE_EPOCH if set, else none (entries dated 1980-01-01).")
    String timestamp;

    @Option(names = "--dry-run", description = "Show what would be packed, write nothing.")
    boolean dryRun;

    @Option(names = "--sign-key", paramLabel = "KEY.pem",
            description = "Sign the bundle as it is written with this EC private key (passphrase from "
                    + "OAB_KEY_PASSPHRASE).")
    Path signKey;

    @Option(names = "--signing-cert", paramLabel = "CERT.pem",
            description = "Certificate of --sign-key: use the OMS certificate method instead of the key method.")
    Path signingCert;

    @Option(names = "--cert-chain", paramLabel = "CHAIN.pem",
            description = "With --signing-cert: intermediate CA certificates to embed, issuer of the leaf first.")
    Path certChain;

    @Option(names = "--signer", paramLabel = "NAME", defaultValue = "producer",
            description = "Name of the signature (.oab/signatures/NAME.sig; default: ${DEFAULT-VALUE}).")
    String signerName;

    @Option(names = "--sync", description = "Flush the bundle to disk before renaming it into place "
            + "(survives a power loss; slower).")
    boolean sync;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "auto, bar, plain or none (default: ${DEFAULT-VALUE}).")
    Progress.Mode progressMode;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final java.util.function.Function<String, String> env;

    PackCommand() {
        this(System::getenv);
    }

    /** @param env where SOURCE_DATE_EPOCH and {@value CliErrors#PASSPHRASE_ENV} are looked up */
    PackCommand(java.util.function.Function<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        Optional<Instant> time = resolveTimestamp();
        var out = spec.commandLine().getOut();
        if (dryRun) {
            HubReport.printIfInferred(source, out);
            Manifest draft = BundlePlan.of(source, time).draft();
            out.printf("%s %s: %d files, %s%n", draft.name(), draft.version(), draft.files().size(),
                    Format.bytes(draft.totalBytes()));
            Format.printComponents(out, draft);
            return CliErrors.OK;
        }
        Progress progress = Progress.of(progressMode, spec.commandLine().getErr(), "hashing");
        BundleWriter.Builder writer = BundleWriter.builder().progress(progress).syncToDisk(sync);
        time.ifPresent(writer::timestamp);
        if (signKey != null) {
            writer.signWith(SignCommand.loadSigner(signKey, signingCert, certChain, env), signerName);
        } else if (signingCert != null || certChain != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--signing-cert and --cert-chain need --sign-key");
        }
        BundleWriter.PackResult result;
        try {
            result = writer.build().pack(source, output);
        } finally {
            progress.finish();
        }
        Manifest m = result.manifest();
        out.printf("packed %s %s: %d files, %s -> %s (%s%s)%n", m.name(), m.version(), m.files().size(),
                Format.bytes(m.totalBytes()), output, Format.bytes(result.length()),
                signKey == null ? "" : ", signed as '" + signerName + "'");
        return CliErrors.OK;
    }

    private Optional<Instant> resolveTimestamp() {
        String value = timestamp != null ? timestamp : env.apply("SOURCE_DATE_EPOCH");
        String origin = timestamp != null ? "--timestamp" : "SOURCE_DATE_EPOCH";
        try {
            return BuildTimestamp.parse(value, origin);
        } catch (AuthoringException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
