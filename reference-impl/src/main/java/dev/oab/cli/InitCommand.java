package dev.oab.cli;

import dev.oab.authoring.Scaffold;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code oab init}: start a release from the conventional layout. */
@Command(name = "init", mixinStandardHelpOptions = true, description = {
        "Create the skeleton of a release in DIR (new or empty): oab.yaml, model and data card templates, "
                + "config/hyperparameters.json, config/seeds.json, env/ and LICENSES/. Fill it in, pack it, and "
                + "`oab validate` lists what is still missing."})
final class InitCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "A new or empty directory.")
    Path dir;

    @Option(names = "--name", paramLabel = "NAME", description = "The release name (default: the directory's name).")
    String name;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<String> written = Scaffold.create(dir, name);
        PrintWriter out = spec.commandLine().getOut();
        out.println("created " + dir + ": " + String.join(", ", written));
        out.println("next: add the weights, code and data, fill in the cards and configs, then");
        out.println("  oab pack " + dir + " -o release.oab && oab validate release.oab --profile oab-full");
        out.flush();
        return CliErrors.OK;
    }
}
