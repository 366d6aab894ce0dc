package dev.jitelevate.core.it.faults;

import dev.jitelevate.core.ActivationRecord.RevocationStatus;
import dev.jitelevate.core.testing.Ledger;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActivationRecords;
import dev.jitelevate.core.ArmScope;
import dev.jitelevate.core.RevocationHandle;
import dev.jitelevate.core.testing.SecretCanary;
import dev.jitelevate.emulator.kernel.ActiveAssignment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process in the middle of its privileged operation ({@link BlockingRun}): SIGTERM must revoke
 * through the shutdown hook; after SIGKILL nothing can revoke, so the server-side expiry must end the access
 * no later than the requested duration (rbac: the sweep), and the post step must revoke from the saved handle.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcessFaultsIT {
  private static final Duration REQUESTED = Duration.ofMinutes(30);
  private FaultWorld world;
  private Ledger ledger;
  private SecretCanary canary;
  /** The lifecycle's minimum active duration in the killed process (PIM's real 5 minutes in some tests). */
  private String floor;
  @TempDir
  Path dir;

  @BeforeAll
  void start() throws IOException {
    world = new FaultWorld();
    ledger = Ledger.open("process-faults");
  }

  @AfterAll
  void stop() {
    world.close();
  }

  @BeforeEach
  void reset() {
    floor = FaultWorld.FLOOR.toString();
    canary = world.reset();
  }

  @Test
  void sigtermDuringTheOperationRevokesThroughTheShutdownHook() throws Exception {
    killed("broker/azure-role/sigterm-during-operation", "broker", "run", false, (exit, out, problems) -> {
      expect(problems, exit == 143, "exit " + exit + " instead of 143 (SIGTERM)");
      expect(problems, out.contains("revoke") && out.contains("StepFinished") && out.contains("step=record"),
          "the shutdown hook did not revoke and finish the record: " + tail(out));
      expect(problems, world.emulator.leaks().isEmpty(), "still active: " + world.emulator.leaks());
    });
  }

  @Test
  void sigtermDuringAnRbacOperationDeletesTheAssignment() throws Exception {
    killed("rbac/azure-role/sigterm-during-operation", "rbac", "run", false, (exit, out, problems) -> {
      expect(problems, exit == 143, "exit " + exit + " instead of 143 (SIGTERM)");
      expect(problems, world.emulator.leaks().isEmpty(), "still active: " + world.emulator.leaks());
    });
  }

  @Test
  void sigtermInTheFirstSecondsOfAnRbacRunDeletesTheAssignmentWithoutWaitingForAFloor() throws Exception {
    floor = "PT5M";
    killed("rbac/azure-role/sigterm-in-the-first-seconds", "rbac", "run", false, (exit, out, problems) -> {
      expect(problems, exit == 143, "exit " + exit + " instead of 143 (SIGTERM)");
      expect(problems, java.util.regex.Pattern.compile("step=revoke, took=[^,]*, succeeded=true").matcher(out).find(),
          "the shutdown hook did not delete the assignment: " + tail(out));
      expect(problems, !out.contains("minimum active duration"), "waited for a floor rbac does not have: " + tail(out));
      expect(problems, world.emulator.leaks().isEmpty(), "still active: " + world.emulator.leaks());
    });
  }

  @Test
  void sigkillLeavesAccessThatEndsByItselfWithinTheRequestedDuration() throws Exception {
    killed("broker/azure-role/sigkill-during-operation", "broker", "elevate", true, (exit, out, problems) -> {
      expect(problems, exit == 137, "exit " + exit + " instead of 137 (SIGKILL)");
      List<ActiveAssignment> left = world.emulator.leaks();
      expect(problems, left.size() == 1, "expected the one killed elevation, found " + left);
      left.forEach(a -> Aftermath.boundedBy(a, a.start().plus(REQUESTED), REQUESTED, problems));
      world.emulator.clock().advance(REQUESTED.plusSeconds(1));
      expect(problems, world.emulator.leaks().isEmpty(), "still active after its expiry: " + world.emulator.leaks());
    });
  }

  @Test
  void thePostStepRevokesFromTheHandleAKilledMainStepSaved() throws Exception {
    killed("broker/azure-role/post-step-after-sigkill", "broker", "elevate", true, (exit, out, problems) -> {
      RevocationHandle handle = ActivationRecords.handleFromJson(Files.readString(dir.resolve("handle.json")));
      ActivationRecord saved = ActivationRecords.fromJson(Files.readString(dir.resolve("record.json")));
      ActivationRecord record = world.brokerElevator(FaultWorld.FLOOR).revoke(handle, saved);
      canary.capture("post-step record", ActivationRecords.toJson(record));
      expect(problems, record.revocation().status().equals(RevocationStatus.REVOKED), "the post step recorded " + record.revocation());
      expect(problems, world.emulator.leaks().isEmpty(), "still active after the post step: " + world.emulator.leaks());
    });
  }

  @Test
  void sigkillOfAnRbacRunLeavesAMarkedAssignmentThatTheSweepRemovesAfterItsExpiry() throws Exception {
    killed("rbac/azure-role/sigkill-then-sweep", "rbac", "elevate", true, (exit, out, problems) -> {
      expect(problems, world.emulator.leaks().size() == 1, "expected the one killed assignment: " + world.emulator.leaks());
      world.sweeper().sweep(ArmScope.parse(FaultWorld.RG_APP));
      expect(problems, world.emulator.leaks().size() == 1, "the sweep removed an assignment before its marked expiry");
      world.emulator.clock().advance(REQUESTED.plusMinutes(1));
      world.sweeper().sweep(ArmScope.parse(FaultWorld.RG_APP));
      expect(problems, world.emulator.leaks().isEmpty(), "the sweep left it after its marked expiry: " + world.emulator.leaks());
    });
  }

  @FunctionalInterface
  private interface Check {
    void after(int exit, String output, List<String> problems) throws Exception;
  }

  private void killed(String id, String strategy, String mode, boolean forcibly, Check check) throws Exception {
    long started = System.nanoTime();
    List<String> problems = new ArrayList<>();
    int exit = -1;
    try (SecretCanary c = canary) {
      Path profile = dir.resolve("profile.json");
      world.emulator.writeProfile(profile);
      String assertion = world.emulator.github().idToken("api://AzureADTokenExchange");
      c.watch(assertion);
      Process process = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
          BlockingRun.class.getName(), profile.toString(), strategy, mode, dir.toString(), floor).start();
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write((assertion + "\n").getBytes(StandardCharsets.UTF_8));
      }
      CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
      StringBuilder out = new StringBuilder();
      BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      boolean reached = awaitStarted(lines, out);
      expect(problems, reached, "the operation never started: " + tail(out.toString()));
      // The handle only signals; Process.destroy() would also close our end of its output, losing what the
      // shutdown hook prints.
      if (forcibly) {
        process.toHandle().destroyForcibly();
      } else {
        process.toHandle().destroy();
      }
      expect(problems, process.waitFor(60, TimeUnit.SECONDS), "the process did not end");
      exit = process.exitValue();
      lines.lines().forEach(l -> out.append(l).append('\n'));
      c.capture("subprocess stdout", out);
      c.capture("subprocess stderr", stderr.get(10, TimeUnit.SECONDS));
      expect(problems, !stderr.get().contains("Exception"), "stack trace on stderr: " + tail(stderr.get()));
      check.after(exit, out.toString(), problems);
      c.leaks().forEach(l -> problems.add("canary: " + l));
      write(id, forcibly ? "SIGKILL" : "SIGTERM", exit, c.leaks().size(), problems, started);
    }
    assertThat(problems).as(id).isEmpty();
  }

  private static boolean awaitStarted(BufferedReader lines, StringBuilder out) throws IOException {
    String line;
    while ((line = lines.readLine()) != null) {
      out.append(line).append('\n');
      if (line.equals(BlockingRun.STARTED)) {
        return true;
      }
    }
    return false;
  }

  private static String readAll(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static void expect(List<String> problems, boolean ok, String problem) {
    if (!ok) {
      problems.add(problem);
    }
  }

  private static String tail(String text) {
    return text.length() <= 1500 ? text : "..." + text.substring(text.length() - 1500);
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private void write(String id, String signal, int exit, int canaryHits, List<String> problems, long started) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("suite", "process-faults");
    line.put("id", id);
    line.put("strategy", id.substring(0, id.indexOf('/')));
    line.put("target", "azure-role");
    line.put("fault", signal + " during the operation");
    line.put("outcome", "exit " + exit);
    line.put("activeAfter", world.emulator.leaks().size());
    line.put("leaks", problems.stream().filter(FaultMatrixIT::isLeak).count());
    line.put("canaryHits", canaryHits);
    line.put("passed", problems.isEmpty());
    line.put("problems", problems);
    line.put("millis", (System.nanoTime() - started) / 1_000_000);
    ledger.write(line);
  }
}
