package dev.jitelevate.runner.broker;

/** An ID token failed verification: an authentication error naming the check that failed. Never holds the token. */
public final class TokenVerificationException extends RuntimeException {
  private final TokenCheck check;

  TokenVerificationException(TokenCheck check, String detail) {
    super("ID token verification failed (" + check.label() + "): " + detail);
    this.check = check;
  }

  /** The check that failed. */
  public TokenCheck check() {
    return check;
  }
}
