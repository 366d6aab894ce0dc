package dev.jitelevate.runner.net;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The {@code NO_PROXY} list as actions/toolkit's http-client reads it: comma-separated host names, each
 * matching that host and its subdomains ({@code example.com} and {@code .example.com} both match
 * {@code api.example.com}), optionally with a port; {@code *} bypasses the proxy for every host. Loopback
 * addresses never go through a proxy.
 */
public record NoProxy(List<String> entries) {

  public NoProxy {
    entries = List.copyOf(entries);
  }

  /** Parses the variable's value (blank: nothing bypasses the proxy). */
  public static NoProxy parse(String value) {
    return new NoProxy(Arrays.stream(value == null ? new String[0] : value.split(","))
        .map(e -> e.trim().toLowerCase(Locale.ROOT)).filter(e -> !e.isEmpty()).toList());
  }

  /** True when a request to {@code host:port} goes direct. */
  public boolean bypasses(String host, int port) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (isLoopback(h)) {
      return true;
    }
    List<String> candidates = List.of(h, h + ":" + port);
    for (String entry : entries) {
      if (entry.equals("*")) {
        return true;
      }
      String bare = entry.startsWith(".") ? entry.substring(1) : entry;
      for (String candidate : candidates) {
        if (candidate.equals(bare) || candidate.endsWith("." + bare)) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean isLoopback(String host) {
    return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.") || host.equals("::1");
  }
}
