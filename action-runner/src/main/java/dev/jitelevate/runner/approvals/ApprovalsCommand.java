package dev.jitelevate.runner.approvals;

import dev.jitelevate.runner.JitElevate;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code jit-elevate approvals …}: the requests waiting for you as an approver, and your decisions. */
@Command(name = "approvals", mixinStandardHelpOptions = true,
    description = {"Approve or deny the PIM requests waiting for you, from the terminal.",
        "Azure roles, Entra directory roles and PIM for Groups; sign in as yourself (Graph approvals are delegated only)."},
    subcommands = {ApprovalsListCommand.class, ApprovalsDecideCommand.Approve.class, ApprovalsDecideCommand.Deny.class,
        ApprovalsWatchCommand.class})
public final class ApprovalsCommand {
  @ParentCommand
  JitElevate root;

  JitElevate root() {
    return root;
  }
}
