package dev.jitelevate.runner.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** How to sign in and which cloud to talk to. Mixed in by every command that calls Azure. */
public final class SignInOptions {
  @Option(names = "--auth", paramLabel = "MODE", defaultValue = "azure-cli", converter = Converters.AuthConverter.class,
      description = "How you sign in: azure-cli (default, your 'az login'), device-code, environment "
          + "(AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET or AZURE_FEDERATED_TOKEN_FILE), managed-identity.")
  AuthMode auth;

  @ArgGroup(exclusive = true)
  CloudChoice cloud = new CloudChoice();

  @Option(names = "--tenant", paramLabel = "ID", description = "The tenant (directory) id; default: the cloud profile's or your sign-in's.")
  String tenant;

  @Option(names = "--client-id", paramLabel = "ID",
      description = "The public client app for device-code, or the client id of a user-assigned managed identity.")
  String clientId;

  @Option(names = "--broker-client-id", paramLabel = "ID",
      description = "The broker app (broker and rbac strategies); its secret is read from the environment variable "
          + Env.BROKER_SECRET + ", never from an argument.")
  String brokerClientId;

  @Option(names = "--token-cache", paramLabel = "WHERE", defaultValue = "persistent",
      description = "device-code: persistent (default: the OS keyring, so you sign in once, not once a command) or "
          + "memory (this command only).")
  String tokenCache;

  @Option(names = "--allow-unencrypted-token-cache",
      description = "device-code: where no keyring is available, keep the persistent token cache in a plain file "
          + "readable only by you.")
  boolean allowUnencryptedTokenCache;

  @Option(names = "--no-step-up",
      description = "device-code: when a role's policy requires a Conditional Access authentication context, fail "
          + "naming the rule instead of signing you in once more with the claims challenge.")
  boolean noStepUp;

  @Option(names = "--minimum-active-duration", hidden = true, converter = Converters.DurationConverter.class,
      defaultValue = "5m", description = "The service's deactivation floor (5m in Azure; lower only for an emulator).")
  Duration minimumActiveDuration;

  /** Either a well-known cloud by name or a cloud profile file. */
  static final class CloudChoice {
    @Option(names = "--cloud", paramLabel = "NAME",
        description = "azurecloud (default), azurechinacloud or azureusgovernment.")
    String name;

    @Option(names = "--cloud-profile", paramLabel = "FILE",
        description = "A cloud profile JSON file for any other cloud (or the emulator's --profile-out).")
    Path profile;
  }

  public AuthMode auth() {
    return auth;
  }

  public Optional<String> tenant() {
    return Optional.ofNullable(tenant).filter(t -> !t.isBlank());
  }

  public Optional<String> clientId() {
    return Optional.ofNullable(clientId).filter(t -> !t.isBlank());
  }

  public Optional<String> brokerClientId() {
    return Optional.ofNullable(brokerClientId).filter(t -> !t.isBlank());
  }

  public Optional<String> cloudName() {
    return Optional.ofNullable(cloud.name);
  }

  public Optional<Path> cloudProfile() {
    return Optional.ofNullable(cloud.profile);
  }

  /** Whether --token-cache asks for the persistent cache; anything but persistent/memory is bad input. */
  public boolean persistentTokenCache() {
    String value = tokenCache == null ? "persistent" : tokenCache.trim().toLowerCase(java.util.Locale.ROOT);
    if (!value.equals("persistent") && !value.equals("memory")) {
      throw new CliInputException("--token-cache", "'" + tokenCache + "' is not a token cache.",
          "Use --token-cache persistent or --token-cache memory.");
    }
    return value.equals("persistent");
  }

  /** Whether a person may be signed in once more for an authentication context (not with --no-step-up). */
  public boolean stepUp() {
    return !noStepUp;
  }

  public boolean allowUnencryptedTokenCache() {
    return allowUnencryptedTokenCache;
  }

  public Duration minimumActiveDuration() {
    return minimumActiveDuration;
  }
}
