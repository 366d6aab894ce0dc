package dev.jitelevate.emulator.keyvault;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.Json;
import java.util.List;

/** Renders secret bundles, items and pages in Key Vault's wire shape (epoch-second times). */
final class SecretJson {
  static final String RECOVERY_LEVEL = "Recoverable+Purgeable";
  static final int RECOVERABLE_DAYS = 90;

  private SecretJson() {}

  /** The id of a version: {@code {vaultUrl}secrets/{name}/{version}}. */
  static String versionId(String vaultUrl, String name, SecretVersion version) {
    return vaultUrl + "secrets/" + name + "/" + version.version();
  }

  /** A SecretBundle; {@code withValue} is false for update responses (the value never travels back). */
  static ObjectNode bundle(String vaultUrl, String name, SecretVersion version, boolean withValue) {
    ObjectNode node = Json.object();
    if (withValue) {
      node.put("value", version.value());
    }
    node.put("id", versionId(vaultUrl, name, version));
    describe(node, version);
    return node;
  }

  /** A SecretItem of a versions list: the version's id without the value. */
  static ObjectNode versionItem(String vaultUrl, String name, SecretVersion version) {
    ObjectNode node = Json.object().put("id", versionId(vaultUrl, name, version));
    describe(node, version);
    return node;
  }

  /** A SecretItem of the secrets list: the secret's id (no version) with its latest version's attributes. */
  static ObjectNode secretItem(String vaultUrl, Vault.Secret secret) {
    ObjectNode node = Json.object().put("id", vaultUrl + "secrets/" + secret.name());
    describe(node, secret.latest());
    return node;
  }

  /** A DeletedSecretBundle (no value) or, when {@code asItem}, a DeletedSecretItem. */
  static ObjectNode deleted(String vaultUrl, Vault.DeletedSecret entry, boolean asItem) {
    Vault.Secret secret = entry.secret();
    ObjectNode node = Json.object()
        .put("recoveryId", vaultUrl + "deletedsecrets/" + secret.name())
        .put("deletedDate", entry.deletedDate())
        .put("scheduledPurgeDate", entry.scheduledPurgeDate());
    node.put("id", asItem ? vaultUrl + "secrets/" + secret.name() : versionId(vaultUrl, secret.name(), secret.latest()));
    describe(node, secret.latest());
    return node;
  }

  /** A page: {@code {"value":[...],"nextLink":...}} with nextLink null on the last page. */
  static ObjectNode page(List<ObjectNode> items, String nextLink) {
    ObjectNode page = Json.object();
    ArrayNode value = page.putArray("value");
    items.forEach(value::add);
    if (nextLink == null) {
      page.putNull("nextLink");
    } else {
      page.put("nextLink", nextLink);
    }
    return page;
  }

  private static void describe(ObjectNode node, SecretVersion version) {
    if (version.contentType() != null) {
      node.put("contentType", version.contentType());
    }
    ObjectNode attributes = node.putObject("attributes").put("enabled", version.enabled());
    if (version.notBefore() != null) {
      attributes.put("nbf", version.notBefore());
    }
    if (version.expires() != null) {
      attributes.put("exp", version.expires());
    }
    attributes.put("created", version.created()).put("updated", version.updated());
    attributes.put("recoverableDays", RECOVERABLE_DAYS).put("recoveryLevel", RECOVERY_LEVEL);
    if (!version.tags().isEmpty()) {
      ObjectNode tags = node.putObject("tags");
      version.tags().forEach(tags::put);
    }
  }
}
