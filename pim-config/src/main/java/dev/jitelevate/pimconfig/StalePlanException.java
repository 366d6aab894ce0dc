package dev.jitelevate.pimconfig;

/** A saved plan no longer matches the tenant: it changed since the plan was made, so apply refuses it. */
public final class StalePlanException extends RuntimeException {
  public StalePlanException(String file) {
    super("The saved plan for " + file + " is stale: the tenant changed since it was made. "
        + "Run `jit-elevate pim plan` again, review it, and apply the new plan.");
  }
}
