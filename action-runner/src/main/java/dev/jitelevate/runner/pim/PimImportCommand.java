package dev.jitelevate.runner.pim;

import dev.jitelevate.pimconfig.Importer;
import dev.jitelevate.pimconfig.PimConfig;
import dev.jitelevate.runner.cli.Console;
import dev.jitelevate.runner.cli.SignInOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code jit-elevate pim import [--scope S] [--directory-roles] [--group G] --out FILE}: write the file from the live
 * tenant, on any of the three surfaces.
 */
@Command(name = "import", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Write a PIM configuration from the tenant: Azure role assignments at and below each scope, directory"
        + " role assignments, PIM for Groups assignments of the named groups, and their policies.")
public final class PimImportCommand implements Callable<Integer> {
  @ParentCommand
  PimCommand parent;

  @Option(names = "--scope", paramLabel = "SCOPE",
      description = "An ARM scope to import (repeatable), e.g. /subscriptions/{id}.")
  List<String> scopes = new ArrayList<>();

  @Option(names = "--directory-roles",
      description = "Import every directory role eligibility and admin-made assignment, and those roles' policies.")
  boolean directoryRoles;

  @Option(names = "--group", paramLabel = "GROUP",
      description = "A PIM-managed group (display name or id) whose member and owner assignments and policies to import"
          + " (repeatable).")
  List<String> groups = new ArrayList<>();

  @Option(names = "--out", paramLabel = "FILE", description = "Where to write the file; default: stdout.")
  Path out;

  @Mixin
  SignInOptions signIn;

  @Override
  public Integer call() throws InterruptedException {
    Console console = parent.root().console();
    if (scopes.isEmpty() && !directoryRoles && groups.isEmpty()) {
      console.error("pim import: nothing to import. Name at least one --scope, --directory-roles or --group.");
      return PimRun.ERROR;
    }
    return PimRun.guarded(console, "import", () -> {
      String name = out == null ? "pim.yaml" : out.toString();
      PimConfig config = new Importer(PimRun.tenant(parent, signIn)).read(scopes, directoryRoles, groups, name);
      String yaml = "# Imported by jit-elevate pim import; schema: pim-config.schema.json (docs/pim-as-code.md)\n"
          + config.toYaml();
      if (out == null) {
        console.result(yaml.stripTrailing());
      } else {
        PimRun.write(out, yaml);
        console.progress("Wrote " + config.assignments().size() + " assignment(s) and "
            + config.policies().size() + " policy(ies) to " + out);
      }
      return PimRun.OK;
    });
  }
}
