package dev.jitelevate.audit.ship;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * Where records go: a data collection endpoint's Logs Ingestion URL, a data collection rule's immutable id and
 * one of its streams.
 *
 * @param endpoint e.g. {@code https://dce-jit-abcd.westeurope-1.ingest.monitor.azure.com}
 * @param ruleId e.g. {@code dcr-0123456789abcdef0123456789abcdef}
 * @param stream e.g. {@code Custom-JitElevation}
 */
public record ShipTarget(URI endpoint, String ruleId, String stream) {
  /** The stream the repository's data collection rule declares. */
  public static final String DEFAULT_STREAM = "Custom-JitElevation";
  private static final Pattern RULE_ID = Pattern.compile("^dcr-[0-9a-f]{32}$");
  private static final Pattern STREAM = Pattern.compile("^(Custom|Microsoft)-[A-Za-z0-9_]{1,100}$");

  /**
   * Validates the three parts.
   *
   * @throws IllegalArgumentException with a one-line message saying which part is wrong and what it should be
   */
  public ShipTarget {
    if (endpoint == null || !"https".equalsIgnoreCase(endpoint.getScheme()) || endpoint.getHost() == null) {
      throw new IllegalArgumentException("The ingestion endpoint '" + endpoint + "' is not an https URL: pass the "
          + "data collection endpoint's Logs Ingestion URL, e.g. https://dce-jit.westeurope-1.ingest.monitor.azure.com.");
    }
    if (ruleId == null || !RULE_ID.matcher(ruleId).matches()) {
      throw new IllegalArgumentException("The rule id '" + ruleId + "' is not a data collection rule's immutable id: "
          + "pass dcr- followed by 32 hex digits (the rule's immutableId, output 'ruleId' of audit/infra/jit-elevation.json).");
    }
    if (stream == null || !STREAM.matcher(stream).matches()) {
      throw new IllegalArgumentException("The stream '" + stream + "' is not a stream name: pass the rule's stream, "
          + "e.g. " + DEFAULT_STREAM + ".");
    }
  }

  /**
   * Parses the endpoint text.
   *
   * @throws IllegalArgumentException naming the endpoint when it is not an https URL
   */
  public static ShipTarget of(String endpoint, String ruleId, String stream) {
    URI uri;
    try {
      uri = new URI(endpoint == null ? "" : endpoint.trim());
    } catch (URISyntaxException e) {
      uri = URI.create("invalid:" + e.getIndex());
    }
    if (uri.getScheme() == null) {
      throw new IllegalArgumentException("The ingestion endpoint '" + endpoint + "' is not an https URL: pass the "
          + "data collection endpoint's Logs Ingestion URL, e.g. https://dce-jit.westeurope-1.ingest.monitor.azure.com.");
    }
    return new ShipTarget(uri, ruleId == null ? null : ruleId.trim(), stream == null ? null : stream.trim());
  }
}
