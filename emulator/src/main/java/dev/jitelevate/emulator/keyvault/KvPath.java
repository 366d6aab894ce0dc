package dev.jitelevate.emulator.keyvault;

import java.util.Arrays;
import java.util.List;

/**
 * A Key Vault path below the emulator's {@code /kv/} prefix: {@code /kv/{vault}/{collection}/{rest...}}.
 * A trailing empty segment (the SDKs' {@code /secrets/{name}/} for "latest") is dropped.
 *
 * @param vault the vault name
 * @param collection {@code secrets}, {@code deletedsecrets}, or empty
 * @param rest the segments after the collection
 */
record KvPath(String vault, String collection, List<String> rest) {
  static final String PREFIX = "/kv/";

  static KvPath parse(String path) {
    String tail = path.substring(PREFIX.length());
    List<String> segments = Arrays.asList(tail.split("/", -1));
    int end = segments.size();
    if (end > 1 && segments.get(end - 1).isEmpty()) {
      end--;
    }
    String vault = segments.get(0);
    String collection = end > 1 ? segments.get(1) : "";
    return new KvPath(vault, collection, List.copyOf(segments.subList(Math.min(2, end), end)));
  }

  /** The segment after the collection (a secret name), or null. */
  String name() {
    return rest.isEmpty() ? null : rest.get(0);
  }
}
