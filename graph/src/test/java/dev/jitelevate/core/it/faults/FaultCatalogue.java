package dev.jitelevate.core.it.faults;

import static dev.jitelevate.core.it.faults.FaultWorld.FLOOR;
import static dev.jitelevate.core.it.faults.FaultWorld.RG_APP;
import static dev.jitelevate.core.it.faults.FaultWorld.SUB_SCOPE;

import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.GroupAccess;
import dev.jitelevate.core.RevokePolicy;
import dev.jitelevate.core.Strategy;
import dev.jitelevate.core.TicketInfo;
import dev.jitelevate.emulator.server.FaultRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The fault matrix: for each strategy and target, each kind of call (submit, poll, verify, revoke, token)
 * meets 5xx bursts, 429 storms with Retry-After, connection resets or latency; plus provisioning that never
 * finishes, propagation that never happens, approvals denied and timed out, an operation that throws, faults
 * that outlast every retry, and the revoke floor.
 */
final class FaultCatalogue {
  private static final Duration LONG = Duration.ofHours(1);
  private static final FaultScenario.Act NOTHING = (stage, context) -> { };
  private static final FaultScenario.Act THROWS = (stage, context) -> {
    throw new IllegalStateException("the deployment script exited with status 3");
  };

  private FaultCatalogue() {}

  /** The calls a surface makes, as (method, path regex) of the emulator's fault rules. */
  private record Calls(String submitMethod, String submit, String poll, String verifyMethod, String verify,
      String revokeMethod, String revoke) {}

  private static final Calls ARM_PIM = new Calls("PUT", "roleAssignmentScheduleRequests/", "roleAssignmentScheduleRequests/",
      "GET", "providers/Microsoft.Authorization/permissions", "PUT", "roleAssignmentScheduleRequests/");
  private static final Calls ARM_RBAC = new Calls("PUT", "roleAssignments/", "roleAssignments/", "GET",
      "providers/Microsoft.Authorization/permissions", "DELETE", "roleAssignments/");
  private static final Calls DIRECTORY = new Calls("POST", "roleManagement/directory/roleAssignmentScheduleRequests$",
      "roleAssignmentScheduleRequests", "POST", "oauth2/v2.0/token", "POST",
      "roleManagement/directory/roleAssignmentScheduleRequests$");
  private static final Calls GROUP = new Calls("POST", "assignmentScheduleRequests$", "assignmentScheduleRequests",
      "POST", "oauth2/v2.0/token", "POST", "assignmentScheduleRequests$");

  static List<FaultScenario> all() {
    List<FaultScenario> rows = new ArrayList<>();
    for (Strategy s : List.of(Strategy.SELF, Strategy.BROKER, Strategy.RBAC)) {
      Calls calls = s == Strategy.RBAC ? ARM_RBAC : ARM_PIM;
      transientFaults(rows, s, "azure-role", calls, () -> azureRole(s));
      lastingFaults(rows, s, "azure-role", calls, () -> azureRole(s));
    }
    directoryAndGroups(rows);
    approvals(rows);
    floors(rows);
    return rows;
  }

  private static void transientFaults(List<FaultScenario> rows, Strategy s, String target, Calls c,
      java.util.function.Supplier<ElevationRequest.Builder> req) {
    String p = s.wireValue() + "/" + target + "/";
    rows.add(ok(p + "5xx-burst-on-submit", s, target, "2 x 503 on submit", req.get(),
        arm(FaultRule.status(c.submitMethod(), c.submit(), 503, 2))));
    rows.add(ok(p + "5xx-burst-on-poll", s, target, "2 x 502 on polling the request", req.get(),
        arm(FaultRule.status("GET", c.poll(), 502, 2))));
    rows.add(ok(p + "5xx-burst-on-verify", s, target, "2 x 503 on the propagation check", req.get(),
        arm(FaultRule.status(c.verifyMethod(), c.verify(), 503, 2))));
    rows.add(row(p + "5xx-burst-on-revoke", s, target, "2 x 503 on the revoke", req.get(), FLOOR, x -> { },
        (stage, ctx) -> stage.emulator().injectFault(FaultRule.status(c.revokeMethod(), c.revoke(), 503, 2)),
        Optional.empty(), "REVOKED"));
    rows.add(ok(p + "429-storm-on-submit", s, target, "2 x 429 Retry-After 1s on submit", req.get(),
        arm(FaultRule.throttle(c.submitMethod(), c.submit(), 1, 2))));
    rows.add(ok(p + "429-storm-on-verify", s, target, "2 x 429 Retry-After 1s on the propagation check", req.get(),
        arm(FaultRule.throttle(c.verifyMethod(), c.verify(), 1, 2))));
    rows.add(ok(p + "reset-on-submit", s, target, "2 connection resets on submit", req.get(),
        arm(FaultRule.reset(c.submitMethod(), c.submit(), 2))));
    rows.add(row(p + "reset-on-revoke", s, target, "2 connection resets on the revoke", req.get(), FLOOR, x -> { },
        (stage, ctx) -> stage.emulator().injectFault(FaultRule.reset(c.revokeMethod(), c.revoke(), 2)),
        Optional.empty(), "REVOKED"));
    rows.add(ok(p + "latency-spike-on-poll", s, target, "2 x 1.5s latency on polling", req.get(),
        arm(FaultRule.latency("GET", c.poll(), Duration.ofMillis(1500), 2))));
    rows.add(row(p + "operation-throws", s, target, "the privileged operation throws", req.get(), FLOOR, x -> { },
        THROWS, Optional.of(FailureKind.OPERATION_FAILED), "REVOKED"));
  }

  private static void lastingFaults(List<FaultScenario> rows, Strategy s, String target, Calls c,
      java.util.function.Supplier<ElevationRequest.Builder> req) {
    String p = s.wireValue() + "/" + target + "/";
    rows.add(row(p + "5xx-outlasting-retries-on-submit", s, target, "503 on every submit", req.get(), FLOOR,
        arm(FaultRule.status(c.submitMethod(), c.submit(), 503, 1000)), NOTHING,
        Optional.of(FailureKind.SERVICE_UNAVAILABLE), "NOT_CREATED"));
    rows.add(row(p + "5xx-outlasting-retries-on-revoke", s, target, "503 on every attempt of the revoke", req.get(),
        FLOOR, x -> { }, (stage, ctx) -> stage.emulator().injectFault(
            FaultRule.status(c.revokeMethod(), c.revoke(), 503, FaultWorld.ATTEMPTS)),
        Optional.of(FailureKind.REVOKE_FAILED), "FAILED"));
    rows.add(row(p + "propagation-never-happens", s, target, "the role never becomes effective",
        req.get().propagationTimeout(Duration.ofSeconds(1)), FLOOR,
        stage -> stage.emulator().hazards(FaultWorld.fast().withPropagationDelay(LONG)), NOTHING,
        Optional.of(FailureKind.TIMED_OUT), "REVOKED"));
    if (s != Strategy.RBAC) {
      rows.add(row(p + "provisioning-never-finishes", s, target, "the request stays Accepted",
          req.get().provisioningTimeout(Duration.ofSeconds(1)), FLOOR,
          stage -> stage.emulator().hazards(FaultWorld.fast().withProvisioningDelay(LONG)), NOTHING,
          Optional.of(FailureKind.TIMED_OUT), "NOT_CREATED"));
      rows.add(ok(p + "5xx-burst-on-token", s, target, "2 x 503 from the token endpoint", req.get(),
          arm(FaultRule.status("POST", "oauth2/v2.0/token", 503, 2))));
    }
  }

  private static void directoryAndGroups(List<FaultScenario> rows) {
    for (Strategy s : List.of(Strategy.SELF, Strategy.BROKER)) {
      String p = s.wireValue() + "/directory-role/";
      rows.add(ok(p + "5xx-burst-on-submit", s, "directory-role", "2 x 503 on submit", directoryRole(s),
          arm(FaultRule.status("POST", DIRECTORY.submit(), 503, 2))));
      rows.add(ok(p + "429-storm-on-poll", s, "directory-role", "2 x 429 on reading the request", directoryRole(s),
          arm(FaultRule.throttle("GET", DIRECTORY.poll(), 1, 2))));
      rows.add(row(p + "reset-on-revoke", s, "directory-role", "2 resets on the revoke", directoryRole(s), FLOOR, x -> { },
          (stage, ctx) -> stage.emulator().injectFault(FaultRule.reset("POST", DIRECTORY.revoke(), 2)),
          Optional.empty(), "REVOKED"));
      rows.add(row(p + "operation-throws", s, "directory-role", "the privileged operation throws", directoryRole(s),
          FLOOR, x -> { }, THROWS, Optional.of(FailureKind.OPERATION_FAILED), "REVOKED"));
      String g = s.wireValue() + "/group/";
      rows.add(ok(g + "5xx-burst-on-submit", s, "group", "2 x 502 on submit", group(s),
          arm(FaultRule.status("POST", GROUP.submit(), 502, 2))));
      rows.add(row(g + "5xx-burst-on-revoke", s, "group", "2 x 503 on the revoke", group(s), FLOOR, x -> { },
          (stage, ctx) -> stage.emulator().injectFault(FaultRule.status("POST", GROUP.revoke(), 503, 2)),
          Optional.empty(), "REVOKED"));
      rows.add(row(g + "provisioning-never-finishes", s, "group", "the request stays Accepted",
          group(s).provisioningTimeout(Duration.ofSeconds(1)), FLOOR,
          stage -> stage.emulator().hazards(FaultWorld.fast().withProvisioningDelay(LONG)), NOTHING,
          Optional.of(FailureKind.TIMED_OUT), "NOT_CREATED"));
    }
  }

  private static void approvals(List<FaultScenario> rows) {
    ElevationRequest.Builder contributor = ElevationRequest.builder().azureRole("Contributor", SUB_SCOPE)
        .strategy(Strategy.SELF).duration(LONG).justification("hotfix for the payments outage")
        .ticket(new TicketInfo("INC-4711", "ServiceNow")).provisioningTimeout(Duration.ofSeconds(5))
        .propagationTimeout(Duration.ofSeconds(5));
    rows.add(row("self/azure-role/approval-denied", Strategy.SELF, "azure-role", "the approver denies",
        contributor.approvalTimeout(Duration.ofSeconds(10)), FLOOR, stage -> stage.approver(false), NOTHING,
        Optional.of(FailureKind.DENIED), "NOT_CREATED"));
    rows.add(row("self/azure-role/approval-timed-out", Strategy.SELF, "azure-role", "nobody decides",
        contributor.approvalTimeout(Duration.ofSeconds(1)), FLOOR, x -> { }, NOTHING,
        Optional.of(FailureKind.TIMED_OUT), "NOT_CREATED"));
    rows.add(row("self/azure-role/approved-then-5xx-on-poll", Strategy.SELF, "azure-role",
        "approved, with 2 x 503 while polling", contributor.approvalTimeout(Duration.ofSeconds(10)), FLOOR,
        stage -> {
          stage.approver(true);
          stage.emulator().injectFault(FaultRule.status("GET", ARM_PIM.poll(), 503, 2));
        }, NOTHING, Optional.empty(), "REVOKED"));
  }

  private static void floors(List<FaultScenario> rows) {
    for (Strategy s : List.of(Strategy.SELF, Strategy.BROKER)) {
      rows.add(row(s.wireValue() + "/azure-role/revoke-refused-by-5-minute-floor", s, "azure-role",
          "the service refuses removal within 5 minutes (leave-to-expiry)",
          azureRole(s).revokePolicy(RevokePolicy.LEAVE_TO_EXPIRY), Duration.ZERO,
          stage -> stage.emulator().hazards(FaultWorld.fast().withMinimumActiveDuration(Duration.ofMinutes(5))),
          NOTHING, Optional.empty(), "LEFT_TO_EXPIRE"));
    }
    rows.add(row("self/azure-role/revoke-floor-unknown-to-the-lifecycle", Strategy.SELF, "azure-role",
        "the service refuses removal for 1.2s; the lifecycle assumes no floor (wait-for-minimum)",
        azureRole(Strategy.SELF), Duration.ZERO,
        stage -> stage.emulator().hazards(FaultWorld.fast().withMinimumActiveDuration(Duration.ofMillis(1200))),
        NOTHING, Optional.empty(), "REVOKED"));
  }

  private static Consumer<FaultScenario.Stage> arm(FaultRule rule) {
    return stage -> stage.emulator().injectFault(rule);
  }

  private static FaultScenario ok(String id, Strategy s, String target, String fault, ElevationRequest.Builder req,
      Consumer<FaultScenario.Stage> arrange) {
    return row(id, s, target, fault, req, FLOOR, arrange, NOTHING, Optional.empty(), "REVOKED");
  }

  private static FaultScenario row(String id, Strategy s, String target, String fault, ElevationRequest.Builder req,
      Duration floor, Consumer<FaultScenario.Stage> arrange, FaultScenario.Act op, Optional<FailureKind> failure,
      String revocation) {
    return new FaultScenario(id, s, target, fault, req.label("scenario", id).build(), floor, arrange, op, failure,
        revocation);
  }

  static ElevationRequest.Builder azureRole(Strategy s) {
    return ElevationRequest.builder().azureRole("Key Vault Secrets Officer", RG_APP).strategy(s)
        .duration(Duration.ofMinutes(30)).justification("rotate the db password")
        .approvalTimeout(Duration.ofSeconds(10)).provisioningTimeout(Duration.ofSeconds(5))
        .propagationTimeout(Duration.ofSeconds(5));
  }

  static ElevationRequest.Builder directoryRole(Strategy s) {
    return ElevationRequest.builder().directoryRole("User Administrator").strategy(s).duration(LONG)
        .justification("release 42").approvalTimeout(Duration.ofSeconds(10)).provisioningTimeout(Duration.ofSeconds(5))
        .propagationTimeout(Duration.ofSeconds(5));
  }

  static ElevationRequest.Builder group(Strategy s) {
    return ElevationRequest.builder().group("grp-prod-admins", GroupAccess.MEMBER).strategy(s).duration(LONG)
        .justification("deploy 7").approvalTimeout(Duration.ofSeconds(10)).provisioningTimeout(Duration.ofSeconds(5))
        .propagationTimeout(Duration.ofSeconds(5));
  }
}
