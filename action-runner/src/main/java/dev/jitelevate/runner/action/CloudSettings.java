package dev.jitelevate.runner.action;

import dev.jitelevate.runner.RunnerJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jitelevate.core.CloudProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The cloud (the {@code environment} input or a {@code cloud-profile} file relative to the workspace), and
 * the GitHub OIDC endpoint the profile names, if any: a profile for an offline cloud (the emulator) names its
 * own issuer, which then wins over the runner's, whose tokens such a cloud cannot verify.
 */
record CloudSettings(CloudProfile cloud, Optional<OidcEndpoint> profileOidc, Optional<Path> profilePath) {

  /** Where to ask for GitHub ID tokens, and the bearer token that authorizes asking (a secret). */
  record OidcEndpoint(String url, String requestToken) {
    @Override
    public String toString() {
      return "OidcEndpoint[url=" + url + ", requestToken=***]";
    }
  }

  private static final ObjectMapper MAPPER = RunnerJson.MAPPER;

  /**
   * Reads the cloud inputs.
   *
   * @throws ActionFailure when both are given for different clouds, or the profile cannot be read
   * @throws dev.jitelevate.core.InvalidElevationRequestException when the environment or profile is invalid
   */
  static CloudSettings parse(ActionEnvironment env) {
    Optional<String> environment = env.input("environment");
    Optional<String> profile = env.input("cloud-profile");
    if (profile.isEmpty()) {
      return new CloudSettings(CloudProfile.named(environment.orElse("azurecloud")), Optional.empty(), Optional.empty());
    }
    if (environment.isPresent() && !environment.get().toLowerCase(Locale.ROOT).equals("azurecloud")) {
      throw ActionFailure.input("cloud-profile", "Both cloud-profile and environment: "
          + UntrustedText.neutralize(environment.get(), 40) + " were given. Pass one: environment for a public or"
          + " sovereign cloud, cloud-profile for any other.");
    }
    Path path = env.workspace().resolve(profile.get()).normalize();
    CloudProfile cloud = CloudProfile.load(path);
    return new CloudSettings(cloud, oidcOf(path), Optional.of(path));
  }

  private static Optional<OidcEndpoint> oidcOf(Path path) {
    try {
      JsonNode github = MAPPER.readTree(Files.readString(path)).path("github");
      String url = github.path("oidcRequestUrl").asText("");
      String token = github.path("oidcRequestToken").asText("");
      return url.isBlank() || token.isBlank() ? Optional.empty() : Optional.of(new OidcEndpoint(url, token));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
