package dev.jitelevate.runner.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jitelevate.runner.cli.TargetKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BrokerPolicyTest {
  static final Path EXAMPLE = Path.of("../examples/hardened-broker/broker-policy.yml");
  static final String RG = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-payments";

  static VerifiedClaims claims(String... pairs) {
    Map<ClaimName, String> values = new EnumMap<>(ClaimName.class);
    values.put(ClaimName.REPOSITORY, "contoso/payments");
    values.put(ClaimName.REPOSITORY_OWNER, "contoso");
    values.put(ClaimName.REF, "refs/heads/main");
    values.put(ClaimName.REF_PROTECTED, "true");
    values.put(ClaimName.ENVIRONMENT, "production");
    values.put(ClaimName.EVENT_NAME, "push");
    values.put(ClaimName.JOB_WORKFLOW_REF, "contoso/jit-elevate/.github/workflows/jit-broker.yml@refs/tags/v1");
    values.put(ClaimName.ACTOR, "octocat");
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] == null) {
        values.remove(ClaimName.of(pairs[i]).orElseThrow());
      } else {
        values.put(ClaimName.of(pairs[i]).orElseThrow(), pairs[i + 1]);
      }
    }
    return new VerifiedClaims(values, "repo:contoso/payments:environment:production");
  }

  static GrantRequest request(String role, String scope, Duration duration) {
    return new GrantRequest(TargetKind.AZURE_ROLE, Optional.of(role), Optional.of(scope), Optional.empty(), duration,
        Optional.empty(), Optional.of("deploy 3d5f0c1"));
  }

  @Nested
  class Decides {
    final BrokerPolicy policy = BrokerPolicy.load(EXAMPLE);

    @Test
    void allowsARequestWithinTheRuleThatMatchesTheToken() {
      Decision d = policy.decide(claims(), request("Key Vault Secrets Officer", RG + "/providers/x/y", Duration.ofMinutes(30)));

      assertThat(d.allowed()).isTrue();
      assertThat(d.rule()).hasValue("payments-deploy");
      assertThat(d.render()).startsWith("ALLOWED by rule 'payments-deploy'");
    }

    @Test
    void deniesALongerDurationNamingTheRuleAndTheLimit() {
      Decision d = policy.decide(claims(), request("Contributor", RG, Duration.ofHours(2)));

      assertThat(d.allowed()).isFalse();
      assertThat(d.render()).isEqualTo("DENIED by rule 'payments-deploy': the token matches the rule but the request "
          + "does not: duration 2h exceeds max-duration 1h");
    }

    @Test
    void deniesAScopeOutsideThePrefixComparingWholeSegments() {
      Decision d = policy.decide(claims(), request("Contributor", RG + "-other", Duration.ofMinutes(30)));

      assertThat(d.reason()).contains("is not within " + RG);
    }

    @Test
    void deniesARoleTheRuleDoesNotName() {
      assertThat(policy.decide(claims(), request("Owner", RG, Duration.ofMinutes(30))).reason())
          .contains("role 'Owner' is not one of [Contributor, Key Vault Secrets Officer]");
    }

    @Test
    void deniesAnUnprotectedRef() {
      Decision d = policy.decide(claims("ref_protected", "false"), request("Contributor", RG, Duration.ofMinutes(5)));

      assertThat(d.allowed()).isFalse();
      assertThat(d.rule()).isEmpty();
      assertThat(d.render()).startsWith("DENIED (default deny): no rule matches the token");
    }

    @Test
    void deniesAnotherWorkflowThanTheBrokersReusableOne() {
      Decision d = policy.decide(claims("job_workflow_ref", "contoso/payments/.github/workflows/deploy.yml@refs/heads/main"),
          request("Contributor", RG, Duration.ofMinutes(5)));

      assertThat(d.allowed()).isFalse();
    }

    @Test
    void deniesAPullRequestByTheDenyRule() {
      Decision d = policy.decide(claims("event_name", "pull_request"), request("Contributor", RG, Duration.ofMinutes(5)));

      assertThat(d.render()).startsWith("DENIED by rule 'no-pull-requests'");
    }

    @Test
    void requiresTheApprovalEnvironmentOnTheToken() {
      BrokerPolicy p = BrokerPolicy.parse(policyWith("approval-environment: prod-approvers"), "p.yml");

      Decision d = p.decide(claims(), request("Contributor", RG, Duration.ofMinutes(5)));

      assertThat(d.reason()).contains("approval through environment 'prod-approvers' is required");
    }

    @Test
    void requiresATicketWhenTheRuleSaysSo() {
      BrokerPolicy p = BrokerPolicy.parse(policyWith("ticket-required: true"), "p.yml");

      assertThat(p.decide(claims(), request("Contributor", RG, Duration.ofMinutes(5))).reason())
          .contains("a ticket is required");
    }

    @Test
    void requiresTheJustificationToMatchThePattern() {
      BrokerPolicy p = BrokerPolicy.parse(policyWith("justification-pattern: 'CHG-[0-9]+: .+'"), "p.yml");

      assertThat(p.decide(claims(), request("Contributor", RG, Duration.ofMinutes(5))).reason())
          .contains("does not match justification-pattern");
    }
  }

  @Nested
  class RefusesBadFiles {
    @Test
    void namesTheLineOfAYamlSyntaxError() {
      assertThatThrownBy(() -> BrokerPolicy.parse("version: 1\nrules:\n  - name: [unclosed\n", "p.yml"))
          .isInstanceOf(PolicyException.class).hasMessageStartingWith("p.yml:").hasMessageContaining("Fix the YAML syntax");
    }

    @Test
    void namesTheUnknownClaimItsLineAndTheKnownOnes() {
      String yaml = policyWith("").replace("      repository: contoso/payments\n",
          "      repository: contoso/payments\n      branch: main\n");

      assertThatThrownBy(() -> BrokerPolicy.parse(yaml, "p.yml"))
          .isInstanceOf(PolicyException.class)
          .hasMessageStartingWith("p.yml:7: Unknown claim 'branch' in rule 'deploy'.")
          .hasMessageContaining("job_workflow_ref");
    }

    @Test
    void namesTheSchemaViolationAndItsLine() {
      String yaml = policyWith("").replace("target: azure-role", "target: subscription");

      assertThatThrownBy(() -> BrokerPolicy.parse(yaml, "p.yml"))
          .isInstanceOf(PolicyException.class).hasMessageStartingWith("p.yml:9:")
          .hasMessageContaining("broker-policy.schema.json");
    }

    @Test
    void refusesAnAllowRuleOverlappingADenyRule() {
      String yaml = policyWith("") + "  - name: no-main\n    effect: deny\n    when:\n      ref: refs/heads/*\n";

      assertThatThrownBy(() -> BrokerPolicy.parse(yaml, "p.yml"))
          .isInstanceOf(PolicyException.class)
          .hasMessageStartingWith("p.yml:3: Allow rule 'deploy' overlaps deny rule 'no-main' (line 13)")
          .hasMessageContaining("Narrow the allow rule's `when`");
    }

    @Test
    void acceptsADenyRuleTheAllowRulesExclude() {
      String yaml = policyWith("") + "  - name: no-forks\n    effect: deny\n    when:\n      ref: refs/pull/*\n";

      assertThat(BrokerPolicy.parse(yaml, "p.yml").rules()).hasSize(2);
    }

    @Test
    void refusesAMaxDurationThatIsNoDuration() {
      assertThatThrownBy(() -> BrokerPolicy.parse(policyWith("").replace("max-duration: 1h", "max-duration: soon"), "p.yml"))
          .isInstanceOf(PolicyException.class).hasMessageStartingWith("p.yml:12: max-duration 'soon' is not a duration.");
    }

    @Test
    void refusesAJustificationPatternThatDoesNotCompile() {
      assertThatThrownBy(() -> BrokerPolicy.parse(policyWith("justification-pattern: '(['"), "p.yml"))
          .isInstanceOf(PolicyException.class).hasMessageContaining("justification-pattern is not a regular expression");
    }

    @Test
    void refusesTwoRulesOfOneName() {
      String yaml = policyWith("") + policyWith("").substring(policyWith("").indexOf("  - name"));

      assertThatThrownBy(() -> BrokerPolicy.parse(yaml, "p.yml"))
          .isInstanceOf(PolicyException.class).hasMessageContaining("Rule name 'deploy' is used again (first on line 3)");
    }

    @Test
    void namesAMissingFile() {
      assertThatThrownBy(() -> BrokerPolicy.load(Path.of("no/such/policy.yml")))
          .isInstanceOf(PolicyException.class).hasMessageContaining("does not exist");
    }
  }

  static String policyWith(String extraGrantLine) {
    return "version: 1\n"
        + "rules:\n"
        + "  - name: deploy\n"
        + "    effect: allow\n"
        + "    when:\n"
        + "      repository: contoso/payments\n"
        + "      ref: refs/heads/main\n"
        + "    grant:\n"
        + "      target: azure-role\n"
        + "      roles: [Contributor]\n"
        + "      scope-prefix: " + RG + "\n"
        + "      max-duration: 1h\n"
        + (extraGrantLine.isEmpty() ? "" : "      " + extraGrantLine + "\n");
  }
}
