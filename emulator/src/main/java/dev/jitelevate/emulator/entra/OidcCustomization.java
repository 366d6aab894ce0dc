package dev.jitelevate.emulator.entra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a repository's OIDC customization and a reusable workflow change in the ID tokens: the
 * {@code job_workflow_ref}/{@code job_workflow_sha} of the reusable workflow the job runs in (empty: the
 * caller's own workflow file), and the subject template's {@code include_claim_keys} (empty: GitHub's default
 * subject). As {@code PUT repos/{owner}/{repo}/actions/oidc/customization/sub} sets it.
 *
 * @param jobWorkflowRef e.g. {@code contoso/jit-elevate/.github/workflows/jit-broker.yml@refs/tags/v1}
 * @param jobWorkflowSha the commit of the reusable workflow
 * @param subjectClaimKeys e.g. {@code [repo, context, job_workflow_ref]}
 */
public record OidcCustomization(Optional<String> jobWorkflowRef, Optional<String> jobWorkflowSha,
    List<String> subjectClaimKeys) {
  public OidcCustomization {
    subjectClaimKeys = List.copyOf(subjectClaimKeys);
  }

  /** GitHub's defaults: the job's own workflow, the default subject. */
  public static OidcCustomization none() {
    return new OidcCustomization(Optional.empty(), Optional.empty(), List.of());
  }

  /** The job runs inside the reusable workflow at {@code ref} (commit {@code sha}). */
  public OidcCustomization withReusableWorkflow(String ref, String sha) {
    return new OidcCustomization(Optional.ofNullable(ref), Optional.ofNullable(sha), subjectClaimKeys);
  }

  /** The job runs in the caller's own workflow file again. */
  public OidcCustomization withoutReusableWorkflow() {
    return new OidcCustomization(Optional.empty(), Optional.empty(), subjectClaimKeys);
  }

  /** The subject template's claim keys ({@code repo}, {@code context} or any claim name); empty for the default. */
  public OidcCustomization withSubjectClaims(List<String> keys) {
    return new OidcCustomization(jobWorkflowRef, jobWorkflowSha, keys);
  }

  /** The subject for a token's claims: GitHub's default, or each included key as {@code key:value}, joined by ':'. */
  String subject(GitHubContext job, ObjectNode claims) {
    if (subjectClaimKeys.isEmpty()) {
      return job.subject();
    }
    List<String> parts = new ArrayList<>();
    for (String key : subjectClaimKeys) {
      switch (key) {
        case "repo" -> parts.add("repo:" + job.repository());
        case "context" -> parts.add(job.subject().substring(("repo:" + job.repository() + ":").length()));
        default -> parts.add(key + ":" + Optional.ofNullable(Json.text(claims, key)).orElse(""));
      }
    }
    return String.join(":", parts);
  }

  /** Reads the scenario's {@code github} section: {@code jobWorkflowRef}, {@code jobWorkflowSha}, {@code subjectClaimKeys}. */
  static OidcCustomization from(JsonNode section) {
    List<String> keys = new ArrayList<>();
    section.path("subjectClaimKeys").forEach(k -> keys.add(k.asText()));
    return new OidcCustomization(Optional.ofNullable(Json.text(section, "jobWorkflowRef")),
        Optional.ofNullable(Json.text(section, "jobWorkflowSha")), keys);
  }
}
