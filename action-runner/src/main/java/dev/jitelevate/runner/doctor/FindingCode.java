package dev.jitelevate.runner.doctor;

import java.util.Locale;

/** What {@code jit-elevate doctor} can find wrong in a broker set-up; the code is the constant in kebab case. */
public enum FindingCode {
  /** The broker trusts a federated subject a workload identity trusts too: that job's steps can sign in as the broker. */
  SHARED_SUBJECT,
  /** A broker credential's GitHub subject has no {@code environment}: no environment's reviewers gate the broker. */
  BROKER_SUBJECT_WITHOUT_ENVIRONMENT,
  /** A broker credential's GitHub subject has no {@code job_workflow_ref}: any workflow of the repository matches. */
  BROKER_SUBJECT_WITHOUT_JOB_WORKFLOW_REF,
  /** The broker holds Owner or User Access Administrator, or RBAC Administrator without a condition. */
  BROKER_ROLE_TOO_BROAD,
  /** The broker's condition lets it assign roles the policy never grants. */
  BROKER_CONDITION_TOO_BROAD,
  /** The broker's condition does not let it assign a role the policy grants: such a grant would fail. */
  BROKER_CONDITION_MISSES_ROLE,
  /** The broker's role assignment is at a scope above every scope prefix of the policy. */
  BROKER_SCOPE_TOO_BROAD,
  /** The broker holds no role that may assign roles where the policy grants them. */
  BROKER_CANNOT_ASSIGN,
  /** The broker lacks the Graph application permission the policy's directory-role or group rules need. */
  GRAPH_PERMISSION_MISSING,
  /** A role of the policy is not a role definition of the subscription. */
  POLICY_ROLE_UNKNOWN;

  /** The code as printed and in {@code --json}: {@code shared-subject}, … */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
