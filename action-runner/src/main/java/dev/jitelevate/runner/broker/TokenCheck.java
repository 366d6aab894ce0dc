package dev.jitelevate.runner.broker;

/** What a token verification checks; a failure names the first one that failed. */
public enum TokenCheck {
  FORMAT("the token is not a signed JWT"),
  SIGNATURE("signature"),
  ISSUER("issuer"),
  AUDIENCE("audience"),
  EXPIRY("expiry"),
  KEYS("the issuer's keys (JWKS) cannot be read");

  private final String label;

  TokenCheck(String label) {
    this.label = label;
  }

  /** How messages name the check. */
  public String label() {
    return label;
  }
}
