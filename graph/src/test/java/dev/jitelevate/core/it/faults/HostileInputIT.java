package dev.jitelevate.core.it.faults;

import dev.jitelevate.core.testing.Ledger;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.core.ActivationRecords;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationOutcome;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.testing.SecretCanary;
import dev.jitelevate.emulator.server.JournalEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link HostileCatalogue} case is either rejected with a clear, single-line message (no stack trace,
 * no control character that could forge a log line or workflow command) or neutralized; it never makes
 * anything active, never runs the operation, and never leaks a secret.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {
  private FaultWorld world;
  private Ledger ledger;

  @BeforeAll
  void start() {
    world = new FaultWorld();
    ledger = Ledger.open("hostile-input");
  }

  @AfterAll
  void stop() {
    world.close();
  }

  static Stream<HostileCatalogue.HostileCase> cases() {
    return HostileCatalogue.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRejectedClearlyOrNeutralizedAndNeverElevates(HostileCatalogue.HostileCase c) {
    List<String> problems = new ArrayList<>();
    String verdict;
    AtomicBoolean operationRan = new AtomicBoolean();
    try (SecretCanary canary = world.reset()) {
      verdict = drive(c, canary, operationRan, problems);
      if (operationRan.get()) {
        problems.add("the operation ran: the hostile input elevated");
      }
      createdSomething().forEach(j -> problems.add("created: " + j.method() + " " + j.path() + " -> " + j.status()));
      world.emulator.leaks().forEach(l -> problems.add("still active: " + Aftermath.describe(l)));
      canary.leaks().forEach(l -> problems.add("canary: " + l));
      write(c, verdict, canary.leaks().size(), problems);
    }
    assertThat(problems).as(c.id()).isEmpty();
  }

  private String drive(HostileCatalogue.HostileCase c, SecretCanary canary, AtomicBoolean ran, List<String> problems) {
    ElevationRequest request;
    try {
      request = c.request().get().build();
    } catch (ElevationException e) {
      canary.capture("exception", e);
      clear(e.getMessage(), problems);
      return "rejected before submit (" + e.kind() + ")";
    } catch (RuntimeException e) {
      problems.add("an untyped exception escaped: " + e);
      return "crashed";
    }
    ElevationOutcome outcome = c.drive() == HostileCatalogue.Drive.RUN
        ? world.brokerElevator(FaultWorld.FLOOR).run(request, context -> ran.set(true))
        : world.brokerElevator(FaultWorld.FLOOR).validate(request);
    canary.capture("record", ActivationRecords.toJson(outcome.record()));
    outcome.failure().ifPresent(f -> {
      canary.capture("failure", f);
      clear(f.getMessage(), problems);
    });
    if (outcome.failure().isPresent()) {
      return "refused by the run (" + outcome.failure().get().kind() + ")";
    }
    if (c.drive() == HostileCatalogue.Drive.RUN) {
      problems.add("accepted: the run succeeded with " + request.target().describe());
    }
    return "neutralized (validated as plain text, nothing submitted)";
  }

  /** A message is clear when it says something, on one line, without control characters or a stack trace. */
  private static void clear(String message, List<String> problems) {
    if (message == null || message.isBlank()) {
      problems.add("no message");
      return;
    }
    if (message.codePoints().anyMatch(cp -> Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029)) {
      problems.add("the message carries a control character: " + message.replaceAll("\\p{Cntrl}", "<CTRL>"));
    }
    if (message.contains("\tat ") || message.contains("java.lang.") || message.contains("NullPointer")) {
      problems.add("the message shows internals: " + message);
    }
    if (message.length() > 2000) {
      problems.add("the message has " + message.length() + " characters");
    }
  }

  /** Requests that created something: a schedule request or role assignment accepted (not a validation). */
  private List<JournalEntry> createdSomething() {
    return world.emulator.journal().stream()
        .filter(j -> j.method().equals("PUT") || j.method().equals("POST"))
        .filter(j -> j.status() == 200 || j.status() == 201)
        .filter(j -> j.path().contains("ScheduleRequests") || j.path().contains("roleAssignments/"))
        .filter(j -> !j.path().endsWith("/validate"))
        .toList();
  }

  private void write(HostileCatalogue.HostileCase c, String verdict, int canaryHits, List<String> problems) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("suite", "hostile-input");
    line.put("id", c.id());
    line.put("field", c.field());
    line.put("drive", c.drive().name().toLowerCase(java.util.Locale.ROOT));
    line.put("verdict", verdict);
    line.put("leaks", world.emulator.leaks().size());
    line.put("canaryHits", canaryHits);
    line.put("passed", problems.isEmpty());
    line.put("problems", problems);
    ledger.write(line);
  }
}
