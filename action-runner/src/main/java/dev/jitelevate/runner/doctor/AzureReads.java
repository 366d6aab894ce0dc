package dev.jitelevate.runner.doctor;

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
import java.util.ArrayList;
import java.util.List;

/**
 * GETs of one service (ARM or Graph) as the signed-in identity, with the collections followed through their next
 * links. A refused or failed read keeps the service's error code and request id.
 */
final class AzureReads {
  private static final ObjectMapper JSON = RunnerJson.MAPPER;
  private static final int MAX_PAGES = 100;
  private final HttpPipeline pipeline;
  private final URI base;

  AzureReads(HttpClient http, TokenCredential credential, URI base, String audience) {
    String scope = audience.endsWith("/") ? audience + ".default" : audience + "/.default";
    this.pipeline = new HttpPipelineBuilder().httpClient(http)
        .policies(new BearerTokenAuthenticationPolicy(credential, scope)).build();
    this.base = base;
  }

  /** One resource. */
  JsonNode get(String what, String path) {
    return send(what, path.startsWith("https://") ? path : base.resolve(path.startsWith("/") ? path.substring(1) : path)
        .toString());
  }

  /** Every item of a collection ({@code value}), following {@code @odata.nextLink} (Graph) or {@code nextLink} (ARM). */
  List<JsonNode> list(String what, String path) {
    List<JsonNode> items = new ArrayList<>();
    String next = path;
    for (int page = 0; next != null && !next.isBlank() && page < MAX_PAGES; page++) {
      JsonNode body = get(what, next);
      body.path("value").forEach(items::add);
      JsonNode link = body.hasNonNull("@odata.nextLink") ? body.get("@odata.nextLink") : body.get("nextLink");
      next = link == null || link.isNull() ? null : link.asText();
    }
    return items;
  }

  private JsonNode send(String what, String url) {
    try (HttpResponse response = pipeline.sendSync(new HttpRequest(HttpMethod.GET, url), com.azure.core.util.Context.NONE)) {
      String text = response.getBodyAsBinaryData() == null ? "" : response.getBodyAsBinaryData().toString();
      JsonNode body = text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
      if (response.getStatusCode() >= 400) {
        JsonNode error = body.path("error");
        String requestId = response.getHeaderValue("x-ms-request-id") != null ? response.getHeaderValue("x-ms-request-id")
            : response.getHeaderValue("request-id");
        throw new ReadException(what, error.path("code").asText("HTTP " + response.getStatusCode()),
            error.path("message").asText("the service answered " + response.getStatusCode() + "."), requestId);
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
