package dev.jitelevate.pimconfig;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JSON over one azure-core pipeline (client request id, bearer token for one audience): the ARM or Graph REST
 * calls the SDKs' typed clients do not cover well (policy rules, paging over every schedule of a scope).
 */
final class RestClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpPipeline pipeline;
  private final String base;

  RestClient(HttpClient http, TokenCredential credential, String audience, String base) {
    String scope = (audience.endsWith("/") ? audience : audience + "/") + ".default";
    this.pipeline = new HttpPipelineBuilder().httpClient(http)
        .policies(new RequestIdPolicy(), new BearerTokenAuthenticationPolicy(credential, scope)).build();
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** Every item of a paged list ({@code value} plus {@code nextLink} / {@code @odata.nextLink}). */
  List<JsonNode> list(String operation, String pathAndQuery) {
    List<JsonNode> all = new ArrayList<>();
    String url = base + pathAndQuery;
    while (url != null) {
      JsonNode page = send(operation, HttpMethod.GET, url, null);
      page.path("value").forEach(all::add);
      String next = page.path("nextLink").asText(page.path("@odata.nextLink").asText(""));
      url = next.isBlank() ? null : next;
    }
    return all;
  }

  JsonNode get(String operation, String pathAndQuery) {
    return send(operation, HttpMethod.GET, base + pathAndQuery, null);
  }

  JsonNode put(String operation, String pathAndQuery, JsonNode body) {
    return send(operation, HttpMethod.PUT, base + pathAndQuery, body);
  }

  JsonNode post(String operation, String pathAndQuery, JsonNode body) {
    return send(operation, HttpMethod.POST, base + pathAndQuery, body);
  }

  JsonNode patch(String operation, String pathAndQuery, JsonNode body) {
    return send(operation, HttpMethod.PATCH, base + pathAndQuery, body);
  }

  private JsonNode send(String operation, HttpMethod method, String url, JsonNode body) {
    HttpRequest request = new HttpRequest(method, url);
    if (body != null) {
      request.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json").setBody(body.toString());
    }
    try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
      String text = response.getBodyAsBinaryData() == null ? "" : response.getBodyAsBinaryData().toString();
      JsonNode json = text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
      if (response.getStatusCode() >= 400) {
        JsonNode error = json.path("error");
        Optional<String> requestId = Optional.ofNullable(response.getHeaderValue(HttpHeaderName.fromString("x-ms-request-id")))
            .or(() -> Optional.ofNullable(response.getHeaderValue(HttpHeaderName.fromString("request-id"))));
        throw new PimApiException(operation, response.getStatusCode(), error.path("code").asText("Unknown"),
            error.path("message").asText(text), requestId);
      }
      return json;
    } catch (IOException e) {
      throw new UncheckedIOException(operation + " failed: " + e.getMessage(), e);
    }
  }
}
