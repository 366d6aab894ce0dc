package dev.jitelevate.core.keyvault;

/** How a rotation undoes itself when the validation of a new value fails. The record says which was used. */
public enum RollbackMode {
  /** Write the previous value again as a new version, so readers of "latest" get the old value back. */
  RESTORE_PREVIOUS,
  /** Disable the new version; reading "latest" then fails until someone intervenes. */
  DISABLE_NEW,
  /** Leave the new version in place and report the failure. */
  NONE
}
