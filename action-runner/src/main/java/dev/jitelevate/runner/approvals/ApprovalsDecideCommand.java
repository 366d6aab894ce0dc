package dev.jitelevate.runner.approvals;

import dev.jitelevate.runner.ExitCodes;
import dev.jitelevate.runner.cli.CliInputException;
import dev.jitelevate.runner.cli.Console;
import dev.jitelevate.runner.cli.OutputOptions;
import dev.jitelevate.runner.cli.SignIn;
import dev.jitelevate.runner.cli.SignInOptions;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code jit-elevate approvals approve|deny ID --reason TEXT}. */
abstract class ApprovalsDecideCommand implements Callable<Integer> {
  /** Not authorized: the approver may not decide this request, or the service refused. */
  static final int NOT_AUTHORIZED = 4;

  @ParentCommand
  ApprovalsCommand parent;

  @Parameters(index = "0", paramLabel = "ID", description = "The request id or approval id 'approvals list' shows.")
  String id;

  @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (recorded by PIM with your decision).")
  String reason;

  @Mixin
  SignInOptions signIn;

  @Mixin(name = "output")
  OutputOptions output;

  abstract boolean approve();

  @Override
  public Integer call() {
    if (reason.isBlank()) {
      throw new CliInputException("--reason", "The reason is empty.", "Say why you decide so, e.g. --reason \"on-call, ticket INC-42\".");
    }
    Console console = parent.root().console();
    String verb = approve() ? "approve" : "deny";
    try {
      DeskSession session = new DeskSession(new SignIn(signIn, parent.root().env(), console));
      PendingApproval decided = session.desk().decide(id, session.approverId(), approve(), reason);
      if (output.json()) {
        console.result(ApprovalsListCommand.json(decided, Instant.now()).put("decision", approve() ? "Approve" : "Deny")
            .toPrettyString());
      } else {
        console.result((approve() ? "Approved " : "Denied ") + decided.surface().optionValue() + " request "
            + decided.requestId() + " of " + decided.requesterId() + ".");
      }
      return ExitCodes.OK;
    } catch (ApprovalException e) {
      console.error("jit-elevate approvals " + verb + ": " + e.getMessage());
      return NOT_AUTHORIZED;
    }
  }

  /** Approves. */
  @picocli.CommandLine.Command(name = "approve", sortOptions = false, mixinStandardHelpOptions = true,
      description = "Approve a request waiting for you, with a reason.")
  public static final class Approve extends ApprovalsDecideCommand {
    @Override
    boolean approve() {
      return true;
    }
  }

  /** Denies. */
  @picocli.CommandLine.Command(name = "deny", sortOptions = false, mixinStandardHelpOptions = true,
      description = "Deny a request waiting for you, with a reason.")
  public static final class Deny extends ApprovalsDecideCommand {
    @Override
    boolean approve() {
      return false;
    }
  }
}
