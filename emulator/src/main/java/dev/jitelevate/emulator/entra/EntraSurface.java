package dev.jitelevate.emulator.entra;

import dev.jitelevate.emulator.kernel.Directory;
import dev.jitelevate.emulator.kernel.EmulatorContext;
import dev.jitelevate.emulator.kernel.EmulatorRequest;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.emulator.kernel.Surface;
import dev.jitelevate.emulator.kernel.TokenValidator;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Microsoft Entra ID: the v2.0 token and device code endpoints, discovery documents and signing keys.
 * Provides the {@link Directory} and the {@link TokenValidator} to the other surfaces.
 */
final class EntraSurface implements Surface {
  private static final Pattern TENANT_PATH =
      Pattern.compile("^/([^/_][^/]*)/(oauth2/v2\\.0/token|oauth2/v2\\.0/devicecode|v2\\.0/\\.well-known/openid-configuration|discovery/v2\\.0/keys|discovery/keys)$");
  private static final Pattern USER_REALM = Pattern.compile("^/common/userrealm/([^/]+)$");

  private final EmulatorContext context;
  private final AtomicReference<TenantDirectory> directory = new AtomicReference<>();
  private final AccessTokens tokens;
  private final TokenEndpoint tokenEndpoint;

  EntraSurface(EmulatorContext context) {
    this.context = context;
    this.directory.set(TenantDirectory.from(Scenario.empty()));
    SigningKey key = SigningKey.generate(context, "entra");
    this.tokens = new AccessTokens(context, key);
    this.tokenEndpoint = new TokenEndpoint(context, tokens);
    context.register(Directory.class, new LiveDirectory(directory));
    context.register(TokenValidator.class, new EntraTokenValidator(key, context.clock()));
  }

  @Override
  public String name() {
    return "entra";
  }

  @Override
  public boolean owns(EmulatorRequest request) {
    String path = request.path();
    return TENANT_PATH.matcher(path).matches() || USER_REALM.matcher(path).matches()
        || path.equals("/common/discovery/instance");
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
    directory.set(TenantDirectory.from(scenario));
    tokenEndpoint.reset();
  }

  @Override
  public EmulatorResponse handle(EmulatorRequest request) {
    TenantDirectory dir = directory.get();
    String path = request.path();
    Matcher realm = USER_REALM.matcher(path);
    if (realm.matches()) {
      return EmulatorResponse.json(200, OpenIdMetadata.userRealm(dir.domain));
    }
    if (path.equals("/common/discovery/instance")) {
      return EmulatorResponse.json(200, OpenIdMetadata.instanceDiscovery(context.baseUrl(), dir.tenantId));
    }
    Matcher m = TENANT_PATH.matcher(path);
    if (!m.matches()) {
      return error(404, "NotFound", "No Entra endpoint at " + path + ".");
    }
    String tenant = m.group(1);
    if (!dir.answersTo(tenant)) {
      return TenantErrors.unknownTenant(tenant).render(context.clock().now(),
          request.header("client-request-id").orElse(null), context.baseUrl());
    }
    switch (m.group(2)) {
      case "oauth2/v2.0/token":
        return post(request) ? tokenEndpoint.token(dir, request) : notAllowed(request);
      case "oauth2/v2.0/devicecode":
        return post(request) ? tokenEndpoint.deviceCode(dir, request) : notAllowed(request);
      case "v2.0/.well-known/openid-configuration":
        return EmulatorResponse.json(200, OpenIdMetadata.openIdConfiguration(context.baseUrl(), dir.tenantId));
      default:
        return EmulatorResponse.json(200, tokens.key().jwks());
    }
  }

  @Override
  public EmulatorResponse error(int status, String code, String message) {
    String error = status == 429 || status == 503 ? "temporarily_unavailable" : status >= 500 ? "server_error" : "invalid_request";
    int aadsts = status == 429 ? 50196 : status >= 500 ? 90033 : 900561;
    return new OAuthError(status, error, aadsts, code + ": " + message)
        .render(context.clock().now(), null, context.baseUrl());
  }

  private static boolean post(EmulatorRequest request) {
    return "POST".equals(request.method());
  }

  private EmulatorResponse notAllowed(EmulatorRequest request) {
    return new OAuthError(405, "invalid_request", 900561, "The endpoint only accepts POST requests. Received a "
        + request.method() + " request.").render(context.clock().now(), null, context.baseUrl());
  }
}
