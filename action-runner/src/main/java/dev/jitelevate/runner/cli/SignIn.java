package dev.jitelevate.runner.cli;

import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.CredentialSource;
import dev.jitelevate.core.Credentials;
import dev.jitelevate.core.ElevationListener;
import dev.jitelevate.core.Elevator;
import dev.jitelevate.core.ElevatorBuilder;
import dev.jitelevate.core.PersonTokenCache;
import dev.jitelevate.core.PollingPolicy;
import dev.jitelevate.core.StepUp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Turns the sign-in options and the environment into an {@link Elevator}: the cloud, the tenant, the identity
 * and, when --broker-client-id is given, the broker with its secret from {@value Env#BROKER_SECRET}. Every
 * secret it reads is registered with the redactor before anything can print it.
 */
public final class SignIn {
  private static final java.util.regex.Pattern GUID =
      java.util.regex.Pattern.compile("^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$");
  static final String TENANT = "AZURE_TENANT_ID";
  static final String CLIENT_ID = "AZURE_CLIENT_ID";
  static final String CLIENT_SECRET = "AZURE_CLIENT_SECRET";
  static final String FEDERATED_TOKEN_FILE = "AZURE_FEDERATED_TOKEN_FILE";

  private final SignInOptions options;
  private final Env env;
  private final Console console;
  private final CloudProfile cloud;
  private CredentialSource identity;

  public SignIn(SignInOptions options, Env env, Console console) {
    this.options = options;
    this.env = env;
    this.console = console;
    env.get(Env.BROKER_SECRET).ifPresent(console.redactor()::register);
    env.get(CLIENT_SECRET).ifPresent(console.redactor()::register);
    this.cloud = options.cloudProfile().map(CloudProfile::load)
        .orElseGet(() -> CloudProfile.named(options.cloudName().orElse("azurecloud")));
  }

  public CloudProfile cloud() {
    return cloud;
  }

  /** The elevator for the signed-in identity, reporting to the listener. */
  Elevator elevator(ElevationListener listener) {
    return elevator(listener, dev.jitelevate.core.ActivationRecord.Exposure.DEFAULT_MAX_ACCESS_TOKEN_LIFETIME);
  }

  /** The elevator for the signed-in identity, in a tenant whose access tokens live at most {@code maxTokenLifetime}. */
  Elevator elevator(ElevationListener listener, java.time.Duration maxTokenLifetime) {
    ElevatorBuilder builder = Elevator.builder().cloud(cloud).identity(identity()).listener(listener)
        .polling(PollingPolicy.defaults().withMinimumActiveDuration(options.minimumActiveDuration()))
        .maxAccessTokenLifetime(maxTokenLifetime)
        .replaceSdkSharedExecutor(true); // the CLI owns its process: keep the SDK usable for a revoke on Ctrl-C
    tenant().ifPresent(builder::tenantId);
    broker().ifPresent(builder::broker);
    if (options.stepUp() && identity() instanceof StepUp person) {
      builder.stepUp(person);
    }
    return builder.build();
  }

  /**
   * Refuses at once what this sign-in cannot verify: a directory role or group activation is proven by the
   * {@code wids}/{@code groups} claims of a token issued after it, and the Azure CLI hands back the Graph token
   * it cached before (its app also lacks the PIM Graph scopes, azure-cli#30149): verify would wait out the
   * propagation timeout and then revoke.
   */
  void requireVerifiable(TargetKind target) {
    broker(); // a missing broker secret is the more basic mistake, so it is reported first
    if (options.auth() == AuthMode.AZURE_CLI && target != TargetKind.AZURE_ROLE) {
      throw new CliInputException("--auth", "--auth azure-cli cannot prove a " + target.optionValue()
          + " activation: the Azure CLI returns the Graph token it cached before the activation, and its app lacks "
          + "the PIM Graph scopes.", "Sign in with --auth device-code --client-id {your public client app with the PIM "
          + "Graph scopes} (see docs/cli-sign-in.md), or --auth environment for a service principal.");
    }
  }

  /** The sign-in options another command needs to act as the same identity again (never a secret). */
  String hint() {
    StringBuilder b = new StringBuilder();
    if (options.auth() != AuthMode.AZURE_CLI) {
      b.append(" --auth ").append(options.auth().optionValue());
    }
    options.clientId().ifPresent(id -> b.append(" --client-id ").append(id));
    options.cloudProfile().ifPresent(p -> b.append(" --cloud-profile ").append(quoted(p.toString())));
    options.cloudName().ifPresent(n -> b.append(" --cloud ").append(n));
    options.tenant().ifPresent(t -> b.append(" --tenant ").append(t));
    options.brokerClientId().ifPresent(id -> b.append(" --broker-client-id ").append(id));
    if (options.auth() == AuthMode.DEVICE_CODE && !options.persistentTokenCache()) {
      b.append(" --token-cache memory");
    }
    if (options.allowUnencryptedTokenCache()) {
      b.append(" --allow-unencrypted-token-cache");
    }
    if (!options.minimumActiveDuration().equals(java.time.Duration.ofMinutes(5))) {
      b.append(" --minimum-active-duration ").append(options.minimumActiveDuration().toSeconds()).append('s');
    }
    return b.toString();
  }

  private static String quoted(String value) {
    return value.matches("[A-Za-z0-9_./:@=+-]+") ? value : "'" + value.replace("'", "'\\''") + "'";
  }

  Optional<String> tenant() {
    return options.tenant().or(() -> options.auth() == AuthMode.ENVIRONMENT ? env.get(TENANT) : Optional.empty())
        .or(cloud::defaultTenantId);
  }

  private String requireTenant(String forWhat) {
    return tenant().orElseThrow(() -> new CliInputException("--tenant", forWhat + " needs the tenant id.",
        "Pass --tenant {tenant-id} (or a cloud profile with a tenantId)."));
  }

  /** The signed-in identity's credentials, as chosen by --auth: one sign-in for the whole command. */
  public synchronized CredentialSource identity() {
    if (identity == null) {
      identity = signIn();
    }
    return identity;
  }

  private CredentialSource signIn() {
    switch (options.auth()) {
      case DEVICE_CODE:
        String publicClient = options.clientId().orElseThrow(() -> new CliInputException("--client-id",
            "--auth device-code needs a public client application.", "Pass --client-id {app-id} of a public client app."));
        return Credentials.deviceCode(cloud, tenant().orElse("organizations"), publicClient, console::progress,
            tokenCache(publicClient));
      case ENVIRONMENT:
        return fromEnvironment();
      case MANAGED_IDENTITY:
        return Credentials.managedIdentity(cloud, options.clientId());
      default:
        return Credentials.azureCli(options.tenant());
    }
  }

  private PersonTokenCache tokenCache(String publicClient) {
    if (!options.persistentTokenCache()) {
      return PersonTokenCache.memory();
    }
    return PersonTokenCache.persistent(configDirectory().resolve("account-" + publicClient + ".json"),
        options.allowUnencryptedTokenCache());
  }

  /** {@code $XDG_CONFIG_HOME/jit-elevate}, else {@code ~/.config/jit-elevate}. */
  Path configDirectory() {
    return env.get("XDG_CONFIG_HOME").map(Path::of)
        .orElseGet(() -> Path.of(env.get("HOME").orElse(System.getProperty("user.home")), ".config"))
        .resolve("jit-elevate");
  }

  private CredentialSource fromEnvironment() {
    String tenant = requireTenant("--auth environment");
    String clientId = env.get(CLIENT_ID).orElseThrow(() -> new CliInputException("--auth",
        "--auth environment needs " + CLIENT_ID + ".", "Set " + CLIENT_ID + " (and " + CLIENT_SECRET + " or "
            + FEDERATED_TOKEN_FILE + ") in the environment."));
    Optional<String> secret = env.get(CLIENT_SECRET);
    if (secret.isPresent()) {
      return Credentials.clientSecret(cloud, tenant, clientId, secret.get());
    }
    Path tokenFile = env.get(FEDERATED_TOKEN_FILE).map(Path::of).orElseThrow(() -> new CliInputException("--auth",
        "--auth environment needs " + CLIENT_SECRET + " or " + FEDERATED_TOKEN_FILE + ".",
        "Set one of them in the environment."));
    return Credentials.clientAssertion(cloud, tenant, clientId, () -> readAssertion(tokenFile));
  }

  /** Read anew for every token: workload identity rotates the file. */
  private String readAssertion(Path file) {
    try {
      String assertion = Files.readString(file).trim();
      console.redactor().register(assertion);
      return assertion;
    } catch (IOException e) {
      throw new CliInputException("--auth", "Cannot read " + FEDERATED_TOKEN_FILE + " " + file + ".",
          "Point it at the projected service account token file.");
    }
  }

  Optional<CredentialSource> broker() {
    Optional<String> brokerId = options.brokerClientId();
    if (brokerId.isEmpty()) {
      return Optional.empty();
    }
    String secret = env.get(Env.BROKER_SECRET).orElseThrow(() -> new CliInputException("--broker-client-id",
        "The broker's secret is missing.", "Set the environment variable " + Env.BROKER_SECRET
            + " (never pass a secret as an argument: arguments are visible to every user in ps)."));
    if (!GUID.matcher(brokerId.get()).matches()) {
      throw new CliInputException("--broker-client-id", "'" + brokerId.get() + "' is not an application (client) id.",
          "Pass the broker app's client id, a GUID such as 00000000-0000-0000-0000-000000000000.");
    }
    return Optional.of(Credentials.clientSecret(cloud, requireTenant("The broker"), brokerId.get(), secret));
  }
}
