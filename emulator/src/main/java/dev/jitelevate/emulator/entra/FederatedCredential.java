package dev.jitelevate.emulator.entra;

import java.util.List;

/** A federated identity credential of an application: tokens from {@code issuer} about {@code subject} for one of {@code audiences}. */
record FederatedCredential(String name, String issuer, String subject, List<String> audiences) {
  FederatedCredential {
    audiences = List.copyOf(audiences);
  }

  /** Entra matches issuer, subject and audience exactly (case-sensitive). */
  boolean matches(String assertionIssuer, String assertionSubject, List<String> assertionAudiences) {
    return issuer.equals(assertionIssuer) && subject.equals(assertionSubject)
        && assertionAudiences.stream().anyMatch(audiences::contains);
  }
}
