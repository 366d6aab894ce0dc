package dev.jitelevate.runner.approvals;

import dev.jitelevate.core.Durations;
import dev.jitelevate.core.Sleeper;
import dev.jitelevate.runner.ExitCodes;
import dev.jitelevate.runner.cli.CliInputException;
import dev.jitelevate.runner.cli.Console;
import dev.jitelevate.runner.cli.SignIn;
import dev.jitelevate.runner.cli.SignInOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code jit-elevate approvals watch --policy FILE}: the opt-in auto-approver for low-risk requests. */
@Command(name = "watch", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"Approve low-risk requests automatically, as you, by a policy file; leave the rest for people.",
        "Rules on role, scope, duration, ticket pattern and working hours; never a request of your own. Each "
            + "decision is appended to a JSON lines file. Runs until stopped, or one pass with --once (for a "
            + "scheduled workflow). Sign in as the approver: Graph's approval APIs are delegated only."})
public final class ApprovalsWatchCommand implements Callable<Integer> {
  @ParentCommand
  ApprovalsCommand parent;

  @Option(names = "--policy", required = true, paramLabel = "FILE",
      description = "The auto-approval policy (YAML, approvals-policy.schema.json; see docs/approvals.md).")
  Path policy;

  @Option(names = "--decisions", paramLabel = "FILE", defaultValue = "approval-decisions.jsonl",
      description = "Where each decision is appended as a JSON line (default: ${DEFAULT-VALUE}).")
  Path decisions;

  @Option(names = "--once", description = "One pass, then exit (for a scheduled workflow).")
  boolean once;

  @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1m", converter = DurationConverter.class,
      description = "Time between passes when watching (default: ${DEFAULT-VALUE}).")
  Duration interval;

  @Option(names = "--notify-webhook-env", paramLabel = "NAME",
      description = "The environment variable holding a Slack or Teams incoming webhook URL to tell about requests "
          + "left for people. The URL is a secret: it is never printed.")
  String webhookEnv;

  @Mixin
  SignInOptions signIn;

  @Override
  public Integer call() throws InterruptedException {
    Console console = parent.root().console();
    AutoApprovalPolicy rules = AutoApprovalPolicyReader.parse(read(policy), policy.toString());
    Optional<PendingNotice> notice = Optional.ofNullable(webhookEnv).map(this::notice);
    if (interval.compareTo(Duration.ofSeconds(10)) < 0) {
      throw new CliInputException("--interval", "An interval of " + interval + " would poll PIM too often.",
          "Give at least 10s, e.g. --interval 1m.");
    }
    try {
      DeskSession session = new DeskSession(new SignIn(signIn, parent.root().env(), console));
      String approverId = session.approverId();
      new ApprovalWatcher(session.desk(), approverId, rules, new DecisionLog(decisions, policy.toString()), notice,
          Clock.systemUTC(), console::progress).run(once, interval, Sleeper.system());
      return ExitCodes.OK;
    } catch (ApprovalException e) {
      console.error("jit-elevate approvals watch: " + e.getMessage());
      return ApprovalsDecideCommand.NOT_AUTHORIZED;
    }
  }

  private PendingNotice notice(String name) {
    String url = parent.root().env().get(name).filter(v -> !v.isBlank()).orElseThrow(() -> new CliInputException(
        "--notify-webhook-env", "The environment variable " + name + " is not set.",
        "Set it to the incoming webhook's URL (in a workflow: from a secret)."));
    parent.root().console().redactor().register(url);
    try {
      return PendingNotice.to(url);
    } catch (IllegalArgumentException e) {
      throw new CliInputException("--notify-webhook-env", "The value of " + name + ": " + e.getMessage() + ".",
          "Copy the incoming webhook URL from Slack or Teams into it.");
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new CliInputException("--policy", "Cannot read " + file + " (" + e.getClass().getSimpleName() + ").",
          "Give the path of an existing policy file.");
    }
  }

  /** Reads {@code 30s}, {@code 5m}, {@code PT1M}. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return Durations.parse("--interval", value);
    }
  }
}
