package dev.jitelevate.emulator.keyvault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.testing.VectorShape;
import java.net.URI;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every Key Vault reference vector against the surface: the vector's host becomes the vault under
 * {@code /kv/}, the request is sent as recorded (secrets it refers to are created first, with their real
 * version ids substituted), and the response must have the vector's status and JSON shape.
 */
class KeyVaultVectorReplayTest {
  private final KvBench bench = new KvBench();

  static Stream<Arguments> vectors() {
    return Stream.of(
        Arguments.of("kv_secrets_set", (Setup) b -> UnaryOperator.identity()),
        Arguments.of("kv_secrets_get_byVersion", (Setup) b -> replaceVersion(b, "myvault", "mysecretname",
            "4387e9f3d6e14c459867679a90fd0f79")),
        Arguments.of("kv_secrets_listVersions", (Setup) b -> {
          create(b, "myvault", "listsecretversionstest");
          create(b, "myvault", "listsecretversionstest");
          return UnaryOperator.identity();
        }),
        Arguments.of("kv_secrets_update_attributes_tags", (Setup) b -> replaceVersion(b, "myvault", "crpsecret",
            "03bcccc7c8cf4546a0e3e21e52560441")),
        Arguments.of("kv_challenge_401_missing_bearer", (Setup) b -> UnaryOperator.identity()),
        Arguments.of("kv_error_forbiddenByRbac_403", (Setup) b -> UnaryOperator.identity()),
        Arguments.of("kv_error_secretNotFound_404", (Setup) b -> UnaryOperator.identity()));
  }

  /** Prepares the vault for a vector and returns how to rewrite the vector's path. */
  @FunctionalInterface
  interface Setup {
    UnaryOperator<String> prepare(KvBench bench);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void theSurfaceAnswersEveryVectorWithItsStatusAndShape(String name, Setup setup) {
    JsonNode vector = VectorShape.vector(name);
    JsonNode request = vector.get("request");
    UnaryOperator<String> rewrite = setup.prepare(bench);
    URI url = URI.create(request.get("url").asText().replace("{7.x}", "7.5"));
    String vault = url.getAuthority().substring(0, url.getAuthority().indexOf('.'));
    String path = rewrite.apply("/kv/" + vault + url.getPath()) + "?" + url.getQuery();
    String body = request.path("body").isNull() || request.path("body").isMissingNode() ? null : request.get("body").toString();

    EmulatorResponse response = bench.send(request.get("method").asText(), path, tokenFor(name), body);

    JsonNode expected = vector.get("response");
    assertThat(response.status()).as(name + " status").isEqualTo(expected.get("status").asInt());
    VectorShape.assertSameShape(expected.get("body"), response.bodyJson());
    if (expected.path("headers").has("WWW-Authenticate")) {
      assertThat(response.headers().get("WWW-Authenticate")).startsWith("Bearer authorization=\"").contains("resource=\"");
    }
  }

  /** The recorded requests carry no usable token: the challenge goes without, the 403 as a caller lacking the role. */
  private static String tokenFor(String name) {
    if (name.contains("challenge")) {
      return null;
    }
    return name.contains("forbiddenByRbac") ? KvBench.READER_TOKEN : KvBench.OFFICER_TOKEN;
  }

  private static String create(KvBench bench, String vault, String secret) {
    JsonNode bundle = bench.ok("PUT", "/kv/" + vault + "/secrets/" + secret + "?api-version=7.5", "{\"value\":\"x\"}");
    String id = bundle.get("id").asText();
    return id.substring(id.lastIndexOf('/') + 1);
  }

  private static UnaryOperator<String> replaceVersion(KvBench bench, String vault, String secret, String recorded) {
    String actual = create(bench, vault, secret);
    return path -> path.replace(recorded, actual);
  }
}
