package dev.jitelevate.runner.action;

import dev.jitelevate.core.CloudProfile;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the runner's GitHub ID token may go as a client assertion: to the Entra authority of a named cloud, or
 * to the authority of a cloud profile that the workflow itself trusts through the {@code trusted-authority-host}
 * input. A {@code cloud-profile} file lives in the workspace, where a same-repository pull request can edit it;
 * without this check such a file could send the runner's token to any host it names.
 */
final class AuthorityTrust {
  static final String INPUT = "trusted-authority-host";
  private static final List<CloudProfile> NAMED = List.of(CloudProfile.azurePublic(), CloudProfile.azureChina(),
      CloudProfile.azureUsGovernment());

  private AuthorityTrust() {}

  /**
   * Passes when the cloud's authority may receive the runner's ID token.
   *
   * @throws ActionFailure naming the authority and what to add to the workflow when it may not
   */
  static void requireTrusted(CloudSettings cloud, ActionEnvironment env) {
    URI authority = cloud.cloud().authorityHost();
    if (NAMED.stream().anyMatch(named -> sameOrigin(named.authorityHost(), authority))) {
      return;
    }
    Optional<String> trusted = env.input(INPUT);
    if (trusted.isPresent() && sameOrigin(parse(trusted.get()), authority)) {
      return;
    }
    String shown = UntrustedText.neutralize(origin(authority), 120);
    throw ActionFailure.input(trusted.isPresent() ? INPUT : "cloud-profile", "The cloud profile "
        + cloud.profilePath().map(p -> p.getFileName().toString()).orElse("") + " names the authority " + shown
        + ", which is no Entra authority of a named cloud, so the runner's ID token is not sent there. If the"
        + " workflow trusts it, add '" + INPUT + ": " + shown + "' to the step"
        + (trusted.isPresent() ? " (it says " + UntrustedText.neutralize(trusted.get(), 120) + ")" : "")
        + "; for an offline cloud, give the profile a github section of its own.");
  }

  private static URI parse(String text) {
    try {
      URI uri = URI.create(text.strip());
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw ActionFailure.input(INPUT, "'" + UntrustedText.neutralize(text, 120) + "' is not an https URL. Pass the"
            + " profile's authorityHost, e.g. https://login.example.com/.");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw ActionFailure.input(INPUT, "'" + UntrustedText.neutralize(text, 120) + "' is not a URL. Pass the"
          + " profile's authorityHost, e.g. https://login.example.com/.");
    }
  }

  static boolean sameOrigin(URI a, URI b) {
    return origin(a).equals(origin(b));
  }

  private static String origin(URI uri) {
    String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
    return scheme + "://" + String.valueOf(uri.getHost()).toLowerCase(Locale.ROOT) + ":" + port;
  }
}
