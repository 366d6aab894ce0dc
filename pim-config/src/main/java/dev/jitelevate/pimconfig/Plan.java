package dev.jitelevate.pimconfig;

import java.util.List;
import java.util.Objects;

/**
 * The difference between a file and the tenant: the changes apply would make, and live assignments the file does
 * not declare (removed only when planned with prune). The fingerprint identifies the tenant state it was made from,
 * so a saved plan is refused once the tenant has changed.
 */
public final class Plan {
  private final String file;
  private final List<Change> changes;
  private final List<Change> undeclared;
  private final String fingerprint;
  private final List<Step> steps;

  Plan(String file, List<Step> steps, List<Change> undeclared, String fingerprint) {
    this.file = Objects.requireNonNull(file, "file");
    this.steps = List.copyOf(steps);
    this.changes = steps.stream().map(Step::change).toList();
    this.undeclared = List.copyOf(undeclared);
    this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
  }

  public String file() {
    return file;
  }

  /** What apply would change, in order: per surface, assignments then policies. */
  public List<Change> changes() {
    return changes;
  }

  /** Live assignments at managed scopes that the file does not declare (and that apply leaves alone). */
  public List<Change> undeclared() {
    return undeclared;
  }

  /** True when apply would change something. */
  public boolean hasChanges() {
    return !changes.isEmpty();
  }

  /** True when the tenant differs from the file in any way, undeclared assignments included (drift). */
  public boolean hasDrift() {
    return hasChanges() || !undeclared.isEmpty();
  }

  /** A digest of the tenant state the plan was computed from. */
  public String fingerprint() {
    return fingerprint;
  }

  /** The plan for people: one block per surface, {@code + ~ -}, before → after. */
  public String render() {
    return PlanText.render(this);
  }

  /** The plan as JSON (for {@code --json} and saved plans). */
  public String toJson() {
    return PlanJson.write(this);
  }

  /** The fingerprint of a plan saved with {@link #toJson()}, if the text is one. */
  public static java.util.Optional<String> savedFingerprint(String json) {
    return java.util.Optional.of(PlanJson.fingerprintOf(json)).filter(f -> !f.isEmpty());
  }

  List<Step> steps() {
    return steps;
  }
}
