package dev.jitelevate.runner.cli;

import dev.jitelevate.core.testing.Ledger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Writes one line per CLI process scenario to {@code target/reliability/{suite}.jsonl} for RELIABILITY.md: what the
 * test observed, and whether it passed (a failed test's line says why). The canary scans the observed texts for
 * the demo scenario's secrets and any JWT.
 */
final class ScenarioLedger implements BeforeEachCallback, TestWatcher {
  private final Ledger ledger;
  private final KnownSecrets secrets = KnownSecrets.ofDemoScenario();
  private Map<String, Object> line;

  ScenarioLedger(String suite) {
    this.ledger = Ledger.open(suite);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    line = null;
  }

  /** What the scenario did: its id, the fault, the outcome, the failure kind, the revocation, what is left active. */
  void observed(String id, String fault, String outcome, String failureKind, String revocation, int leaks,
      String... channels) {
    line = new LinkedHashMap<>();
    line.put("suite", "cli");
    line.put("id", id);
    line.put("fault", fault);
    line.put("outcome", outcome);
    line.put("failureKind", failureKind);
    line.put("revocation", revocation);
    line.put("expiresAt", null);
    line.put("leaks", leaks);
    int hits = 0;
    for (String text : channels) {
      hits += secrets.hits(text == null ? "" : text);
    }
    line.put("canaryHits", hits);
  }

  @Override
  public void testSuccessful(ExtensionContext context) {
    write(context, true, List.of());
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    String message = Optional.ofNullable(cause.getMessage()).orElse(cause.getClass().getSimpleName()).strip();
    write(context, false, List.of(message.lines().findFirst().orElse(message)));
  }

  private void write(ExtensionContext context, boolean passed, List<String> problems) {
    Map<String, Object> out = line != null ? line : new LinkedHashMap<>(Map.of("suite", "cli", "id",
        context.getRequiredTestClass().getSimpleName() + "/" + context.getDisplayName(), "leaks", 0, "canaryHits", 0));
    List<String> all = new ArrayList<>(problems);
    if (passed && ((Number) out.getOrDefault("canaryHits", 0)).intValue() > 0) {
      all.add("canary: a secret or token in the output or record");
    }
    out.put("passed", all.isEmpty());
    out.put("problems", all);
    ledger.write(out);
    line = null;
  }
}
