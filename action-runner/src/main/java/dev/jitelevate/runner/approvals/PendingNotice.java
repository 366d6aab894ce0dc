package dev.jitelevate.runner.approvals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A notice of the requests left for people, posted to a Slack or Teams incoming webhook as {@code {"text": …}}
 * (both accept it). It names surface, target, scope, duration, requester and age: never a justification, token
 * or the webhook's URL, which is itself a secret and appears in no message.
 */
final class PendingNotice {
  private final URI url;
  private final HttpClient http;

  private PendingNotice(URI url, HttpClient http) {
    this.url = url;
    this.http = http;
  }

  /**
   * A notice to the URL: https, or http to this machine only (a local receiver).
   *
   * @throws IllegalArgumentException without the URL in its message, when the URL is not one of those
   */
  static PendingNotice to(String url) {
    URI uri;
    try {
      uri = URI.create(url.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the webhook URL is not a URL");
    }
    boolean https = "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
    if (!https && !("http".equalsIgnoreCase(uri.getScheme()) && loopback(uri.getHost()))) {
      throw new IllegalArgumentException("the webhook URL must be https (plain http only to this machine)");
    }
    return new PendingNotice(uri, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
  }

  /** Posts the notice; returns why it failed, in words that never contain the URL. */
  Optional<String> post(List<PendingApproval> left, Instant now) {
    String body = JsonNodeFactory.instance.objectNode().put("text", text(left, now)).toString();
    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status / 100 == 2 ? Optional.empty() : Optional.of("the webhook answered HTTP " + status);
    } catch (IOException e) {
      return Optional.of("the webhook could not be reached (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while posting to the webhook");
    }
  }

  static String text(List<PendingApproval> left, Instant now) {
    StringBuilder b = new StringBuilder("jit-elevate: ").append(left.size())
        .append(left.size() == 1 ? " PIM request waits" : " PIM requests wait").append(" for a person to approve:");
    for (PendingApproval p : left) {
      b.append("\n- ").append(p.surface().optionValue()).append(' ').append(p.targetName().orElse(p.targetId()))
          .append(" at ").append(p.scope()).append(", ")
          .append(p.duration().map(ApprovalsListCommand::human).orElse("no end")).append(", requested by ")
          .append(p.requesterId()).append(' ').append(ApprovalsListCommand.human(p.age(now))).append(" ago (request ")
          .append(p.requestId()).append(')');
    }
    return b.append("\nDecide with: jit-elevate approvals approve|deny ID --reason TEXT").toString();
  }

  private static boolean loopback(String host) {
    try {
      return host != null && InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
