package dev.jitelevate.core;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a person's tokens are kept between commands. {@link #memory()} keeps them for one command only;
 * {@link #persistent} uses azure-identity's token cache persistence (the OS keyring: Keychain, DPAPI, libsecret)
 * and remembers the signed-in account (its name and ids, never a token) in {@code accountFile}, so the next
 * command signs in silently. Without a keyring the cache falls back to memory with a note, unless the user
 * allowed an unencrypted cache file.
 *
 * @param accountFile the account record's file; empty for a cache of one command
 * @param allowUnencrypted whether the cache may be a plain file when no keyring is available
 */
public record PersonTokenCache(Optional<Path> accountFile, boolean allowUnencrypted) {
  /** The cache's name in the keyring or cache directory. */
  public static final String NAME = "jit-elevate";

  public PersonTokenCache {
    Objects.requireNonNull(accountFile, "accountFile");
  }

  /** Tokens for this command only. */
  public static PersonTokenCache memory() {
    return new PersonTokenCache(Optional.empty(), false);
  }

  /** Tokens kept across commands, the account remembered in the file. */
  public static PersonTokenCache persistent(Path accountFile, boolean allowUnencrypted) {
    return new PersonTokenCache(Optional.of(accountFile), allowUnencrypted);
  }

  public boolean persists() {
    return accountFile.isPresent();
  }
}
