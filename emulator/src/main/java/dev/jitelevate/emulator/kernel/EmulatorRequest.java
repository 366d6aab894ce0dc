package dev.jitelevate.emulator.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request as every surface of the emulator sees it, independent of the HTTP engine.
 *
 * @param method upper-case HTTP method
 * @param path the URL path, percent-decoded, with duplicate slashes collapsed (ARM SDKs emit {@code //subscriptions})
 * @param rawPath the URL path exactly as sent
 * @param query query parameters, percent-decoded, in order of appearance
 * @param headers request headers; look them up through {@link #header(String)} (case-insensitive)
 * @param body the request body, empty when there is none
 * @param requestId the id the emulator gives this request (echoed as {@code x-ms-request-id})
 */
public record EmulatorRequest(
    String method,
    String path,
    String rawPath,
    Map<String, List<String>> query,
    Map<String, List<String>> headers,
    byte[] body,
    String requestId) {

  public EmulatorRequest {
    method = method.toUpperCase(Locale.ROOT);
    query = Map.copyOf(query);
    TreeMap<String, List<String>> folded = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> folded.put(k, List.copyOf(v)));
    headers = java.util.Collections.unmodifiableMap(folded);
    body = body == null ? new byte[0] : body;
  }

  /** Returns the first value of a header, matched case-insensitively. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * The base URL the client sent this request to, from its {@code Host} header, with a trailing slash: what a
   * service's own links (an ARM or Graph {@code nextLink}) start with, since the emulator answers one service on
   * several ports. The fallback when there is no Host header.
   */
  public String origin(String fallback) {
    return header("Host").filter(h -> !h.isBlank()).map(h -> "https://" + h.trim() + "/").orElse(fallback);
  }

  /** Returns the first value of a query parameter (exact name; OData names include the {@code $}). */
  public Optional<String> queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Returns the bearer token of the Authorization header, if there is one. */
  public Optional<String> bearerToken() {
    return header("Authorization")
        .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
        .map(h -> h.substring(7).trim());
  }

  /** Returns the body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * Parses the body as JSON.
   *
   * @throws MalformedBodyException when the body is empty or not JSON; surfaces turn it into their error envelope
   */
  public JsonNode bodyJson() {
    return Json.parse(body);
  }

  /** Returns true when the path starts with the prefix, ignoring case (ARM paths are case-insensitive). */
  public boolean pathStartsWithIgnoreCase(String prefix) {
    return path.regionMatches(true, 0, prefix, 0, prefix.length());
  }
}
