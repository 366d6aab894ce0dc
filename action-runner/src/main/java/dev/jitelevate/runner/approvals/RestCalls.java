package dev.jitelevate.runner.approvals;

import dev.jitelevate.runner.RunnerJson;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * JSON over HTTPS to one service (ARM or Graph) as the signed-in approver: the approval APIs are in no SDK
 * this project uses (ARM's roleAssignmentApprovals, Graph's approval stages). Errors keep the service's code
 * and request id.
 */
final class RestCalls {
  private static final ObjectMapper JSON = RunnerJson.MAPPER;
  private final HttpPipeline pipeline;
  private final URI base;

  RestCalls(HttpClient http, TokenCredential credential, URI base, String audience) {
    String scope = audience.endsWith("/") ? audience + ".default" : audience + "/.default";
    this.pipeline = new HttpPipelineBuilder().httpClient(http)
        .policies(new BearerTokenAuthenticationPolicy(credential, scope)).build();
    this.base = base;
  }

  JsonNode get(String path) {
    return send(new HttpRequest(HttpMethod.GET, url(path)));
  }

  JsonNode send(HttpMethod method, String path, JsonNode body) {
    HttpRequest request = new HttpRequest(method, url(path)).setHeader("Content-Type", "application/json")
        .setBody(body.toString());
    return send(request);
  }

  private String url(String path) {
    return base.resolve(path.startsWith("/") ? path.substring(1) : path).toString();
  }

  private JsonNode send(HttpRequest request) {
    try (HttpResponse response = pipeline.sendSync(request, com.azure.core.util.Context.NONE)) {
      String text = response.getBodyAsBinaryData() == null ? "" : response.getBodyAsBinaryData().toString();
      JsonNode body = text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
      if (response.getStatusCode() >= 400) {
        JsonNode error = body.path("error");
        String requestId = response.getHeaderValue("x-ms-request-id") != null ? response.getHeaderValue("x-ms-request-id")
            : response.getHeaderValue("request-id");
        throw new ApprovalException(error.path("code").asText("HTTP " + response.getStatusCode()),
            error.path("message").asText("The service answered " + response.getStatusCode() + "."), requestId);
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
