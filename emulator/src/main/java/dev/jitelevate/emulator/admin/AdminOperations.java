package dev.jitelevate.emulator.admin;

import dev.jitelevate.emulator.entra.GitHubActions;
import dev.jitelevate.emulator.kernel.ActiveAssignment;
import dev.jitelevate.emulator.kernel.EmulatorClock;
import dev.jitelevate.emulator.kernel.Hazards;
import dev.jitelevate.emulator.kernel.PendingApproval;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.emulator.server.FaultRule;
import dev.jitelevate.emulator.server.JournalEntry;
import java.util.List;
import java.util.Optional;

/** What the admin API can see and change; implemented by the emulator itself. */
public interface AdminOperations {
  List<ActiveAssignment> activeAssignments();

  List<JournalEntry> journal();

  void clearJournal();

  void loadScenario(Scenario scenario);

  void reset();

  List<PendingApproval> pendingApprovals();

  Optional<PendingApproval> decide(String approvalId, boolean approve, String approverId, String justification);

  Hazards hazards();

  void hazards(Hazards hazards);

  void injectFault(FaultRule rule);

  EmulatorClock clock();

  String profileJson();

  GitHubActions github();
}
