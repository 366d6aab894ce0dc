package dev.jitelevate.emulator.keyvault;

import static dev.jitelevate.emulator.keyvault.DataActions.DELETE;
import static dev.jitelevate.emulator.keyvault.DataActions.PURGE;
import static dev.jitelevate.emulator.keyvault.DataActions.READ_METADATA;
import static dev.jitelevate.emulator.keyvault.DataActions.RECOVER;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.EmulatorClock;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Soft delete and what follows it: get/list deleted secrets, recover, purge. */
final class DeletedSecretOperations {
  private static final long RETENTION = Duration.ofDays(SecretJson.RECOVERABLE_DAYS).toSeconds();
  private final KeyVaultGate gate;
  private final EmulatorClock clock;

  DeletedSecretOperations(KeyVaultGate gate, EmulatorClock clock) {
    this.gate = gate;
    this.clock = clock;
  }

  /** DELETE /secrets/{name}: moves every version to the deleted secrets. */
  EmulatorResponse delete(KvCall call, String name) {
    Optional<EmulatorResponse> denied = gate.authorize(call.caller(), call.vault(), DELETE, name);
    if (denied.isPresent()) {
      return denied.get();
    }
    return call.vault().delete(name, clock.now().getEpochSecond(), RETENTION)
        .map(d -> EmulatorResponse.json(200, SecretJson.deleted(call.vaultUrl(), d, false)))
        .orElseGet(() -> KeyVaultErrors.secretNotFound(name));
  }

  /** GET /deletedsecrets/{name}. */
  EmulatorResponse get(KvCall call, String name) {
    Optional<EmulatorResponse> denied = gate.authorize(call.caller(), call.vault(), READ_METADATA, name);
    if (denied.isPresent()) {
      return denied.get();
    }
    return call.vault().deleted(name)
        .map(d -> EmulatorResponse.json(200, SecretJson.deleted(call.vaultUrl(), d, false)))
        .orElseGet(() -> KeyVaultErrors.deletedSecretNotFound(name));
  }

  /** GET /deletedsecrets, paged. */
  EmulatorResponse list(KvCall call) {
    Optional<EmulatorResponse> denied = gate.authorize(call.caller(), call.vault(), READ_METADATA, null);
    if (denied.isPresent()) {
      return denied.get();
    }
    Paging paging = Paging.of(call.request());
    List<Vault.DeletedSecret> all = call.vault().deletedSecrets();
    List<ObjectNode> items = paging.slice(all).stream().map(d -> SecretJson.deleted(call.vaultUrl(), d, true)).toList();
    String next = paging.nextLink(all.size(), call.vaultUrl() + "deletedsecrets", call.apiVersion());
    return EmulatorResponse.json(200, SecretJson.page(items, next));
  }

  /** POST /deletedsecrets/{name}/recover: the secret comes back with all its versions. */
  EmulatorResponse recover(KvCall call, String name) {
    Optional<EmulatorResponse> denied = gate.authorize(call.caller(), call.vault(), RECOVER, name);
    if (denied.isPresent()) {
      return denied.get();
    }
    return call.vault().recover(name)
        .map(s -> EmulatorResponse.json(200, SecretJson.bundle(call.vaultUrl(), s.name(), s.latest(), false)))
        .orElseGet(() -> KeyVaultErrors.deletedSecretNotFound(name));
  }

  /** DELETE /deletedsecrets/{name}: gone for good, 204. */
  EmulatorResponse purge(KvCall call, String name) {
    Optional<EmulatorResponse> denied = gate.authorize(call.caller(), call.vault(), PURGE, name);
    if (denied.isPresent()) {
      return denied.get();
    }
    return call.vault().purge(name) ? EmulatorResponse.empty(204) : KeyVaultErrors.deletedSecretNotFound(name);
  }
}
