package dev.jitelevate.emulator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A tiny HTTPS client for tests that talks to one emulator, trusting only its CA. */
public final class EmulatorHttp {
  private final PimEmulator emulator;
  private final HttpClient client;

  public EmulatorHttp(PimEmulator emulator) {
    this.emulator = emulator;
    this.client = HttpClient.newBuilder().sslContext(emulator.sslContext()).connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** A response with its body as text. */
  public record Response(int status, java.net.http.HttpHeaders headers, String body) {
    public JsonNode json() {
      return Json.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  public Response get(String path, String... headers) throws IOException {
    return send(builder(path, headers).GET());
  }

  public Response delete(String path, String... headers) throws IOException {
    return send(builder(path, headers).DELETE());
  }

  public Response postJson(String path, String json, String... headers) throws IOException {
    return send(builder(path, headers).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response putJson(String path, String json, String... headers) throws IOException {
    return send(builder(path, headers).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A form body from name and value pairs, the values URL-encoded. */
  public static String form(String... pairs) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(pairs[i]).append('=').append(java.net.URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  public Response postForm(String path, String form, String... headers) throws IOException {
    return send(builder(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /** A path is sent to the main port; an absolute {@code https://} URL (another port of the emulator) as it is. */
  private HttpRequest.Builder builder(String path, String... headers) {
    String relative = path.startsWith("/") ? path.substring(1) : path;
    URI uri = URI.create(path.startsWith("https://") ? path : emulator.baseUrl() + relative);
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  private Response send(HttpRequest.Builder builder) throws IOException {
    try {
      HttpResponse<String> r = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.headers(), r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted", e));
    }
  }
}
