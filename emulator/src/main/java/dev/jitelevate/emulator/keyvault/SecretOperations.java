package dev.jitelevate.emulator.keyvault;

import static dev.jitelevate.emulator.keyvault.DataActions.GET_SECRET;
import static dev.jitelevate.emulator.keyvault.DataActions.READ_METADATA;
import static dev.jitelevate.emulator.keyvault.DataActions.SET_SECRET;
import static dev.jitelevate.emulator.keyvault.DataActions.UPDATE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.EmulatorClock;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The secrets operations: set, get (latest or a version), list versions, update, list. */
final class SecretOperations {
  private final KeyVaultGate gate;
  private final EmulatorClock clock;

  SecretOperations(KeyVaultGate gate, EmulatorClock clock) {
    this.gate = gate;
    this.clock = clock;
  }

  /** PUT /secrets/{name}: always a new version. */
  EmulatorResponse set(KvCall call, String name) {
    Optional<EmulatorResponse> denied = gate.authorize(call.caller(), call.vault(), SET_SECRET, name);
    if (denied.isPresent()) {
      return denied.get();
    }
    JsonNode body = call.request().bodyJson();
    SecretPatch patch = SecretBodies.patch(body);
    String value = SecretBodies.value(body);
    if (call.vault().isDeleted(name)) {
      return KeyVaultErrors.deletedButRecoverable(name);
    }
    long now = now();
    SecretVersion version = new SecretVersion(UUID.randomUUID().toString().replace("-", ""), value,
        patch.contentType(), patch.tags() == null ? Map.of() : patch.tags(),
        patch.enabled() == null || patch.enabled(), patch.notBefore(), patch.expires(), now, now);
    Vault.Secret secret = call.vault().add(name, version);
    return EmulatorResponse.json(200, SecretJson.bundle(call.vaultUrl(), secret.name(), version, true));
  }

  /** GET /secrets/{name}[/{version}]; a disabled version cannot be read. */
  EmulatorResponse get(KvCall call, String name, String versionId) {
    Optional<EmulatorResponse> denied = gate.authorize(call.caller(), call.vault(), GET_SECRET, name);
    if (denied.isPresent()) {
      return denied.get();
    }
    Optional<String> badOutContentType = OutContentType.refusal(call);
    if (badOutContentType.isPresent()) {
      return KeyVaultErrors.badParameter(badOutContentType.get());
    }
    Optional<Vault.Secret> secret = call.vault().secret(name);
    Optional<SecretVersion> version = secret.flatMap(s -> versionId == null ? Optional.of(s.latest()) : s.version(versionId));
    if (version.isEmpty()) {
      return KeyVaultErrors.secretNotFound(versionId == null ? name : name + "/" + versionId);
    }
    if (!version.get().enabled()) {
      return KeyVaultErrors.disabled("get");
    }
    return EmulatorResponse.json(200, SecretJson.bundle(call.vaultUrl(), secret.get().name(), version.get(), true));
  }

  /** PATCH /secrets/{name}[/{version}]: attributes, content type and tags; never the value. */
  EmulatorResponse update(KvCall call, String name, String versionId) {
    Optional<EmulatorResponse> denied = gate.authorize(call.caller(), call.vault(), UPDATE, name);
    if (denied.isPresent()) {
      return denied.get();
    }
    SecretPatch patch = SecretBodies.patch(call.request().bodyJson());
    Optional<Vault.Secret> secret = call.vault().secret(name);
    Optional<SecretVersion> version = secret.flatMap(s -> versionId == null ? Optional.of(s.latest()) : s.version(versionId));
    if (version.isEmpty()) {
      return KeyVaultErrors.secretNotFound(versionId == null ? name : name + "/" + versionId);
    }
    SecretVersion updated = version.get().updated(patch, now());
    call.vault().replace(name, updated);
    return EmulatorResponse.json(200, SecretJson.bundle(call.vaultUrl(), secret.get().name(), updated, false));
  }

  /** GET /secrets/{name}/versions: paged, no values; an unknown name yields an empty list. */
  EmulatorResponse versions(KvCall call, String name) {
    Optional<EmulatorResponse> denied = gate.authorize(call.caller(), call.vault(), READ_METADATA, name);
    if (denied.isPresent()) {
      return denied.get();
    }
    Paging paging = Paging.of(call.request());
    Optional<Vault.Secret> secret = call.vault().secret(name);
    List<SecretVersion> all = secret.map(Vault.Secret::versions).orElse(List.of());
    String secretName = secret.map(Vault.Secret::name).orElse(name);
    List<ObjectNode> items = paging.slice(all).stream()
        .map(v -> SecretJson.versionItem(call.vaultUrl(), secretName, v)).toList();
    String next = paging.nextLink(all.size(), call.vaultUrl() + "secrets/" + secretName + "/versions", call.apiVersion());
    return EmulatorResponse.json(200, SecretJson.page(items, next));
  }

  /** GET /secrets: the secrets with their latest version's attributes, paged. */
  EmulatorResponse list(KvCall call) {
    Optional<EmulatorResponse> denied = gate.authorize(call.caller(), call.vault(), READ_METADATA, null);
    if (denied.isPresent()) {
      return denied.get();
    }
    Paging paging = Paging.of(call.request());
    List<Vault.Secret> all = call.vault().secrets();
    List<ObjectNode> items = paging.slice(all).stream().map(s -> SecretJson.secretItem(call.vaultUrl(), s)).toList();
    String next = paging.nextLink(all.size(), call.vaultUrl() + "secrets", call.apiVersion());
    return EmulatorResponse.json(200, SecretJson.page(items, next));
  }

  private long now() {
    return clock.now().getEpochSecond();
  }
}
