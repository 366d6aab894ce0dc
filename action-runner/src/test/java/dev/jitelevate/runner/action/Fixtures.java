package dev.jitelevate.runner.action;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Event payloads trimmed from @octokit/webhooks-examples (src/test/resources/events), and variations of them. */
public final class Fixtures {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Fixtures() {}

  public static String event(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/events/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The pull_request fixture with its head branch in a fork. */
  public static String forkPullRequest() {
    return withPullRequest(pr -> ((ObjectNode) pr.path("head").path("repo")).put("full_name", "mallory/Hello-World").put("fork", true));
  }

  /** The pull_request fixture with a title chosen by the test. */
  public static String pullRequestTitled(String title) {
    return withPullRequest(pr -> pr.put("title", title));
  }

  private static String withPullRequest(java.util.function.Consumer<ObjectNode> change) {
    try {
      ObjectNode root = (ObjectNode) MAPPER.readTree(event("pull_request"));
      change.accept((ObjectNode) root.path("pull_request"));
      return MAPPER.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
