package dev.jitelevate.runner.pim;

import dev.jitelevate.pimconfig.Importer;
import dev.jitelevate.pimconfig.PimConfig;
import dev.jitelevate.runner.cli.Console;
import dev.jitelevate.runner.cli.SignInOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code jit-elevate pim import --scope S --out FILE}: write the file from the live tenant. */
@Command(name = "import", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Write a PIM configuration from the tenant: assignments at and below each scope, and their policies.")
public final class PimImportCommand implements Callable<Integer> {
  @ParentCommand
  PimCommand parent;

  @Option(names = "--scope", paramLabel = "SCOPE", required = true,
      description = "An ARM scope to import (repeatable), e.g. /subscriptions/{id}.")
  List<String> scopes;

  @Option(names = "--out", paramLabel = "FILE", description = "Where to write the file; default: stdout.")
  Path out;

  @Mixin
  SignInOptions signIn;

  @Override
  public Integer call() throws InterruptedException {
    Console console = parent.root().console();
    return PimRun.guarded(console, "import", () -> {
      String name = out == null ? "pim.yaml" : out.toString();
      PimConfig config = new Importer(PimRun.tenant(parent, signIn)).read(scopes, name);
      String yaml = "# Imported by jit-elevate pim import; schema: pim-config.schema.json (docs/pim-as-code.md)\n"
          + config.toYaml();
      if (out == null) {
        console.result(yaml.stripTrailing());
      } else {
        PimRun.write(out, yaml);
        console.progress("Wrote " + config.azureAssignments().size() + " assignment(s) and "
            + config.azurePolicies().size() + " policy(ies) to " + out);
      }
      return PimRun.OK;
    });
  }
}
