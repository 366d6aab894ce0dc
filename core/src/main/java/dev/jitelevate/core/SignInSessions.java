package dev.jitelevate.core;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jitelevate.core.internal.gateway.sdk.SdkHttp;
import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Revokes a user's sign-in sessions after an elevation ended: Graph {@code POST /v1.0/users/{id}/revokeSignInSessions},
 * which makes Entra refuse the user's refresh tokens (and browser session cookies) issued before now, so nothing
 * signed in while the elevation was active can mint a fresh access token from them. It does not revoke access
 * tokens already issued: they stay valid until their {@code exp} (unless the resource enforces Continuous Access
 * Evaluation), which is why {@code exposure.accessMayPersistUntil} does not move.
 *
 * <p>The caller needs User.RevokeSessions.All (or User.ReadWrite.All / Directory.ReadWrite.All) as an app; a person
 * may revoke their own sessions. A refusal is returned as {@link SessionRevocation.Status#FAILED} with the Graph
 * error code and request id, never thrown. The caller's own refresh token is among those revoked when the user is
 * the caller: revoke sessions last.
 */
public final class SignInSessions {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpPipeline pipeline;
  private final String users;
  private final Clock clock;

  private SignInSessions(HttpPipeline pipeline, String users, Clock clock) {
    this.pipeline = pipeline;
    this.users = users;
    this.clock = clock;
  }

  /** Revokes as the identity {@code caller} signs in, against the cloud's Graph endpoint. */
  public static SignInSessions using(CloudProfile cloud, CredentialSource caller, Clock clock) {
    Objects.requireNonNull(cloud, "cloud");
    Objects.requireNonNull(caller, "caller");
    String audience = cloud.graphAudience();
    HttpPipeline pipeline = new HttpPipelineBuilder().httpClient(SdkHttp.forCloud(cloud).azureHttpClient())
        .policies(new RequestIdPolicy(), new BearerTokenAuthenticationPolicy(caller.newCredential(),
            (audience.endsWith("/") ? audience : audience + "/") + ".default"))
        .build();
    String graph = cloud.graphEndpoint().toString();
    return new SignInSessions(pipeline, (graph.endsWith("/") ? graph : graph + "/") + "v1.0/users/",
        Objects.requireNonNull(clock, "clock"));
  }

  /** Revokes the sign-in sessions of the user with this object id; says what happened, never throws for a refusal. */
  public SessionRevocation revoke(PrincipalId user) {
    String id = user.value();
    HttpRequest request = new HttpRequest(HttpMethod.POST, users + id + "/revokeSignInSessions")
        .setHeader(com.azure.core.http.HttpHeaderName.CONTENT_TYPE, "application/json").setBody(BinaryData.fromString("{}"));
    try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
      if (response.getStatusCode() / 100 == 2) {
        return new SessionRevocation(clock.instant(), SessionRevocation.Status.REVOKED, id, Optional.empty());
      }
      BinaryData body = response.getBodyAsBinaryData();
      return failed(id, refusal(response.getStatusCode(), body == null ? "" : body.toString(),
          Optional.ofNullable(response.getHeaderValue("request-id"))));
    } catch (RuntimeException e) {
      return failed(id, "Graph could not be asked (" + e.getClass().getSimpleName() + "); the sessions stay valid until"
          + " they are revoked (Revoke-MgUserSignInSession, or the Entra admin center).");
    }
  }

  private SessionRevocation failed(String id, String detail) {
    return new SessionRevocation(clock.instant(), SessionRevocation.Status.FAILED, id, Optional.of(detail));
  }

  /** Graph's answer in one line: its status, code and request id, and for a 403 the permission it needs. */
  static String refusal(int status, String body, Optional<String> requestId) {
    String code = "";
    try {
      JsonNode error = JSON.readTree(body.isBlank() ? "{}" : body).path("error");
      code = error.path("code").asText("");
    } catch (IOException ignored) {
      // not Graph's envelope: the status says enough
    }
    String what = "Graph answered " + status + (code.isEmpty() ? "" : " " + code)
        + requestId.map(r -> " (request id " + r + ")").orElse("");
    return status == 403 ? what + ": grant the identity User.RevokeSessions.All (an app) or revoke your own sessions as"
        + " the user" : what;
  }
}
