package dev.jitelevate.emulator.keyvault;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.Scenario;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Builds the vaults of a scenario's {@code vaults} section (locations come from its resource groups). */
final class VaultLoader {
  static final String DEFAULT_LOCATION = "westeurope";
  private static final long DAY = 86_400;

  private VaultLoader() {}

  static Map<String, Vault> load(Scenario scenario, long now) {
    Map<String, String> locations = resourceGroupLocations(scenario);
    Map<String, Vault> vaults = new HashMap<>();
    for (JsonNode node : scenario.section("vaults")) {
      String name = require(node, "name");
      String subscription = require(node, "subscriptionId");
      String resourceGroup = require(node, "resourceGroup");
      String location = node.hasNonNull("location") ? node.get("location").asText()
          : locations.getOrDefault(key(subscription, resourceGroup), DEFAULT_LOCATION);
      String scope = "/subscriptions/" + subscription + "/resourceGroups/" + resourceGroup
          + "/providers/Microsoft.KeyVault/vaults/" + name;
      Vault vault = new Vault(name, scope, location);
      for (JsonNode secret : node.path("secrets")) {
        vault.add(require(secret, "name"), seed(secret, now));
      }
      vaults.put(name.toLowerCase(Locale.ROOT), vault);
    }
    return Map.copyOf(vaults);
  }

  private static SecretVersion seed(JsonNode secret, long now) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = secret.path("tags").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> tag = it.next();
      tags.put(tag.getKey(), tag.getValue().asText());
    }
    boolean enabled = !secret.has("enabled") || secret.get("enabled").asBoolean();
    // Ages relative to the emulator's clock, so scenarios can seed stale and expiring secrets.
    long created = now - secret.path("createdDaysAgo").asLong(0) * DAY;
    Long expires = secret.hasNonNull("expiresInDays") ? now + secret.get("expiresInDays").asLong() * DAY : null;
    return new SecretVersion(UUID.randomUUID().toString().replace("-", ""), require(secret, "value"),
        Json.text(secret, "contentType"), tags, enabled, null, expires, created, created);
  }

  private static Map<String, String> resourceGroupLocations(Scenario scenario) {
    Map<String, String> locations = new HashMap<>();
    for (JsonNode subscription : scenario.section("subscriptions")) {
      for (JsonNode group : subscription.path("resourceGroups")) {
        if (group.hasNonNull("location")) {
          locations.put(key(Json.text(subscription, "id"), Json.text(group, "name")), group.get("location").asText());
        }
      }
    }
    return locations;
  }

  private static String key(String subscription, String resourceGroup) {
    return (subscription + "/" + resourceGroup).toLowerCase(Locale.ROOT);
  }

  private static String require(JsonNode node, String field) {
    String value = Json.text(node, field);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Scenario section 'vaults': an entry lacks '" + field
          + "'. Give every vault a name, subscriptionId and resourceGroup, and every secret a name and value.");
    }
    return value;
  }
}
