package dev.jitelevate.emulator.entra;

/** What a grant produced: a token response body, or an OAuth error. Exactly one is set. */
record TokenResult(com.fasterxml.jackson.databind.node.ObjectNode body, OAuthError error) {
  static TokenResult ok(com.fasterxml.jackson.databind.node.ObjectNode body) {
    return new TokenResult(body, null);
  }

  static TokenResult fail(OAuthError error) {
    return new TokenResult(null, error);
  }
}
