package dev.jitelevate.runner.cli;

import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.ElevationTarget;
import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.OnConflict;
import dev.jitelevate.core.RevokePolicy;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.core.TicketInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What {@code elevate} asks for; {@link #toRequest()} turns it into a validated {@link ElevationRequest}. */
public final class RequestOptions {
  @Mixin
  TargetOptions target;

  @Option(names = "--set", paramLabel = "NAME",
      description = "Elevate the targets of a named set from the sets file (with its duration and justification defaults).")
  String set;

  @Option(names = "--config", paramLabel = "FILE",
      description = "The sets file (default: $XDG_CONFIG_HOME/jit-elevate/sets.yaml, else ~/.config/jit-elevate/sets.yaml).")
  Path config;

  @Option(names = "--duration", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
      description = "How long (default 30m, or the set's): also the server-side expiry if revocation never runs.")
  Duration duration;

  @Option(names = "--justification", paramLabel = "TEXT", description = "Why (at most 500 characters; default: the set's).")
  String justification;

  @Option(names = "--ticket-number", paramLabel = "ID", description = "A ticket reference, when the role's policy requires one.")
  String ticketNumber;

  @Option(names = "--ticket-system", paramLabel = "NAME", description = "The ticket system, e.g. Jira.")
  String ticketSystem;

  @Option(names = "--pr", paramLabel = "URL", description = "A GitHub pull request URL: its repository and number go into the justification and the record.")
  String pullRequest;

  @Option(names = "--strategy", paramLabel = "STRATEGY", converter = Converters.StrategyConverter.class, defaultValue = "self",
      description = "self (default: activate your own eligibility), broker (a broker app assigns and removes) or rbac.")
  Strategy strategy;

  @Option(names = "--principal-id", paramLabel = "ID", converter = Converters.PrincipalConverter.class,
      description = "Whom to elevate (broker/rbac); default: the signed-in identity.")
  PrincipalId principal;

  @Option(names = "--approval-timeout", paramLabel = "DURATION", converter = Converters.DurationConverter.class, defaultValue = "15m",
      description = "How long to wait for an approver (default 15m).")
  Duration approvalTimeout;

  @Option(names = "--provisioning-timeout", paramLabel = "DURATION", converter = Converters.DurationConverter.class, defaultValue = "5m",
      description = "How long to wait for provisioning (default 5m).")
  Duration provisioningTimeout;

  @Option(names = "--propagation-timeout", paramLabel = "DURATION", converter = Converters.DurationConverter.class, defaultValue = "10m",
      description = "How long to wait until the access really works (default 10m).")
  Duration propagationTimeout;

  @Option(names = "--revoke-policy", paramLabel = "POLICY", converter = Converters.RevokePolicyConverter.class, defaultValue = "wait",
      description = "Within the service's 5-minute floor: wait (default), then revoke; or expire: leave it to the expiry.")
  RevokePolicy revokePolicy;

  @Option(names = "--on-conflict", paramLabel = "POLICY", converter = Converters.OnConflictConverter.class,
      description = "When the access is already active through another time-bound activation: share (default for "
          + "self: your own earlier elevation, reported at once, used and never revoked); wait (default for broker "
          + "and rbac: another run's?) until it ends, then create this run's own; fail: stop before creating anything.")
  OnConflict onConflict;

  @Option(names = "--dry-run", description = "Validate against the service's policy and submit nothing.")
  boolean dryRun;

  /**
   * Builds the request.
   *
   * @throws CliInputException when an option the target needs is missing or does not belong to it
   * @throws dev.jitelevate.core.InvalidElevationRequestException when a value is out of range
   */
  public ElevationRequest toRequest() {
    List<ElevationRequest> all = toRequests(Path.of("sets.yaml"));
    if (all.size() != 1) {
      throw new CliInputException("--target", "This command takes one target.", "Pass one --target.");
    }
    return all.get(0);
  }

  /**
   * Builds a request per target: the one of {@code --target KIND} with its options, every compact {@code --target},
   * or the targets of {@code --set} (from {@code --config}, else {@code defaultSetsFile}).
   *
   * @throws CliInputException when targets are missing, mixed, or the sets file is wrong (its line and fix)
   * @throws dev.jitelevate.core.InvalidElevationRequestException when a value is out of range
   */
  public List<ElevationRequest> toRequests(Path defaultSetsFile) {
    TargetChoice choice = TargetChoice.of(this, defaultSetsFile);
    List<ElevationRequest> requests = new ArrayList<>();
    for (ElevationTarget t : choice.singleKind().map(k -> List.of(target.single(k))).orElse(choice.targets())) {
      requests.add(request(t, choice.duration().orElse(Duration.ofMinutes(30)), choice.justification().orElse("")));
    }
    return requests;
  }

  private ElevationRequest request(ElevationTarget t, Duration defaultDuration, String defaultWhy) {
    ElevationRequest.Builder b = ElevationRequest.builder().target(t)
        .duration(duration != null ? duration : defaultDuration).strategy(strategy).principal(principal)
        .approvalTimeout(approvalTimeout).provisioningTimeout(provisioningTimeout).propagationTimeout(propagationTimeout)
        .revokePolicy(revokePolicy).dryRun(dryRun).onConflict(onConflict != null ? onConflict : defaultOnConflict());
    String why = justification != null ? justification : defaultWhy;
    if (pullRequest != null) {
      PullRequestRef pr = PullRequestRef.parse(pullRequest);
      why = pr.intoJustification(why);
      pr.labels().forEach(b::label);
    }
    if (ticketNumber != null) {
      b.ticket(new TicketInfo(ticketNumber, ticketSystem));
    } else if (ticketSystem != null) {
      throw new CliInputException("--ticket-system", "A ticket system was given without a ticket number.",
          "Add --ticket-number, e.g. --ticket-number OPS-123.");
    }
    return b.justification(why).build();
  }

  /**
   * A person's second {@code elevate} of what they already hold (self) is reported at once and used, never
   * waited out; a broker or rbac run, usually CI, waits for what may be another run's activation to end.
   */
  private OnConflict defaultOnConflict() {
    return strategy == Strategy.SELF ? OnConflict.SHARE : OnConflict.WAIT;
  }
}
