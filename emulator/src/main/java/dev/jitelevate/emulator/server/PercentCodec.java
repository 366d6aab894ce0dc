package dev.jitelevate.emulator.server;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decodes request paths (percent-encoding only) and query strings (form encoding, {@code +} is a space). */
final class PercentCodec {
  private PercentCodec() {}

  /** Percent-decodes a path; a malformed escape is kept as it was. */
  static String decodePath(String raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    int i = 0;
    while (i < raw.length()) {
      if (raw.charAt(i) == '%' && isHex(raw, i + 1) && isHex(raw, i + 2)) {
        out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
        i += 3;
      } else {
        int cp = raw.codePointAt(i);
        byte[] bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
        i += Character.charCount(cp);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Collapses runs of slashes into one ({@code //subscriptions} becomes {@code /subscriptions}). */
  static String collapseSlashes(String path) {
    String collapsed = path.replaceAll("/{2,}", "/");
    return collapsed.isEmpty() ? "/" : collapsed;
  }

  /** Parses a raw query string into decoded parameters, in order of appearance. */
  static Map<String, List<String>> parseQuery(String raw) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decodeForm(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decodeForm(pair.substring(eq + 1));
      params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return params;
  }

  private static String decodeForm(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  private static boolean isHex(String s, int index) {
    return index < s.length() && Character.digit(s.charAt(index), 16) >= 0;
  }
}
