package dev.jitelevate.runner.action;

import dev.jitelevate.core.ArmScope;
import dev.jitelevate.core.DirectoryScope;
import dev.jitelevate.core.Durations;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.ElevationTarget;
import dev.jitelevate.core.GroupAccess;
import dev.jitelevate.core.GroupRef;
import dev.jitelevate.core.OnConflict;
import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.RoleRef;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.core.TicketInfo;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns the what/why/control inputs and the event into an {@link ElevationRequest}. */
final class RequestSettings {
  private RequestSettings() {}

  /**
   * Builds the request.
   *
   * @throws ActionFailure or {@link dev.jitelevate.core.InvalidElevationRequestException} naming the input at fault
   */
  static ElevationRequest build(ActionEnvironment env, GitHubEvent event, WorkflowLog log) {
    return build(env, event, Map.of(), log);
  }

  /**
   * Like {@link #build(ActionEnvironment, GitHubEvent, WorkflowLog)}, with more labels for the record (e.g. the
   * policy rule). A ticket pattern that finds nothing is reported in the log (or fails, by on-missing-ticket).
   */
  static ElevationRequest build(ActionEnvironment env, GitHubEvent event, Map<String, String> extraLabels,
      WorkflowLog log) {
    ElevationRequest.Builder b = ElevationRequest.builder()
        .target(TargetsInput.parse(env).map(all -> all.get(0)).orElseGet(() -> target(env)))
        .strategy(Strategy.parse(env.input("strategy").orElse("broker")))
        .duration(Durations.parse("duration", env.input("duration").orElse("30m")))
        .approvalTimeout(Durations.parse("approval-timeout", env.input("approval-timeout").orElse("15m")))
        .provisioningTimeout(Durations.parse("provisioning-timeout", env.input("provisioning-timeout").orElse("5m")))
        .propagationTimeout(Durations.parse("propagation-timeout", env.input("propagation-timeout").orElse("10m")))
        .dryRun(env.flag("dry-run", false))
        .onConflict(OnConflict.parse(env.input("on-conflict").orElse("wait")));
    env.input("principal-id").map(PrincipalId::of).ifPresent(b::principal);
    MissingTicket missing = MissingTicket.parse(env.input("on-missing-ticket"));
    Justifications.TicketSearch search = Justifications.ticket(env.input("ticket-number"), env.input("ticket-system"),
        env.input("ticket-pattern"), event);
    search.miss().ifPresent(why -> missing.report(why, log));
    Optional<TicketInfo> ticket = search.ticket();
    ticket.ifPresent(b::ticket);
    Map<String, String> values = Justifications.placeholders(event, env, ticket);
    b.justification(Justifications.justification(env.input("justification"), env.input("justification-template"), values));
    CiLabels.of(env, event).forEach(b::label);
    extraLabels.forEach(b::label);
    return b.build();
  }

  private static ElevationTarget target(ActionEnvironment env) {
    String kind = env.input("target").orElse("azure-role").toLowerCase(Locale.ROOT);
    Optional<String> role = env.input("role");
    Optional<String> scope = env.input("scope");
    Optional<String> group = env.input("group");
    Optional<String> access = env.input("access").filter(a -> !a.equalsIgnoreCase("member"));
    switch (kind) {
      case "azure-role":
        forbid("group", group, kind);
        forbid("access", access, kind);
        return new ElevationTarget.AzureRole(RoleRef.parse(required("role", role, kind)), armScope(env, scope));
      case "directory-role":
        forbid("group", group, kind);
        forbid("access", access, kind);
        return new ElevationTarget.DirectoryRole(RoleRef.parse(required("role", role, kind)),
            scope.map(DirectoryScope::parse).orElse(DirectoryScope.tenant()));
      case "group":
        forbid("role", role, kind);
        forbid("scope", scope, kind);
        return new ElevationTarget.Group(GroupRef.parse(required("group", group, kind)),
            GroupAccess.parse(env.input("access").orElse("member")));
      default:
        throw ActionFailure.input("target", "'" + UntrustedText.neutralize(kind, 40)
            + "' is not a target. Use azure-role, directory-role or group.");
    }
  }

  /** The ARM scope; /subscriptions/{subscription-id} when only subscription-id is given. */
  private static ArmScope armScope(ActionEnvironment env, Optional<String> scope) {
    Optional<String> subscription = env.input("subscription-id");
    if (scope.isEmpty()) {
      return ArmScope.parse("/subscriptions/" + subscription.orElseThrow(() -> ActionFailure.input("scope",
          "No scope was given for the azure-role target. Pass the ARM scope, e.g."
              + " scope: /subscriptions/<subscription-id>/resourceGroups/rg-app (or at least subscription-id).")));
    }
    ArmScope parsed = ArmScope.parse(scope.get());
    if (subscription.isPresent() && parsed.subscriptionId().isPresent()
        && !parsed.subscriptionId().get().equalsIgnoreCase(subscription.get())) {
      throw ActionFailure.input("scope", "The scope is in subscription " + parsed.subscriptionId().get()
          + " but subscription-id says " + UntrustedText.neutralize(subscription.get(), 40)
          + ". Make them agree, or leave subscription-id out.");
    }
    return parsed;
  }

  private static String required(String input, Optional<String> value, String kind) {
    return value.orElseThrow(() -> ActionFailure.input(input, "The " + kind + " target needs " + input + ". "
        + ("group".equals(input) ? "Pass the group's object id or display name." : "Pass the role's display name"
            + " (e.g. Key Vault Secrets Officer) or its definition id.")));
  }

  private static void forbid(String input, Optional<String> value, String kind) {
    if (value.isPresent()) {
      throw ActionFailure.input(input, "The " + kind + " target takes no " + input + ". Remove " + input
          + ", or set target to " + ("group".equals(input) || "access".equals(input) ? "group" : "azure-role") + ".");
    }
  }
}
