package dev.jitelevate.pimconfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Makes the tenant match a file: plans (or checks a saved plan is still current), sends schedule requests and policy
 * PATCHes, treats what already exists as done, waits out PIM's minimum duration before a removal, and re-plans at
 * the end to prove convergence.
 */
public final class Applier {
  /** PIM refuses to remove an active assignment younger than this. */
  static final Duration PIM_FLOOR = Duration.ofMinutes(5);
  private static final Duration POLL = Duration.ofSeconds(2);
  private static final Set<String> DONE = Set.of("Provisioned", "Granted", "Revoked", "AdminApproved");
  private static final Set<String> PENDING = Set.of("PendingApproval", "PendingAdminDecision", "PendingApprovalProvisioning",
      "PendingScheduleCreation");
  private static final Set<String> ALREADY = Set.of("RoleAssignmentExists");

  private final PimTenant tenant;
  private final Planner planner;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration timeout;

  public Applier(PimTenant tenant, Clock clock, Sleeper sleeper, Duration timeout) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.planner = new Planner(tenant);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * Plans and applies.
   *
   * @param savedFingerprint the fingerprint of a saved plan the user reviewed; apply refuses if the tenant changed since
   * @throws StalePlanException when the saved plan no longer matches the tenant
   * @throws PimConfigException for names the tenant does not know
   * @throws PimApiException when a request is refused, or a wait outlasts the timeout
   * @throws InterruptedException when interrupted while waiting
   */
  public ApplyResult apply(PimConfig config, boolean prune, Optional<String> savedFingerprint, Consumer<ApplyEvent> listener)
      throws InterruptedException {
    Plan plan = planner.plan(config, prune);
    if (savedFingerprint.isPresent() && !savedFingerprint.get().equals(plan.fingerprint())) {
      throw new StalePlanException(config.file());
    }
    List<ApplyEvent> events = new ArrayList<>();
    Consumer<ApplyEvent> record = e -> {
      events.add(e);
      listener.accept(e);
    };
    Instant deadline = clock.instant().plus(timeout);
    for (Step step : plan.steps()) {
      if (step instanceof Step.PolicyPatch patch) {
        if (step.change().surface() == Surface.AZURE_ROLES) {
          tenant.azureRoles().patchPolicy(patch.policyId(), patch.rules());
        } else {
          tenant.graphPim().patchRules(patch.policyId(), patch.rules());
        }
        record.accept(new ApplyEvent(step.change(), ApplyEvent.Outcome.APPLIED, "PATCH"));
      } else if (step instanceof Step.GraphRequest graph) {
        request(step, GraphRequests.channel(tenant.graphPim(), graph, clock.instant(), config.file()),
            graph.liveStart(), graph.action().equals("adminRemove"), deadline, record);
      } else {
        Step.Request arm = (Step.Request) step;
        request(step, armChannel(arm, config.file()), arm.liveStart(), arm.requestType().equals("AdminRemove"),
            deadline, record);
      }
    }
    return new ApplyResult(events, planner.plan(config, prune));
  }

  /** Sends one schedule request and reads it back, on ARM or Graph. */
  interface Channel {
    /** Sends a new request; returns its properties (with {@code status}). */
    JsonNode send();

    /** Reads the last sent request back. */
    JsonNode poll();
  }

  private Channel armChannel(Step.Request step, String file) {
    return new Channel() {
      private String name;

      @Override
      public JsonNode send() {
        name = UUID.randomUUID().toString();
        return tenant.azureRoles().request(step.kind(), step.scope(), name, body(step, file));
      }

      @Override
      public JsonNode poll() {
        return tenant.azureRoles().requestStatus(step.kind(), step.scope(), name);
      }
    };
  }

  private void request(Step step, Channel channel, Optional<Instant> liveStart, boolean removal, Instant deadline,
      Consumer<ApplyEvent> record) throws InterruptedException {
    while (true) {
      try {
        JsonNode status = channel.send();
        record.accept(await(step, channel, status, deadline));
        return;
      } catch (PimApiException e) {
        if (ALREADY.contains(e.code()) && !removal) {
          record.accept(new ApplyEvent(step.change(), ApplyEvent.Outcome.ALREADY_DONE, e.code()));
          return;
        }
        if (e.code().equals("PendingRoleAssignmentRequest")) {
          record.accept(new ApplyEvent(step.change(), ApplyEvent.Outcome.PENDING, e.code()));
          return;
        }
        if (!e.code().equals("ActiveDurationTooShort")) {
          throw e;
        }
        Instant retryAt = liveStart.map(s -> s.plus(PIM_FLOOR).plusSeconds(5)).orElse(clock.instant().plus(POLL));
        if (retryAt.isAfter(deadline)) {
          throw e;
        }
        record.accept(new ApplyEvent(step.change(), ApplyEvent.Outcome.WAITING, e.code() + ": retrying at " + retryAt));
        Duration wait = Duration.between(clock.instant(), retryAt);
        sleeper.sleep(wait.isNegative() || wait.isZero() ? POLL : wait);
      }
    }
  }

  private ApplyEvent await(Step step, Channel channel, JsonNode properties, Instant deadline)
      throws InterruptedException {
    JsonNode current = properties;
    while (true) {
      String status = current.path("status").asText("");
      if (DONE.contains(status)) {
        return new ApplyEvent(step.change(), ApplyEvent.Outcome.APPLIED, status);
      }
      if (PENDING.contains(status)) {
        return new ApplyEvent(step.change(), ApplyEvent.Outcome.PENDING, status);
      }
      if (status.equals("Denied") || status.equals("Failed") || status.startsWith("Canceled") || status.equals("Invalid")) {
        throw new PimApiException(step.change().subject(), 200, status, "the request for '" + step.change().subject()
            + "' ended " + status, Optional.empty());
      }
      if (clock.instant().isAfter(deadline)) {
        throw new PimApiException(step.change().subject(), 200, "Timeout", "the request for '"
            + step.change().subject() + "' was still " + status + " at the deadline", Optional.empty());
      }
      sleeper.sleep(POLL);
      current = channel.poll();
    }
  }

  private ObjectNode body(Step.Request step, String file) {
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    p.put("principalId", step.principal().id()).put("roleDefinitionId", step.roleDefinitionId())
        .put("requestType", step.requestType())
        .put("justification", "jit-elevate pim apply: " + step.change().subject() + " (" + file + ")");
    if (!step.requestType().equals("AdminRemove")) {
      ObjectNode schedule = p.putObject("scheduleInfo");
      schedule.put("startDateTime", clock.instant().toString());
      ObjectNode expiration = schedule.putObject("expiration");
      if (step.end().isPresent()) {
        expiration.put("type", "AfterDateTime").put("endDateTime", step.end().get().toString());
      } else if (step.duration().isPresent()) {
        expiration.put("type", "AfterDuration").put("duration", IsoDurations.format(step.duration().get()));
      } else {
        expiration.put("type", "NoExpiration");
      }
    }
    return p;
  }
}
