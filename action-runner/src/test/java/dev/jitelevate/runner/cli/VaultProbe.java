package dev.jitelevate.runner.cli;

import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.SecretClientBuilder;
import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.Credentials;
import dev.jitelevate.core.CloudHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The command the elevate ITs run under the elevation: signs in as the workload identity of the environment
 * (AZURE_CLIENT_ID + AZURE_FEDERATED_TOKEN_FILE), reads a Key Vault secret — which only works while elevated —
 * and reports what it saw, never the value. Usage: {@code VaultProbe PROFILE VAULT SECRET [EXIT_CODE]}.
 */
public final class VaultProbe {
  private VaultProbe() {}

  public static void main(String[] args) {
    CloudProfile cloud = CloudProfile.load(Path.of(args[0]));
    Path tokenFile = Path.of(System.getenv("AZURE_FEDERATED_TOKEN_FILE"));
    var credential = Credentials.clientAssertion(cloud, System.getenv("AZURE_TENANT_ID"), System.getenv("AZURE_CLIENT_ID"),
        () -> read(tokenFile)).newCredential();
    SecretClient client = new SecretClientBuilder().vaultUrl(cloud.vaultUrl(args[1]).toString()).credential(credential)
        .httpClient(CloudHttp.azureHttpClient(cloud)).disableChallengeResourceVerification().buildClient();
    System.out.println("elevation request: " + System.getenv("JIT_ELEVATE_REQUEST_ID"));
    System.out.println("broker secret visible: " + (System.getenv(Env.BROKER_SECRET) != null));
    try {
      String value = client.getSecret(args[2]).getValue();
      System.out.println("read " + args[2] + ": " + value.length() + " characters");
    } catch (RuntimeException e) {
      System.out.println("cannot read " + args[2] + ": " + e.getClass().getSimpleName());
      System.exit(42);
    }
    System.exit(args.length > 3 ? Integer.parseInt(args[3]) : 0);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
