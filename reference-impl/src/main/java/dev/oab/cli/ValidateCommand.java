package dev.oab.cli;

import dev.oab.OabException;
import dev.oab.signing.PemKeys;
import dev.oab.signing.SignatureVerifier;
import dev.oab.validation.Profile;
import dev.oab.validation.Profiles;
import dev.oab.validation.Reports;
import dev.oab.validation.ValidationReport;
import dev.oab.validation.Validator;
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
import java.util.List;
import java.util.concurrent.Callable;

/** {@code oab validate}: is this release complete and open, by the evidence it carries? */
@Command(name = "validate", mixinStandardHelpOptions = true, description = {
        "Check from evidence that a bundle meets a completeness profile or a registry policy: each required "
                + "component is present (its files in the bundle or a complete external reference), licensed (a valid "
                + "SPDX expression whose texts are under LICENSES/ and which suits the content type) and valid (cards, "
                + "configurations, lockfiles and weights pass their checks).",
        "Always reports the highest MOF class the evidence reaches, and the class the Model Openness Tool would grade "
                + "from the manifest's claims alone. Exits 0 when the profile is met, 1 otherwise.",
        "Built-in profiles: mof-class-iii, mof-class-ii, mof-class-i, osaid-1.0, oab-full."})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.oab", description = "The bundle to validate.")
    Path bundle;

    @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    static final class Which {
        @Option(names = "--profile", paramLabel = "ID", description = "A built-in profile.")
        String profile;

        @Option(names = "--policy", paramLabel = "FILE.json",
                description = "A registry policy file (spec/schema/profile.schema.json); it may extend built-in profiles.")
        Path policy;
    }

    @Option(names = "--json", description = "Print the report as JSON (spec/schema/validation-report.schema.json).")
    boolean json;

    @Option(names = "--html", paramLabel = "OUT.html", description = "Also write a self-contained HTML report.")
    Path html;

    @Option(names = "--badge", paramLabel = "OUT.svg", description = "Also write an SVG badge with the MOF class reached.")
    Path badge;

    @Option(names = "--key", paramLabel = "PUB.pem",
            description = "Trusted signer's EC public key, for a policy that requires signatures; repeat for several.")
    List<Path> keys = new ArrayList<>();

    @Option(names = "--pgp-key", paramLabel = "PUBLIC.asc",
            description = "Armored OpenPGP public key, for a policy that requires the detached FILE.oab.asc.")
    Path pgpKey;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Profile profile = which.policy != null ? Profiles.load(which.policy) : Profiles.builtIn(which.profile);
        if (!Files.exists(bundle)) {
            throw new OabException(OabException.Category.BAD_REQUEST, bundle + " does not exist; pass a bundle (.oab)");
        }
        Validator validator = Validator.of(profile);
        if (!keys.isEmpty()) {
            List<SignatureVerifier> verifiers = new ArrayList<>();
            for (Path key : keys) {
                verifiers.add(SignatureVerifier.forPublicKey(PemKeys.readPublicKey(key)));
            }
            validator = validator.withTrustedSigners(verifiers);
        }
        if (pgpKey != null) {
            Path asc = bundle.resolveSibling(bundle.getFileName() + ".asc");
            if (Files.exists(asc)) {
                validator = validator.withOpenPgp(read(asc), read(pgpKey));
            }
        }
        ValidationReport report = validator.validate(bundle);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(new String(Reports.json(report), StandardCharsets.UTF_8));
        } else {
            out.print(Reports.text(report));
        }
        if (html != null) {
            OutputFiles.writeAtomically(html, Reports.html(report).getBytes(StandardCharsets.UTF_8));
        }
        if (badge != null) {
            OutputFiles.writeAtomically(badge, Reports.badge(report).getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
        return report.met() ? CliErrors.OK : CliErrors.CHECK_FAILED;
    }

    private static byte[] read(Path file) throws OabException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new OabException(OabException.Category.BAD_REQUEST, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
