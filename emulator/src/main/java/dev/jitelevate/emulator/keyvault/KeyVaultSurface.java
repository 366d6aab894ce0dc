package dev.jitelevate.emulator.keyvault;

import dev.jitelevate.emulator.kernel.EmulatorContext;
import dev.jitelevate.emulator.kernel.EmulatorRequest;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.MalformedBodyException;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.emulator.kernel.Surface;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Key Vault secrets (api-version 7.4 to 7.6 and 2025-07-01) for the vaults of the scenario, at {@code {baseUrl}kv/{vault}/}:
 * the challenge-based 401, RBAC data actions with propagation, versions, soft delete, paging and the real
 * service's error envelope. An unknown vault answers 404 {@code VaultNotFound} (the real service fails in DNS).
 */
public final class KeyVaultSurface implements Surface {
  static final Set<String> API_VERSIONS = Set.of("7.4", "7.5", "7.6", "2025-07-01");
  private static final String SERVICE_VERSION = "1.9.0.0-jit-emulator";

  private final EmulatorContext context;
  private final KeyVaultGate gate;
  private final SecretRoutes routes;
  private volatile Map<String, Vault> vaults = Map.of();

  public KeyVaultSurface(EmulatorContext context) {
    this.context = context;
    this.gate = new KeyVaultGate(context);
    this.routes = new SecretRoutes(new SecretOperations(gate, context.clock()),
        new DeletedSecretOperations(gate, context.clock()));
  }

  @Override
  public String name() {
    return "keyvault";
  }

  @Override
  public boolean owns(EmulatorRequest request) {
    return request.path().startsWith(KvPath.PREFIX);
  }

  @Override
  public EmulatorResponse handle(EmulatorRequest request) {
    KvPath path = KvPath.parse(request.path());
    Vault vault = vaults.get(path.vault().toLowerCase(Locale.ROOT));
    if (vault == null) {
      return KeyVaultErrors.vaultNotFound(path.vault());
    }
    return withServiceHeaders(serve(request, path, vault), vault.location());
  }

  @Override
  public EmulatorResponse error(int status, String code, String message) {
    return KeyVaultErrors.of(status, code, message);
  }

  @Override
  public void load(Scenario scenario) {
    vaults = VaultLoader.load(scenario, context.clock().now().getEpochSecond());
  }

  /** The vaults' names, for tests and the admin API. */
  public List<String> vaultNames() {
    return vaults.values().stream().map(Vault::name).sorted().toList();
  }

  private EmulatorResponse serve(EmulatorRequest request, KvPath path, Vault vault) {
    KeyVaultGate.Admission admission = gate.authenticate(request);
    if (admission.refusal() != null) {
      return admission.refusal();
    }
    String apiVersion = request.queryParam("api-version").orElse("");
    if (!API_VERSIONS.contains(apiVersion)) {
      return KeyVaultErrors.unsupportedVersion(apiVersion.isEmpty() ? "none" : apiVersion);
    }
    String vaultUrl = context.baseUrl() + "kv/" + vault.name() + "/";
    KvCall call = new KvCall(request, path, vault, admission.caller(), apiVersion, vaultUrl);
    try {
      return routes.route(call);
    } catch (MalformedBodyException | SecretBodies.BadBodyException e) {
      return KeyVaultErrors.badParameter(e.getMessage());
    }
  }

  private static EmulatorResponse withServiceHeaders(EmulatorResponse response, String region) {
    return response
        .withHeader("Cache-Control", "no-cache")
        .withHeader("x-ms-keyvault-region", region)
        .withHeader("x-ms-keyvault-service-version", SERVICE_VERSION);
  }
}
