package dev.jitelevate.runner.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jitelevate.runner.cli.CliInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AutoApprovalPolicyTest {
  static final String POLICY = """
      version: 1
      timeZone: Europe/Berlin
      workingHours:
        days: [MON, TUE, WED, THU, FRI]
        from: "08:00"
        to: "18:00"
      rules:
        - name: contributor-on-rg-app
          surface: azure-role
          roles: [Contributor]
          scopes: [/subscriptions/s1/resourceGroups/rg-app]
          maxDuration: 1h
          ticketPattern: "INC-[0-9]+"
        - name: user-admin-any-time
          surface: directory-role
          roles: [fe930be7-5e62-47db-91af-98c3a49a38b1]
          scopes: [/]
          maxDuration: 30m
          workingHoursOnly: false
      """;
  /** A Wednesday, 10:00 in Berlin. */
  static final Instant WORKING = Instant.parse("2026-03-04T09:00:00Z");
  /** The same Wednesday, 20:00 in Berlin. */
  static final Instant EVENING = Instant.parse("2026-03-04T19:00:00Z");
  static final String BOB = "b0b";

  static PendingApproval contributor(String scope, Duration duration, String ticket) {
    return new PendingApproval(Surface.AZURE_ROLE, "/approvals/a1", "r1", "alice", "/subscriptions/s1/providers/"
        + "Microsoft.Authorization/roleDefinitions/b24988ac", Optional.of("Contributor"), scope, Optional.ofNullable(duration),
        "deploy", Optional.ofNullable(ticket), WORKING.minusSeconds(60));
  }

  static AutoApprovalPolicy policy() {
    return AutoApprovalPolicyReader.parse(POLICY, "approvals.yml");
  }

  @Nested
  class Deciding {
    @Test
    void approvesARequestThatOneRuleCoversWithinWorkingHours() {
      AutoApprovalPolicy.Verdict v = policy().evaluate(contributor("/subscriptions/s1/resourceGroups/rg-app/providers/x/y",
          Duration.ofMinutes(30), "INC-42"), BOB, WORKING);
      assertThat(v.approve()).isTrue();
      assertThat(v.rule()).contains("contributor-on-rg-app");
    }

    @Test
    void leavesARequestOutsideWorkingHoursInThePolicysTimeZone() {
      AutoApprovalPolicy.Verdict v = policy().evaluate(contributor("/subscriptions/s1/resourceGroups/rg-app",
          Duration.ofMinutes(30), "INC-42"), BOB, EVENING);
      assertThat(v.approve()).isFalse();
      assertThat(v.reasons()).anySatisfy(r -> assertThat(r).contains("outside working hours", "Europe/Berlin"));
    }

    @Test
    void leavesTooLongWrongScopeOrUnticketedRequestsForPeople() {
      assertThat(policy().evaluate(contributor("/subscriptions/s1/resourceGroups/rg-app", Duration.ofHours(2), "INC-1"),
          BOB, WORKING).reasons()).anySatisfy(r -> assertThat(r).contains("PT2H is over PT1H"));
      assertThat(policy().evaluate(contributor("/subscriptions/s1/resourceGroups/rg-app-2", Duration.ofMinutes(5),
          "INC-1"), BOB, WORKING).reasons()).anySatisfy(r -> assertThat(r).contains("is not within its scopes"));
      assertThat(policy().evaluate(contributor("/subscriptions/s1/resourceGroups/rg-app", Duration.ofMinutes(5),
          "CHG-1"), BOB, WORKING).reasons()).anySatisfy(r -> assertThat(r).contains("does not match INC-[0-9]+"));
      assertThat(policy().evaluate(contributor("/subscriptions/s1/resourceGroups/rg-app", null, "INC-1"), BOB,
          WORKING).approve()).isFalse();
    }

    @Test
    void neverApprovesTheApproversOwnRequest() {
      AutoApprovalPolicy.Verdict v = policy().evaluate(contributor("/subscriptions/s1/resourceGroups/rg-app",
          Duration.ofMinutes(30), "INC-42"), "ALICE", WORKING);
      assertThat(v.approve()).isFalse();
      assertThat(v.reasons()).containsExactly("the requester is the approver");
    }

    @Test
    void aRuleWithoutWorkingHoursApprovesAtAnyTimeByRoleId() {
      PendingApproval userAdmin = new PendingApproval(Surface.DIRECTORY_ROLE, "x", "x", "alice",
          "fe930be7-5e62-47db-91af-98c3a49a38b1", Optional.empty(), "/", Optional.of(Duration.ofMinutes(30)), "",
          Optional.empty(), WORKING);
      assertThat(policy().evaluate(userAdmin, BOB, EVENING).rule()).contains("user-admin-any-time");
    }

    @Test
    void workingHoursOverMidnightBelongToTheDayTheyStart() {
      WorkingHours night = new WorkingHours(java.util.Set.of(java.time.DayOfWeek.FRIDAY), java.time.LocalTime.of(22, 0),
          java.time.LocalTime.of(6, 0));
      java.time.ZoneId utc = java.time.ZoneOffset.UTC;
      assertThat(night.contains(Instant.parse("2026-03-06T23:00:00Z").atZone(utc))).isTrue();
      assertThat(night.contains(Instant.parse("2026-03-07T05:00:00Z").atZone(utc))).isTrue();
      assertThat(night.contains(Instant.parse("2026-03-07T07:00:00Z").atZone(utc))).isFalse();
      assertThat(night.contains(Instant.parse("2026-03-05T23:00:00Z").atZone(utc))).isFalse();
    }
  }

  @Nested
  class Reading {
    @Test
    void aSchemaViolationNamesTheFileAndLine() {
      assertThatThrownBy(() -> AutoApprovalPolicyReader.parse(POLICY.replace("surface: azure-role", "surface: vm"),
          "approvals.yml")).isInstanceOf(CliInputException.class).hasMessageContaining("approvals.yml:9:");
    }

    @Test
    void aBadDurationZoneOrPatternIsRefusedWithItsLine() {
      assertThatThrownBy(() -> AutoApprovalPolicyReader.parse(POLICY.replace("maxDuration: 1h", "maxDuration: soon"),
          "p.yml")).hasMessageContaining("p.yml:12:").hasMessageContaining("'soon' is not a duration");
      assertThatThrownBy(() -> AutoApprovalPolicyReader.parse(POLICY.replace("Europe/Berlin", "Mars/Olympus"),
          "p.yml")).hasMessageContaining("p.yml:2:").hasMessageContaining("not a time zone");
      assertThatThrownBy(() -> AutoApprovalPolicyReader.parse(POLICY.replace("INC-[0-9]+", "INC-[0-9"), "p.yml"))
          .hasMessageContaining("p.yml:13:").hasMessageContaining("not a valid regular expression");
    }

    @Test
    void aRuleKeepingWorkingHoursNeedsThem() {
      String noHours = POLICY.replaceAll("(?s)workingHours:.*?to: \"18:00\"\n", "")
          .replace("maxDuration: 1h\n", "maxDuration: 1h\n    workingHoursOnly: true\n");
      assertThatThrownBy(() -> AutoApprovalPolicyReader.parse(noHours, "p.yml"))
          .hasMessageContaining("policy defines none");
    }

    @Test
    void brokenYamlSaysSo() {
      assertThatThrownBy(() -> AutoApprovalPolicyReader.parse("rules: [\n", "p.yml"))
          .hasMessageContaining("p.yml").hasMessageContaining("not valid YAML");
    }
  }
}
