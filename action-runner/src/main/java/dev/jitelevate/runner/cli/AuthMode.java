package dev.jitelevate.runner.cli;

import java.util.Locale;

/** How the person (or the machine) signs in. */
public enum AuthMode {
  /** The account of {@code az login} on this machine (the default). */
  AZURE_CLI,
  /** The device code flow: open a URL, type a code. Needs --client-id of a public client app. */
  DEVICE_CODE,
  /**
   * A service principal from the environment, as azure-identity's EnvironmentCredential reads it:
   * {@code AZURE_TENANT_ID}, {@code AZURE_CLIENT_ID} and either {@code AZURE_CLIENT_SECRET} or
   * {@code AZURE_FEDERATED_TOKEN_FILE} (workload identity). Built against the selected cloud and its CA.
   */
  ENVIRONMENT,
  /** The machine's managed identity (a user-assigned one with --client-id). */
  MANAGED_IDENTITY;

  /** The option's spelling: {@code azure-cli}, {@code device-code}, ... */
  public String optionValue() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Reads {@code azure-cli}, {@code device-code}, {@code environment}, {@code managed-identity}. */
  public static AuthMode parse(String text) {
    String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (AuthMode m : values()) {
      if (m.name().equals(t)) {
        return m;
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not a sign-in mode; use azure-cli, device-code, environment or managed-identity.");
  }
}
