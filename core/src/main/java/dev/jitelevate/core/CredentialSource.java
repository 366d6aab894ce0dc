package dev.jitelevate.core;

import com.azure.core.credential.TokenCredential;

/**
 * Makes credentials for one identity. Each call returns a new credential with an empty token cache, so a
 * token acquired through it is issued now: the verify step relies on this, because directory-role
 * ({@code wids}) and group claims are fixed when a token is issued.
 */
@FunctionalInterface
public interface CredentialSource {
  TokenCredential newCredential();
}
