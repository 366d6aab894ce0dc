package dev.jitelevate.runner.doctor;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A federated identity credential of an application, as Graph lists it.
 *
 * @param appId the application (client) id it belongs to
 * @param id the credential's id
 * @param name its name
 * @param issuer the trusted issuer
 * @param subject the trusted subject
 * @param audiences the trusted audiences
 */
record FederatedCredential(String appId, String id, String name, String issuer, String subject, List<String> audiences) {
  static final String GITHUB_ISSUER = "https://token.actions.githubusercontent.com";
  private static final Pattern ENVIRONMENT = Pattern.compile("(^|:)environment:[^:]+");
  private static final Pattern JOB_WORKFLOW_REF = Pattern.compile("(^|:)job_workflow_ref:[^:]+");

  FederatedCredential {
    audiences = List.copyOf(audiences);
  }

  /** Whether a token Entra accepts for this credential would be accepted for the other one too. */
  boolean sharesSubjectWith(FederatedCredential other) {
    return normalized(issuer).equals(normalized(other.issuer)) && subject.equals(other.subject)
        && audiences.stream().anyMatch(a -> other.audiences.stream().anyMatch(a::equalsIgnoreCase));
  }

  /** Whether GitHub Actions issues the tokens it trusts (the default issuer or an enterprise's own path under it). */
  boolean fromGitHubActions() {
    String i = normalized(issuer);
    return i.equals(GITHUB_ISSUER) || i.startsWith(GITHUB_ISSUER + "/");
  }

  boolean namesEnvironment() {
    return ENVIRONMENT.matcher(subject).find();
  }

  boolean namesJobWorkflowRef() {
    return JOB_WORKFLOW_REF.matcher(subject).find();
  }

  /** The credential for messages: its name and subject. */
  String describe() {
    return "'" + name + "' (subject " + subject + ")";
  }

  private static String normalized(String url) {
    String t = url.strip().toLowerCase(Locale.ROOT);
    return t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
  }
}
