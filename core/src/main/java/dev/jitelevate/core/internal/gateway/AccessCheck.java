package dev.jitelevate.core.internal.gateway;

/** One effectiveness check: effective, or not yet with the reason (e.g. "permissions API lacks Microsoft.KeyVault/..."). */
public record AccessCheck(boolean effective, String detail) {
  public static AccessCheck effective(String detail) {
    return new AccessCheck(true, detail);
  }

  public static AccessCheck notYet(String detail) {
    return new AccessCheck(false, detail);
  }
}
