package dev.jitelevate.emulator.keyvault;

import dev.jitelevate.emulator.kernel.EmulatorRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Key Vault paging: {@code maxresults} (1..25, default 25) and an opaque {@code $skiptoken} carried in a
 * {@code nextLink} that clients follow verbatim.
 *
 * @param offset index of the first item of this page
 * @param size page size
 */
record Paging(int offset, int size) {
  static final int MAX_RESULTS = 25;

  /**
   * Reads the paging parameters.
   *
   * @throws SecretBodies.BadBodyException when maxresults is out of range or the skiptoken is not ours
   */
  static Paging of(EmulatorRequest request) {
    int size = request.queryParam("maxresults").map(Paging::parseSize).orElse(MAX_RESULTS);
    int offset = request.queryParam("$skiptoken").map(Paging::parseToken).orElse(0);
    return new Paging(offset, size);
  }

  /** Returns this page's slice of all items. */
  <T> List<T> slice(List<T> all) {
    int from = Math.min(offset, all.size());
    return all.subList(from, Math.min(all.size(), from + size));
  }

  /** Returns the nextLink for the page after this one, or null when this is the last page. */
  String nextLink(int total, String collectionUrl, String apiVersion) {
    int next = offset + size;
    if (next >= total) {
      return null;
    }
    String token = Base64.getUrlEncoder().withoutPadding()
        .encodeToString(("{\"offset\":" + next + "}").getBytes(StandardCharsets.UTF_8));
    return collectionUrl + "?api-version=" + apiVersion + "&$skiptoken=" + token + "&maxresults=" + size;
  }

  private static int parseSize(String text) {
    try {
      int size = Integer.parseInt(text.trim());
      if (size >= 1 && size <= MAX_RESULTS) {
        return size;
      }
    } catch (NumberFormatException e) {
      // fall through to the service's message
    }
    throw new SecretBodies.BadBodyException("The value of maxresults (" + text + ") is invalid. It must be an "
        + "integer from 1 to " + MAX_RESULTS + ".");
  }

  private static int parseToken(String token) {
    try {
      String json = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      String digits = json.replaceAll("[^0-9]", "");
      if (json.startsWith("{\"offset\":") && !digits.isEmpty()) {
        return Integer.parseInt(digits);
      }
    } catch (IllegalArgumentException e) {
      // fall through
    }
    throw new SecretBodies.BadBodyException("The $skiptoken is invalid. Follow the nextLink of the previous page as is.");
  }
}
