package dev.jitelevate.runner.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActivationRecord.Outcome;
import dev.jitelevate.core.Strategy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StepSummaryTest {
  static final Instant T0 = Instant.parse("2025-05-01T10:00:00Z");

  static ActivationRecord record(String justification) {
    return new ActivationRecord("1.0", List.of("req-1"),
        new ActivationRecord.Principal("c1c1c1c1-0000-4000-8000-000000000001", Optional.of("ci"), Optional.empty()),
        new ActivationRecord.Target(ActivationRecord.TargetKind.AZURE_ROLE, Optional.empty(), Optional.of("Key Vault Secrets Officer"),
            "/subscriptions/x/resourceGroups/rg_app", Optional.empty()),
        Strategy.BROKER, justification, Optional.empty(),
        new ActivationRecord.Window(Duration.ofMinutes(30), Optional.of(T0.plusSeconds(2)), Optional.of(T0.plusSeconds(1802))),
        new ActivationRecord.Timeline(T0, Optional.of(T0.plusSeconds(1)), Optional.empty(), Optional.of(T0.plusSeconds(2)),
            Optional.of(T0.plusSeconds(5)), Optional.of(T0.plusSeconds(6)), Optional.of(T0.plusSeconds(9)),
            Optional.of(T0.plusSeconds(10)), Optional.of(T0.plusSeconds(11))),
        Optional.empty(), Outcome.SUCCEEDED, new ActivationRecord.Revocation(ActivationRecord.RevocationStatus.REVOKED, Optional.empty(), Optional.empty()),
        Optional.empty(), 0, 3, Map.of(), Map.of("github.run_url", "https://github.com/o/r/actions/runs/1"));
  }

  @Nested
  class TheSummary {
    @Test
    void tabulatesTheRoleTheOutcomeAndTheRevocation() {
      String md = StepSummary.render("jit-elevate", record("why"), Optional.of("/ws/.jit-elevate/r.json"), Optional.empty());
      assertThat(md).contains("| Outcome | **SUCCEEDED** |", "**Key Vault Secrets Officer**", "`/subscriptions/x/resourceGroups/rg_app`",
          "| Revocation | REVOKED |", "https://github.com/o/r/actions/runs/1");
    }

    @Test
    void drawsEachPhaseOfTheTimelineAsAGanttTask() {
      String md = StepSummary.render("jit-elevate", record("why"), Optional.empty(), Optional.empty());
      long t0 = T0.toEpochMilli();
      assertThat(md).contains("```mermaid\ngantt", "dateFormat x",
          "Request :req, " + t0 + ", " + (t0 + 1000),
          "Propagation :verify, " + (t0 + 2000) + ", " + (t0 + 5000),
          "Operation :op, " + (t0 + 6000) + ", " + (t0 + 9000),
          "Active :held, " + (t0 + 2000) + ", " + (t0 + 10000)).doesNotContain("Approval :");
    }

    @Test
    void theRevocationBarStartsWhenTheRevocationStartedNotWithTheJob() {
      long t0 = T0.toEpochMilli();
      assertThat(StepSummary.render("jit-elevate", record("why"), Optional.empty(), Optional.empty()))
          .contains("Revocation :revoke, " + (t0 + 9000) + ", " + (t0 + 10000));
      String post = StepSummary.render("jit-elevate", record("why"), Optional.empty(), Optional.empty(),
          Optional.of(T0.plusMillis(9800)));
      assertThat(post).contains("Revocation :revoke, " + (t0 + 9800) + ", " + (t0 + 10000));
    }

    @Test
    void namesTheUtcStartInTheTitleBecauseMermaidDrawsTheViewersLocalTime() {
      String md = StepSummary.render("jit-elevate", record("why"), Optional.empty(), Optional.empty());
      assertThat(md).contains("title Elevation lifecycle from 2025-05-01T10:00:00Z (axis in your local time)")
          .doesNotContain("(UTC)");
    }

    @Test
    void usesNoMermaidTagAsATaskId() {
      String md = StepSummary.render("jit-elevate", record("why"), Optional.empty(), Optional.empty());
      assertThat(md.lines().filter(l -> l.contains(" :")).map(l -> l.substring(l.indexOf(" :") + 2).split(",")[0].trim()))
          .isNotEmpty().doesNotContainAnyElementsOf(java.util.List.of("active", "done", "crit", "milestone"));
    }

    @Test
    void escapesHostileTextSoItCannotBreakTheTableOrTheDiagram() {
      String md = StepSummary.render("jit-elevate", record("x | y\n```\n<script>alert(1)</script>"), Optional.empty(), Optional.empty());
      String row = md.lines().filter(l -> l.startsWith("| Justification")).findFirst().orElseThrow();
      assertThat(row).contains("x \\| y", "&lt;script&gt;").doesNotContain("<script>");
      assertThat(md.split("```", -1)).hasSize(3);
    }
  }
}
