package dev.jitelevate.core.keyvault;

/** What a rotation does when a target secret does not exist yet. */
public enum MissingSecretPolicy {
  /** Write the first version. */
  CREATE,
  /** Stop before writing anything, saying which secret is missing. */
  REFUSE
}
