package dev.jitelevate.emulator.entra;

import dev.jitelevate.emulator.kernel.EmulatorContext;
import dev.jitelevate.emulator.kernel.EmulatorRequest;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.Scenario;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The GitHub Actions OIDC token service of a runner ({@code ACTIONS_ID_TOKEN_REQUEST_URL}) and the issuer's
 * discovery documents, under {@code /_github/} (except {@code /_github/blob/}, the artifact service's).
 */
final class GitHubOidcSurface implements dev.jitelevate.emulator.kernel.Surface {
  private final EmulatorContext context;
  private final GitHubActions github;

  GitHubOidcSurface(EmulatorContext context) {
    this.context = context;
    this.github = new GitHubActions(context, GitHubContext.from(Json.object()));
    context.register(GitHubActions.class, github);
  }

  @Override
  public String name() {
    return "github-oidc";
  }

  @Override
  public boolean owns(EmulatorRequest request) {
    return request.path().startsWith("/_github/") && !request.path().startsWith("/_github/blob/");
  }

  /**
   * Random throttling, faults and latency are PIM/Graph/Key Vault hazards (see {@code Hazards}); token issuance
   * is only disturbed by targeted fault rules, so a benchmark's many sign-ins do not share one throttling bucket.
   */
  @Override
  public boolean subjectToHazards() {
    return false;
  }

  @Override
  public void load(Scenario scenario) {
    github.context(GitHubContext.from(scenario.section("github")));
    github.customize(c -> OidcCustomization.from(scenario.section("github")));
  }

  @Override
  public EmulatorResponse handle(EmulatorRequest request) {
    String path = request.path();
    if (!"GET".equals(request.method())) {
      return error(405, "MethodNotAllowed", "Method " + request.method() + " is not allowed on " + path + ".");
    }
    switch (path) {
      case "/_github/oidc/token":
        return token(request);
      case "/_github/.well-known/openid-configuration":
        return EmulatorResponse.json(200, Json.object()
            .put("issuer", GitHubActions.ISSUER)
            .put("jwks_uri", context.baseUrl() + "_github/.well-known/jwks")
            .set("id_token_signing_alg_values_supported", Json.array().add("RS256")));
      case "/_github/.well-known/jwks":
        return EmulatorResponse.json(200, github.key().jwks());
      default:
        return error(404, "NotFound", "Not Found");
    }
  }

  private EmulatorResponse token(EmulatorRequest request) {
    GitHubContext job = github.context();
    boolean authorized = request.bearerToken().map(t -> constantTimeEquals(t, job.requestToken())).orElse(false);
    if (!authorized) {
      return error(401, "Unauthorized",
          "The OIDC token request needs 'Authorization: Bearer <ACTIONS_ID_TOKEN_REQUEST_TOKEN>' with the runner's request token.");
    }
    if (job.fork() && job.eventName().startsWith("pull_request")) {
      return error(403, "Forbidden",
          "ID tokens are not issued to pull_request runs from forks (GitHub withholds the id-token permission).");
    }
    String audience = request.queryParam("audience").orElse(null);
    return EmulatorResponse.json(200, Json.object().put("value", github.idToken(audience)));
  }

  @Override
  public EmulatorResponse error(int status, String code, String message) {
    return EmulatorResponse.json(status, Json.object().put("message", message)
        .put("documentation_url", "https://docs.github.com/actions/deployment/security-hardening-your-deployments"));
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
