package dev.jitelevate.runner.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.runner.action.Fixtures;
import dev.jitelevate.runner.action.SimulatedRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The hostile inputs thrown at the action's inputs, its event fields, the post step's state and the CLI's
 * options. Every payload carries {@link #MARK} so a forged command or mask can be told from our own text.
 * Rejected cases name the input the one {@code ::error::} (or CLI line) must name; neutralized cases must run
 * to success (dry-run or a real elevation, revoked in the step) with nothing of theirs turning into a command.
 */
final class HostileCatalogue {
  static final String MARK = "PWNED";
  static final String CMDS = "\n::set-output name=status::" + MARK + "\n::add-mask::" + MARK + "\r::error::" + MARK
      + "%0A::warning::" + MARK + "%0D##[error]" + MARK;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How a case is driven. */
  enum Drive { ACTION, ACTION_PROCESS, CLI, CLI_JAR }

  /** Sets the case up on a runner with the demo inputs, or gives the CLI's arguments. */
  interface Setup {
    void apply(SimulatedRunner runner) throws IOException;
  }

  /**
   * One case.
   *
   * @param rejects the input (or CLI option) the error must name; null when the input must be neutralized
   * @param exitCode the exit code expected
   */
  record HostileCase(String id, String field, Drive drive, Setup setup, List<String> cliArgs, String rejects, int exitCode) {
    @Override
    public String toString() {
      return id;
    }
  }

  private final List<HostileCase> cases = new ArrayList<>();

  static List<HostileCase> all() {
    HostileCatalogue c = new HostileCatalogue();
    c.actionInputs();
    c.eventFields();
    c.cliOptions();
    return c.cases;
  }

  private void reject(String id, String field, String input, Setup setup) {
    cases.add(new HostileCase(id, field, Drive.ACTION, setup, List.of(), input, 2));
  }

  private void neutral(String id, String field, Setup setup) {
    cases.add(new HostileCase(id, field, Drive.ACTION, r -> {
      r.input("dry-run", "true");
      setup.apply(r);
    }, List.of(), null, 0));
  }

  private void neutralReal(String id, String field, Setup setup) {
    cases.add(new HostileCase(id, field, Drive.ACTION, r -> {
      r.input("revoke", "after-operation");
      setup.apply(r);
    }, List.of(), null, 0));
  }

  private void actionInputs() {
    reject("role-odata-quote", "role", "role", r -> r.input("role", "Owner' or roleName eq '" + MARK));
    reject("role-workflow-commands", "role", "role", r -> r.input("role", "Key Vault Secrets Officer" + CMDS));
    reject("role-ansi", "role", "role", r -> r.input("role", "\u001B[31mOwner\u001B[0m " + MARK));
    reject("role-path", "role", "role", r -> r.input("role", "../../providers/Microsoft.Authorization/roleDefinitions/" + MARK));
    reject("role-confusable-cyrillic", "role", "role", r -> r.input("role", "\u041Aey Vault Secrets Officer"));
    reject("role-guid-malformed", "role", "role", r -> r.input("role", "b86a8fe4-44ce-4948-aee5-eccb2c155cd" + MARK));
    reject("scope-traversal", "scope", "scope", r -> r.input("scope", RunnerWorld.SCOPE + "/../../" + MARK));
    reject("scope-encoded-traversal", "scope", "scope", r -> r.input("scope", RunnerWorld.SCOPE + "/%2e%2e/%2E%2E/" + MARK));
    reject("scope-odata", "scope", "scope", r -> r.input("scope", RunnerWorld.SCOPE + "' or 1 eq 1 or '" + MARK));
    reject("scope-workflow-commands", "scope", "scope", r -> r.input("scope", RunnerWorld.SCOPE + CMDS));
    reject("scope-query", "scope", "scope", r -> r.input("scope", RunnerWorld.SCOPE + "?$filter=" + MARK));
    reject("scope-other-subscription", "scope", "scope",
        r -> r.input("scope", "/subscriptions/00000000-0000-4000-8000-000000000000/resourceGroups/" + MARK));
    reject("group-odata", "group", "group", asGroup("grp' or displayName eq '" + MARK));
    reject("group-stop-commands", "group", "group", asGroup("::stop-commands::" + MARK + "\n::set-output name=x::" + MARK));
    reject("group-path", "group", "group", asGroup("../users/" + MARK));
    neutral("justification-workflow-commands", "justification", r -> r.input("justification", "rotate" + CMDS));
    neutral("justification-stop-commands", "justification", r -> r.input("justification",
        "::stop-commands::" + MARK + "\n::set-output name=status::" + MARK + "\n::" + MARK + "::"));
    neutral("justification-ansi-osc", "justification", r -> r.input("justification",
        "\u001B]8;;https://evil.example\u0007click\u001B]8;;\u0007 \u001B[2J\u001B[31m" + MARK + "\u009B31m"));
    neutral("justification-oversized", "justification", r -> r.input("justification", "A".repeat(200_000) + MARK));
    neutral("justification-heredoc-delimiters", "justification", r -> r.input("justification",
        "rotate\nEOF\nghadelimiter_00000000000000000000000000000000\nstatus=" + MARK + "\nstatus<<EOF\n" + MARK + "\nEOF"));
    neutral("justification-bidi-and-zero-width", "justification", r -> r.input("justification",
        "\u202Eetator\u202C \u200B\u2066" + MARK + "\u2069 \u2028::error::" + MARK));
    reject("template-unknown-placeholder", "justification-template", "justification-template",
        r -> r.input("justification-template", "{secret} {token} " + MARK));
    neutral("template-pr-title-commands", "justification-template", r -> {
      r.event("pull_request", Fixtures.pullRequestTitled("Fix" + CMDS));
      r.input("justification-template", "{pr-title} ::error::{actor}" + MARK);
    });
    reject("ticket-number-commands", "ticket-number", "ticket-number", r -> r.input("ticket-number", "OPS-1" + CMDS));
    reject("ticket-number-oversized", "ticket-number", "ticket-number", r -> r.input("ticket-number", "X".repeat(5000) + MARK));
    neutral("ticket-system-ansi", "ticket-system", r -> r.input("ticket-number", "OPS-1")
        .input("ticket-system", "\u001B[31mJira::error::" + MARK + "\n::set-output name=status::" + MARK));
    reject("ticket-pattern-invalid", "ticket-pattern", "ticket-pattern", r -> r.input("ticket-pattern", "[" + MARK + "\n::error::x"));
    reject("ticket-pattern-matches-commands", "ticket-pattern", "ticket-pattern", r -> {
      r.event("pull_request", Fixtures.pullRequestTitled("OPS-9" + CMDS));
      r.input("ticket-pattern", "OPS-9[\\s\\S]*");
    });
    reject("duration-negative", "duration", "duration", r -> r.input("duration", "-30m"));
    reject("duration-absurd", "duration", "duration", r -> r.input("duration", "99999999d"));
    reject("duration-zero", "duration", "duration", r -> r.input("duration", "0s"));
    reject("duration-overflow", "duration", "duration", r -> r.input("duration", "PT9223372036854775807S"));
    reject("duration-commands", "duration", "duration", r -> r.input("duration", "30m" + CMDS));
    reject("approval-timeout-negative", "approval-timeout", "approval-timeout", r -> r.input("approval-timeout", "-1m"));
    reject("provisioning-timeout-garbage", "provisioning-timeout", "provisioning-timeout",
        r -> r.input("provisioning-timeout", "five minutes " + MARK));
    reject("propagation-timeout-huge", "propagation-timeout", "propagation-timeout",
        r -> r.input("propagation-timeout", "1000000000h"));
    reject("artifact-name-dotdot", "artifact-name", "artifact-name", r -> r.input("artifact-name", "../../" + MARK));
    reject("artifact-name-absolute", "artifact-name", "artifact-name", r -> r.input("artifact-name", "/etc/" + MARK));
    reject("artifact-name-backslash", "artifact-name", "artifact-name", r -> r.input("artifact-name", "..\\..\\" + MARK));
    reject("artifact-name-commands", "artifact-name", "artifact-name", r -> r.input("artifact-name", "rec" + CMDS));
    reject("artifact-name-oversized", "artifact-name", "artifact-name", r -> r.input("artifact-name", "a".repeat(300)));
    neutral("artifact-name-percent-encoded", "artifact-name", r -> r.input("artifact-name", "%2e%2e%2f" + MARK));
    reject("vault-foreign-host", "vault", "vault", rotation("https://evil.example/" + MARK, "db-password"));
    reject("vault-traversal", "vault", "vault", rotation("kv-jit-demo/../../" + MARK, "db-password"));
    reject("secrets-traversal", "secrets", "secrets", rotation("kv-jit-demo", "../keys/" + MARK));
    reject("secrets-commands", "secrets", "secrets", rotation("kv-jit-demo", "db-password" + CMDS));
    reject("secret-value-env-unset", "secret-value-env", "secret-value-env", r -> {
      rotation("kv-jit-demo", "db-password").apply(r);
      r.input("secret-value-env", MARK + "_NOT_SET");
    });
    reject("secret-value-env-commands", "secret-value-env", "secret-value-env", r -> {
      rotation("kv-jit-demo", "db-password").apply(r);
      r.input("secret-value-env", "X" + CMDS);
    });
    reject("validate-url-plain-http", "validate-url", "validate-url", r -> {
      rotation("kv-jit-demo", "db-password").apply(r);
      r.input("validate-url", "http://evil.example/" + MARK);
    });
    reject("validate-url-file", "validate-url", "validate-url", r -> {
      rotation("kv-jit-demo", "db-password").apply(r);
      r.input("validate-url", "file:///etc/passwd#" + MARK);
    });
    reject("validate-url-garbage", "validate-url", "validate-url", r -> {
      rotation("kv-jit-demo", "db-password").apply(r);
      r.input("validate-url", "ht tp://" + MARK + "\n::error::x");
    });
    reject("cloud-profile-traversal", "cloud-profile", "cloud-profile", r -> r.input("cloud-profile", "../../../../../../etc/passwd"));
    reject("cloud-profile-absolute-missing", "cloud-profile", "cloud-profile", r -> r.input("cloud-profile", "/nonexistent/" + MARK + ".json"));
    reject("principal-id-malformed", "principal-id", "principal-id", r -> r.input("principal-id", "not-a-guid " + MARK));
    reject("principal-id-odata", "principal-id", "principal-id",
        r -> r.input("principal-id", "00000000-0000-4000-8000-000000000000' or 1 eq 1 or '" + MARK));
    reject("principal-id-fullwidth-digit", "principal-id", "principal-id",
        r -> r.input("principal-id", "a11ce000-0000-4000-8000-00000000000\uFF11"));
    reject("client-id-commands", "client-id", "client-id", r -> r.input("client-id", RunnerWorld.CI_APP + CMDS));
    reject("client-id-confusable", "client-id", "client-id", r -> r.input("client-id", "\u04411c1c1c1-0000-4000-8000-0000000000a1"));
    reject("tenant-id-path", "tenant-id", "tenant-id", r -> r.input("tenant-id", "../../" + MARK));
    reject("dry-run-garbage", "dry-run", "dry-run", r -> r.input("dry-run", "yes please ::error::" + MARK));
    reject("target-commands", "target", "target", r -> r.input("target", "owner::set-output name=x::" + MARK));
    cases.add(new HostileCase("process/role-workflow-commands", "role", Drive.ACTION_PROCESS,
        r -> r.input("role", "Owner" + CMDS), List.of(), "role", 2));
    cases.add(new HostileCase("process/artifact-name-dotdot", "artifact-name", Drive.ACTION_PROCESS,
        r -> r.input("artifact-name", "../../" + MARK), List.of(), "artifact-name", 2));
    cases.add(new HostileCase("process/pr-title-commands", "PR title", Drive.ACTION_PROCESS, r -> {
      r.event("pull_request", Fixtures.pullRequestTitled("Fix" + CMDS));
      r.input("revoke", "after-operation");
    }, List.of(), null, 0));
  }

  private void eventFields() {
    neutralReal("event-pr-title-commands", "PR title", r -> r.event("pull_request", Fixtures.pullRequestTitled("Fix" + CMDS)));
    neutral("event-pr-body-commands", "PR body", r -> r.event("pull_request", event("pull_request",
        e -> ((ObjectNode) e.path("pull_request")).put("body", "body" + CMDS))));
    neutral("event-head-branch-commands", "head branch", r -> r.event("pull_request", event("pull_request",
        e -> ((ObjectNode) e.path("pull_request").path("head")).put("ref", "feature/x" + CMDS))));
    neutral("event-sender-login-commands", "actor (sender login)", r -> r.env("GITHUB_ACTOR", "octocat" + CMDS)
        .event("pull_request", event("pull_request", e -> ((ObjectNode) e.path("sender")).put("login", "\u001B[31moctocat" + CMDS))));
    neutralReal("event-commit-message-commands", "commit message", r -> r.event("push", event("push",
        e -> ((ObjectNode) e.path("head_commit")).put("message", "Fix\n::stop-commands::" + MARK + CMDS + "\nEOF\n" + MARK))));
    neutral("event-release-name-commands", "release name", r -> r.event("release", event("release", e -> ((ObjectNode) e.path("release"))
        .put("tag_name", "v1" + CMDS).put("name", "Release" + CMDS))));
    neutral("event-workflow-dispatch-inputs", "workflow_dispatch inputs", r -> r.event("workflow_dispatch",
        event("workflow_dispatch", e -> ((ObjectNode) e.path("inputs")).put("reason", "go" + CMDS).put(MARK + "\n::error::x", "y"))));
    reject("event-file-not-json", "event file", "GITHUB_EVENT_PATH", r -> r.event("push", "{not json " + CMDS));
  }

  private void cliOptions() {
    cli("cli/duration-legacy-command", "--duration", 2, "--duration", "##[error]" + MARK);
    cli("cli/duration-negative", "--duration", 2, "--duration", "-5m");
    cli("cli/target-ansi", "--target", 2, "--target", "\u001B[31m" + MARK + "::error::x");
    cli("cli/role-commands", "--role", 2, "--role", "Owner" + CMDS);
    cli("cli/scope-traversal", "--scope", 2, "--scope", RunnerWorld.SCOPE + "/../../" + MARK);
    cli("cli/principal-malformed", "--principal-id", 2, "--principal-id", "x" + CMDS);
    cli("cli/pr-commands", "--pr", 2, "--pr", "https://github.com/contoso/payments/pull/42" + CMDS);
    cli("cli/ticket-oversized", "--ticket-number", 2, "--ticket-number", "T".repeat(5000) + MARK);
    cli("cli/broker-client-id-confusable", "--broker-client-id", 2, "--broker-client-id", "\u0441" + RunnerWorld.BROKER_APP.substring(1));
    cli("cli/justification-ansi-only", null, 0, "--justification", "rotate " + MARK + " \u200B\u202E");
    cli("cli/strategy-commands", "--strategy", 2, "--strategy", "broker" + CMDS);
    cli("cli/justification-commands", "--justification", 2, "--justification", "rotate" + CMDS + "\u001B[2J");
    cases.add(new HostileCase("cli-jar/duration-legacy-command", "--duration", Drive.CLI_JAR, r -> {},
        List.of("--duration", "##[error]" + MARK + "\u001B[31m"), "--duration", 2));
    cases.add(new HostileCase("cli-jar/justification-commands", "--justification", Drive.CLI_JAR, r -> {},
        List.of("--justification", "rotate" + CMDS), "--justification", 2));
  }

  private void cli(String id, String option, int exit, String... args) {
    cases.add(new HostileCase(id, args[0], Drive.CLI, r -> {}, List.of(args), option, exit));
  }

  private static Setup asGroup(String group) {
    return r -> r.input("target", "group").input("role", "").input("scope", "").input("group", group);
  }

  private static Setup rotation(String vault, String secrets) {
    return r -> r.input("operation", "keyvault-rotate").input("vault", vault).input("secrets", secrets);
  }

  private static String event(String fixture, Consumer<ObjectNode> change) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(Fixtures.event(fixture));
      change.accept(root);
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
