package dev.jitelevate.emulator.keyvault;

import dev.jitelevate.emulator.kernel.Caller;
import dev.jitelevate.emulator.kernel.EmulatorRequest;
import java.util.regex.Pattern;

/**
 * One authenticated call to a vault.
 *
 * @param request the HTTP request
 * @param path its parsed path
 * @param vault the vault addressed
 * @param caller who is calling
 * @param apiVersion the api-version used (echoed in nextLinks)
 * @param vaultUrl the vault's URL with a trailing slash, the prefix of every id
 */
record KvCall(EmulatorRequest request, KvPath path, Vault vault, Caller caller, String apiVersion, String vaultUrl) {
  static final Pattern NAME = Pattern.compile("^[0-9a-zA-Z-]{1,127}$");

  /** Whether a secret name is valid for Key Vault. */
  static boolean validName(String name) {
    return name != null && NAME.matcher(name).matches();
  }
}
