package dev.jitelevate.core.it.faults;

import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.FailureKind;
import dev.jitelevate.core.OperationContext;
import dev.jitelevate.core.Strategy;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One row of the fault matrix: which run, which fault, and what the run must end with.
 *
 * @param id a stable name, {@code strategy/target/fault}
 * @param strategy the strategy elevating
 * @param target {@code azure-role}, {@code directory-role} or {@code group}
 * @param fault what goes wrong, in words (for the report)
 * @param request the request
 * @param lifecycleFloor the lifecycle's minimum active duration
 * @param arrange arms the fault before the run
 * @param operation the privileged operation (it may arm a fault that hits the revoke)
 * @param expectedFailure the failure the outcome must carry, empty for success
 * @param expectedRevocation the record's revocation status
 */
record FaultScenario(String id, Strategy strategy, String target, String fault, ElevationRequest request,
    Duration lifecycleFloor, Consumer<Stage> arrange, Act operation,
    Optional<FailureKind> expectedFailure, String expectedRevocation) {

  @Override
  public String toString() {
    return id;
  }

  /** The privileged operation, which may disturb the stage (e.g. arm a fault that hits the revoke). */
  @FunctionalInterface
  interface Act {
    void perform(Stage stage, OperationContext context) throws Exception;
  }

  /** What a scenario can disturb: the emulator, and a background approver. */
  interface Stage {
    dev.jitelevate.emulator.PimEmulator emulator();

    /** Bob approves (true) or denies (false) every approval as soon as it appears. */
    void approver(boolean approve);
  }
}
