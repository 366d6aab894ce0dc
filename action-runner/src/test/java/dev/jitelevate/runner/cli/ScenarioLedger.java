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
 * test observed once it passed (a failed test leaves one line saying why, whatever it observed). The canary scans the observed texts for
 * the demo scenario's secrets and any JWT.
 */
final class ScenarioLedger implements BeforeEachCallback, TestWatcher {
  private final Ledger ledger;
  private final KnownSecrets secrets = KnownSecrets.ofDemoScenario();
  private final List<Map<String, Object>> lines = new ArrayList<>();

  ScenarioLedger(String suite) {
    this.ledger = Ledger.open(suite);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    lines.clear();
  }

  /**
   * What a scenario did, once its assertions held: its id, the fault, the outcome, the failure kind, the revocation,
   * what is left active; the channels are scanned by the canary. A test may observe several scenarios in turn.
   */
  void observed(String id, String fault, String outcome, String failureKind, String revocation, int leaks,
      String... channels) {
    Map<String, Object> line = new LinkedHashMap<>();
    lines.add(line);
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
    lines.forEach(this::write);
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    String message = Optional.ofNullable(cause.getMessage()).orElse(cause.getClass().getSimpleName()).strip();
    Map<String, Object> failed = new LinkedHashMap<>(Map.of("suite", "cli", "leaks", 0, "canaryHits", 0));
    failed.put("id", context.getRequiredTestClass().getSimpleName() + "/" + context.getDisplayName());
    failed.put("passed", false);
    failed.put("problems", List.of(message.lines().findFirst().orElse(message)));
    ledger.write(failed);
  }

  private void write(Map<String, Object> line) {
    boolean clean = ((Number) line.get("canaryHits")).intValue() == 0;
    line.put("passed", clean);
    line.put("problems", clean ? List.of() : List.of("canary: a secret or token in the output or record"));
    ledger.write(line);
  }
}
