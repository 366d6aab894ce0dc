package dev.jitelevate.core.internal.gateway.arm;

import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.internal.gateway.ApiCall;
import dev.jitelevate.core.internal.gateway.PrincipalInfo;
import dev.jitelevate.core.internal.gateway.PrincipalType;
import dev.jitelevate.core.internal.gateway.SurfaceContext;
import dev.jitelevate.core.internal.gateway.sdk.SdkHttp;
import dev.jitelevate.core.internal.json.CoreJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;

/**
 * Graph's {@code GET /v1.0/directoryObjects/{id}} as one plain request on the process's azure-core stack: the
 * ARM surfaces need nothing else from Graph, and the Graph SDK (Kiota, Gson and some 1,200 generated model
 * classes) costs an ARM elevation a fifth of its classes and most of a second of CPU at start. Failures other
 * than 404 are thrown as {@link HttpResponseException}s for {@link DirectoryPrincipals} to retry or translate.
 */
final class DirectoryObjects {
  static final String OPERATION = "directoryObjects.get";
  private static final ObjectMapper JSON = CoreJson.MAPPER;

  private final HttpPipeline pipeline;
  private final String base;

  DirectoryObjects(TokenCredential credential, SurfaceContext context, SdkHttp http) {
    CloudProfile cloud = context.cloud();
    this.pipeline = new HttpPipelineBuilder()
        .httpClient(http.azureHttpClient())
        .policies(new RequestIdPolicy(), new Report(context.apiCalls()),
            new BearerTokenAuthenticationPolicy(credential, scope(cloud.graphAudience())))
        .build();
    String graph = cloud.graphEndpoint().toString();
    this.base = (graph.endsWith("/") ? graph : graph + "/") + "v1.0/directoryObjects/";
  }

  /** The principal with this object id, or empty when the directory has none (404). */
  Optional<PrincipalInfo> get(PrincipalId id) {
    String url = base + id.value() + "?$select=id,displayName";
    try (HttpResponse response = pipeline.sendSync(new HttpRequest(HttpMethod.GET, url), Context.NONE)) {
      String body = response.getBodyAsBinaryData() == null ? "" : response.getBodyAsBinaryData().toString();
      if (response.getStatusCode() == 404) {
        return Optional.empty();
      }
      if (response.getStatusCode() >= 400) {
        throw new HttpResponseException("Graph answered " + response.getStatusCode(), response, error(body));
      }
      return Optional.of(info(id, JSON.readTree(body.isEmpty() ? "{}" : body)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Graph's error envelope {@code {"error":{"code","message"}}}, or null when the body is not one. */
  static JsonNode error(String body) {
    try {
      JsonNode error = JSON.readTree(body.isEmpty() ? "{}" : body).path("error");
      return error.isObject() ? error : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** Users, service principals and groups by their display name; other kinds of object by their id. */
  static PrincipalInfo info(PrincipalId id, JsonNode object) {
    PrincipalType type = PrincipalType.ofODataType(object.path("@odata.type").asText(null));
    String name = object.path("displayName").asText("");
    boolean named = type.kind() != PrincipalType.Kind.OTHER;
    return new PrincipalInfo(id, type, named && !name.isBlank() ? name : id.value());
  }

  private static String scope(String audience) {
    return (audience.endsWith("/") ? audience : audience + "/") + ".default";
  }

  /** Tells the run about each lookup: its name, the status and Graph's request id (never the URL). */
  private static final class Report implements HttpPipelinePolicy {
    private final Consumer<ApiCall> sink;

    Report(Consumer<ApiCall> sink) {
      this.sink = sink;
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
      return next.process().doOnNext(this::report).doOnError(e -> sink.accept(new ApiCall(OPERATION, 0, Optional.empty())));
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
      try {
        HttpResponse response = next.processSync();
        report(response);
        return response;
      } catch (RuntimeException e) {
        sink.accept(new ApiCall(OPERATION, 0, Optional.empty()));
        throw e;
      }
    }

    private void report(HttpResponse response) {
      sink.accept(new ApiCall(OPERATION, response.getStatusCode(), requestId(response)));
    }
  }

  /** Graph's {@code request-id}, or the {@code x-ms-request-id} some gateways send instead. */
  static Optional<String> requestId(HttpResponse response) {
    return Optional.ofNullable(response.getHeaderValue("request-id"))
        .or(() -> Optional.ofNullable(response.getHeaderValue(ApiCallPolicy.REQUEST_ID)));
  }
}
