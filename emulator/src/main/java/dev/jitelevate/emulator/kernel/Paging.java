package dev.jitelevate.emulator.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Server-driven paging as ARM and Graph do it: a page holds at most {@link #pageSize()} items and, when more
 * remain, a link to the next page ({@code nextLink} in ARM, {@code @odata.nextLink} in Graph) that carries an
 * opaque {@code $skiptoken}; clients follow it verbatim. The page size comes from the scenario's
 * {@code paging.pageSize} (default {@value #DEFAULT_PAGE_SIZE}), so tests force several pages with little data.
 *
 * @param pageSize the most items one page holds
 */
public record Paging(int pageSize) {
  public static final int DEFAULT_PAGE_SIZE = 100;
  public static final String SKIP_TOKEN = "$skiptoken";
  private static final String TOKEN_PREFIX = "emu-offset:";

  public Paging {
    if (pageSize < 1) {
      throw new IllegalArgumentException("paging.pageSize must be at least 1, was " + pageSize);
    }
  }

  public static Paging defaults() {
    return new Paging(DEFAULT_PAGE_SIZE);
  }

  /** The scenario's {@code paging} section, or the defaults. */
  public static Paging of(Scenario scenario) {
    JsonNode size = scenario.section("paging").path("pageSize");
    return size.isMissingNode() || size.isNull() ? defaults() : new Paging(size.asInt());
  }

  /** One page of a listing: its items and, when more remain, the link to the next page. */
  public record Page<T>(List<T> items, Optional<String> nextLink) {}

  /**
   * The page a request asks for: from the offset in its {@code $skiptoken}, at most {@code min(top, pageSize)}
   * items (Graph's {@code $top} sets the page size; a service never returns more than its own maximum).
   *
   * @throws IllegalArgumentException when the skiptoken is not one this emulator issued
   */
  public <T> Page<T> page(List<T> all, EmulatorRequest request, Optional<Integer> top, String baseUrl) {
    int offset = request.queryParam(SKIP_TOKEN).map(Paging::offsetOf).orElse(0);
    int size = Math.min(top.orElse(pageSize), pageSize);
    int from = Math.min(offset, all.size());
    int to = Math.min(from + size, all.size());
    Optional<String> next = to < all.size() && size > 0 ? Optional.of(link(request, baseUrl, to)) : Optional.empty();
    return new Page<>(List.copyOf(all.subList(from, to)), next);
  }

  private static String link(EmulatorRequest request, String baseUrl, int offset) {
    Map<String, List<String>> query = new TreeMap<>(request.query());
    query.remove(SKIP_TOKEN);
    StringBuilder url = new StringBuilder(trimSlash(baseUrl)).append(request.rawPath()).append('?');
    query.forEach((name, values) -> values.forEach(v -> url.append(encode(name)).append('=').append(encode(v)).append('&')));
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString((TOKEN_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    return url.append(encode(SKIP_TOKEN)).append('=').append(token).toString();
  }

  private static int offsetOf(String token) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (text.startsWith(TOKEN_PREFIX)) {
        int offset = Integer.parseInt(text.substring(TOKEN_PREFIX.length()));
        if (offset >= 0) {
          return offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below
    }
    throw new IllegalArgumentException("The $skiptoken is invalid: follow the next link of the previous page as it is.");
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("%24", "$").replace("%2F", "/");
  }

  private static String trimSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
