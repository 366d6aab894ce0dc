package dev.jitelevate.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jitelevate.core.internal.json.CoreJson;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The well-known clouds and the profile file reader behind {@link CloudProfile}. */
final class CloudProfiles {
  static final CloudProfile AZURE_PUBLIC =
      well("AzureCloud", "https://login.microsoftonline.com/", "https://management.azure.com/",
          "https://graph.microsoft.com/", "https://vault.azure.net", "vault.azure.net");
  static final CloudProfile AZURE_CHINA =
      well("AzureChinaCloud", "https://login.chinacloudapi.cn/", "https://management.chinacloudapi.cn/",
          "https://microsoftgraph.chinacloudapi.cn/", "https://vault.azure.cn", "vault.azure.cn");
  static final CloudProfile AZURE_US_GOVERNMENT =
      well("AzureUSGovernment", "https://login.microsoftonline.us/", "https://management.usgovcloudapi.net/",
          "https://graph.microsoft.us/", "https://vault.usgovcloudapi.net", "vault.usgovcloudapi.net");

  private static final ObjectMapper MAPPER = CoreJson.MAPPER;

  private CloudProfiles() {}

  private static CloudProfile well(String name, String authority, String arm, String graph, String kvAudience, String kvSuffix) {
    return new CloudProfile(name, URI.create(authority), URI.create(arm), arm, URI.create(graph), graph,
        kvAudience, "https://{vault}." + kvSuffix + "/", Optional.empty(), Optional.empty());
  }

  static CloudProfile named(String environment) {
    String key = environment == null ? "" : environment.trim().toLowerCase(Locale.ROOT);
    switch (key) {
      case "azurecloud":
      case "":
        return AZURE_PUBLIC;
      case "azurechinacloud":
        return AZURE_CHINA;
      case "azureusgovernment":
        return AZURE_US_GOVERNMENT;
      default:
        throw new InvalidElevationRequestException("environment",
            "Unknown cloud environment '" + environment + "'.",
            "Use azurecloud, azurechinacloud or azureusgovernment, or pass a cloud profile file for any other cloud.");
    }
  }

  static CloudProfile load(Path file) {
    try {
      return parse(Files.readString(file), file.toString());
    } catch (NoSuchFileException e) {
      throw new InvalidElevationRequestException("cloud-profile", "The cloud profile " + file + " does not exist.",
          "Pass the path of a profile JSON file (the emulator writes one with --profile-out).");
    } catch (IOException e) {
      throw new InvalidElevationRequestException("cloud-profile", "Cannot read the cloud profile " + file + ": " + e.getMessage(),
          "Check the file's permissions.");
    }
  }

  static CloudProfile parse(String json, String origin) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new InvalidElevationRequestException("cloud-profile", "The cloud profile " + origin + " is not valid JSON.",
          "Fix the JSON; see docs/cloud-profile.md for the format.");
    }
    if (root == null || !root.isObject()) {
      throw new InvalidElevationRequestException("cloud-profile", "The cloud profile " + origin + " is not a JSON object.",
          "See docs/cloud-profile.md for the format.");
    }
    return new CloudProfile(
        optionalText(root, "name").orElse("custom"),
        uri(root, "authorityHost", origin),
        uri(root.path("resourceManager"), "endpoint", origin),
        required(root.path("resourceManager"), "audience", origin),
        uri(root.path("graph"), "endpoint", origin),
        required(root.path("graph"), "audience", origin),
        required(root.path("keyVault"), "audience", origin),
        required(root.path("keyVault"), "vaultUrlTemplate", origin),
        optionalText(root, "caCertificatePem"),
        optionalText(root, "tenantId"));
  }

  private static URI uri(JsonNode node, String field, String origin) {
    String text = required(node, field, origin);
    try {
      URI uri = URI.create(text.endsWith("/") ? text : text + "/");
      if (!"https".equalsIgnoreCase(uri.getScheme())) {
        throw new IllegalArgumentException("not https");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new InvalidElevationRequestException("cloud-profile",
          "The cloud profile " + origin + " has an invalid " + field + " '" + text + "'.",
          "Use an absolute https:// URL.");
    }
  }

  private static String required(JsonNode node, String field, String origin) {
    return optionalText(node, field).orElseThrow(() -> new InvalidElevationRequestException("cloud-profile",
        "The cloud profile " + origin + " lacks the field " + field + ".",
        "Add it; see docs/cloud-profile.md for the format."));
  }

  private static Optional<String> optionalText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.asText().isBlank() ? Optional.empty() : Optional.of(value.asText());
  }
}
