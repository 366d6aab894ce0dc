package dev.jitelevate.emulator.logs;

import java.util.Map;
import java.util.Optional;

/**
 * A data collection rule as the Logs Ingestion API sees it.
 *
 * @param immutableId the {@code dcr-…} id callers put in the URL
 * @param resourceId the ARM id, the scope on which callers need {@code Microsoft.Insights/Telemetry/Write}
 * @param streams the declared streams by name
 */
record DataCollectionRule(String immutableId, String resourceId, Map<String, StreamDeclaration> streams) {
  DataCollectionRule {
    streams = Map.copyOf(streams);
  }

  Optional<StreamDeclaration> stream(String name) {
    return Optional.ofNullable(streams.get(name));
  }
}
