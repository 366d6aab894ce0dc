package dev.jitelevate.core;

import com.azure.core.credential.TokenCredential;

/**
 * Makes credentials for one identity. Each call returns a credential whose tokens are issued after the call
 * (a new credential with an empty token cache, or for a person a view of the one sign-in that refreshes):
 * the verify step relies on this, because directory-role ({@code wids}) and group claims are fixed when a
 * token is issued.
 */
@FunctionalInterface
public interface CredentialSource {
  TokenCredential newCredential();
}
