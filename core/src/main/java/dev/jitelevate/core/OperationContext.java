package dev.jitelevate.core;

import com.azure.core.http.HttpClient;
import java.time.Clock;

/** What a privileged operation gets: fresh credentials, the cloud, the HTTP client, the event sink and the record. */
public interface OperationContext {

  /** Credentials of the elevated identity; each call's credential gets a token issued now. */
  CredentialSource credentials();

  /** The cloud to talk to. */
  CloudProfile cloud();

  /** The shared HTTP client (one stack, trusting the profile's CA); pass it to SDK builders. */
  HttpClient httpClient();

  /** The request being served. */
  ElevationRequest request();

  /** The id of the request that created the elevation (for tags); empty during dry-run. */
  String elevationRequestId();

  /** Whether this is a dry-run: read and check, never write. */
  boolean dryRun();

  /** Emits an event to the listener. */
  void emit(ElevationEvent event);

  /**
   * Registers a value that must never appear in any output. Call this before the value exists anywhere
   * else (before sending it, before putting it in any object that could be logged).
   */
  void registerSecret(String value);

  /** Adds a note to the record's {@code operation.notes} (ids, versions, decisions; never values). */
  void note(String key, Object value);

  /**
   * Sets the operation's typed result, the record's {@code operation.result} (ids, versions, outcomes; never
   * values). Call it again whenever it changes: each call is saved, so a process killed later still leaves it.
   */
  default void result(java.util.Map<String, Object> result) {
    note("result", result);
  }

  /** The clock. */
  Clock clock();
}
