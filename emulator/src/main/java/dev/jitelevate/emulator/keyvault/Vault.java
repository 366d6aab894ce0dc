package dev.jitelevate.emulator.keyvault;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One vault's secrets: for each name its versions in creation order, plus soft-deleted secrets. Names are
 * case-insensitive, as in Key Vault. Thread-safe (every method locks the vault).
 */
final class Vault {
  private final String name;
  private final String scope;
  private final String location;
  private final Map<String, Secret> secrets = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final Map<String, DeletedSecret> deleted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  /** A secret's name (as first written) and its versions, oldest first. */
  record Secret(String name, List<SecretVersion> versions) {
    Secret {
      versions = List.copyOf(versions);
    }

    SecretVersion latest() {
      return versions.get(versions.size() - 1);
    }

    Optional<SecretVersion> version(String id) {
      return versions.stream().filter(v -> v.version().equalsIgnoreCase(id)).findFirst();
    }
  }

  /** A soft-deleted secret with its deletion and scheduled purge times (epoch seconds). */
  record DeletedSecret(Secret secret, long deletedDate, long scheduledPurgeDate) {}

  Vault(String name, String scope, String location) {
    this.name = name;
    this.scope = scope;
    this.location = location;
  }

  String name() {
    return name;
  }

  /** The ARM resource id, the scope of RBAC checks. */
  String scope() {
    return scope;
  }

  String location() {
    return location;
  }

  synchronized Optional<Secret> secret(String secretName) {
    return Optional.ofNullable(secrets.get(secretName));
  }

  synchronized List<Secret> secrets() {
    return new ArrayList<>(secrets.values());
  }

  synchronized boolean isDeleted(String secretName) {
    return deleted.containsKey(secretName);
  }

  /** Appends a version, creating the secret when it is new. */
  synchronized Secret add(String secretName, SecretVersion version) {
    Secret existing = secrets.get(secretName);
    List<SecretVersion> versions = new ArrayList<>(existing == null ? List.of() : existing.versions());
    versions.add(version);
    Secret updated = new Secret(existing == null ? secretName : existing.name(), versions);
    secrets.put(secretName, updated);
    return updated;
  }

  /** Replaces one version (after a PATCH). */
  synchronized void replace(String secretName, SecretVersion version) {
    Secret existing = secrets.get(secretName);
    List<SecretVersion> versions = new ArrayList<>(existing.versions());
    versions.replaceAll(v -> v.version().equals(version.version()) ? version : v);
    secrets.put(secretName, new Secret(existing.name(), versions));
  }

  /** Moves a secret to the deleted secrets. */
  synchronized Optional<DeletedSecret> delete(String secretName, long now, long retentionSeconds) {
    Secret existing = secrets.remove(secretName);
    if (existing == null) {
      return Optional.empty();
    }
    DeletedSecret entry = new DeletedSecret(existing, now, now + retentionSeconds);
    deleted.put(secretName, entry);
    return Optional.of(entry);
  }

  synchronized Optional<DeletedSecret> deleted(String secretName) {
    return Optional.ofNullable(deleted.get(secretName));
  }

  synchronized List<DeletedSecret> deletedSecrets() {
    return new ArrayList<>(deleted.values());
  }

  /** Restores a deleted secret with all its versions. */
  synchronized Optional<Secret> recover(String secretName) {
    DeletedSecret entry = deleted.remove(secretName);
    if (entry == null) {
      return Optional.empty();
    }
    secrets.put(secretName, entry.secret());
    return Optional.of(entry.secret());
  }

  /** Removes a deleted secret for good. */
  synchronized boolean purge(String secretName) {
    return deleted.remove(secretName) != null;
  }
}
