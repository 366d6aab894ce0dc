package dev.jitelevate.emulator.server;

import dev.jitelevate.emulator.kernel.EmulatorContext;
import dev.jitelevate.emulator.kernel.EmulatorRequest;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.Surface;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The engine-independent heart of the emulator: finds the surface that owns a request, lets the hazards
 * act, calls the surface, decorates the response with the services' common headers and journals it.
 */
final class Dispatcher {
  private final EmulatorContext context;
  private final List<Surface> surfaces;
  private final Surface admin;
  private final HazardGate gate;
  private final RequestJournal journal;
  private final String hostNote;

  /**
   * @param hostNote what a not-found answer adds about this host, e.g. that it serves one service alone
   */
  Dispatcher(EmulatorContext context, List<Surface> surfaces, Surface admin, HazardGate gate, RequestJournal journal,
      String hostNote) {
    this.context = context;
    this.surfaces = List.copyOf(surfaces);
    this.admin = admin;
    this.gate = gate;
    this.journal = journal;
    this.hostNote = hostNote;
  }

  /** The result of dispatching: a response, or a connection reset when {@code response} is null. */
  record Outcome(EmulatorResponse response, long delayMs) {
    boolean reset() {
      return response == null;
    }
  }

  Outcome dispatch(String method, String rawUrl, Map<String, List<String>> headers, byte[] body, String clientIp) {
    long started = System.nanoTime();
    Instant at = context.clock().now();
    EmulatorRequest request = adapt(method, rawUrl, headers, body);
    String callerOid = CallerHint.objectId(request).orElse(null);
    Optional<Surface> owner = surfaces.stream().filter(s -> owns(s, request)).findFirst();
    Outcome outcome = owner
        .map(s -> serve(s, request, callerOid == null ? "ip:" + clientIp : "oid:" + callerOid))
        .orElseGet(() -> new Outcome(notFound(request, hostNote), 0));
    if (!outcome.reset()) {
      outcome = new Outcome(ResponseHeaders.decorate(outcome.response(), request, context.clock().now()), outcome.delayMs());
    }
    long durationMs = (System.nanoTime() - started) / 1_000_000 + outcome.delayMs();
    int queryStart = rawUrl.indexOf('?');
    journal.record(new JournalEntry(at, request.method(), request.path(),
        queryStart < 0 ? "" : rawUrl.substring(queryStart + 1),
        outcome.reset() ? 0 : outcome.response().status(), durationMs,
        owner.map(Surface::name).orElse("none"), request.requestId(), callerOid));
    return outcome;
  }

  private Outcome serve(Surface surface, EmulatorRequest request, String callerKey) {
    HazardGate.Verdict verdict = gate.evaluate(surface, request, callerKey, surface != admin, context.hazards());
    if (verdict.reset()) {
      return new Outcome(null, verdict.delayMs());
    }
    if (verdict.early().isPresent()) {
      return new Outcome(verdict.early().get(), verdict.delayMs());
    }
    if (verdict.lostAnswer()) {
      safeHandle(surface, request);
      return new Outcome(null, verdict.delayMs());
    }
    return new Outcome(safeHandle(surface, request), verdict.delayMs());
  }

  private static EmulatorResponse safeHandle(Surface surface, EmulatorRequest request) {
    try {
      EmulatorResponse response = surface.handle(request);
      if (response == null) {
        throw new IllegalStateException("surface " + surface.name() + " returned no response");
      }
      return response;
    } catch (RuntimeException | Error e) {
      return surface.error(500, "InternalServerError",
          "The emulator's " + surface.name() + " service failed on this request: " + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
    }
  }

  private static boolean owns(Surface surface, EmulatorRequest request) {
    try {
      return surface.owns(request);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static EmulatorResponse notFound(EmulatorRequest request, String hostNote) {
    var error = Json.object();
    error.putObject("error")
        .put("code", "NotFound")
        .put("message", "No emulated service serves " + request.method() + " " + request.path() + " here"
            + hostNote + ". See emulator/README.md for the paths the emulator implements.");
    return EmulatorResponse.json(404, error);
  }

  static EmulatorRequest adapt(String method, String rawUrl, Map<String, List<String>> headers, byte[] body) {
    int queryStart = rawUrl.indexOf('?');
    String rawPath = queryStart < 0 ? rawUrl : rawUrl.substring(0, queryStart);
    String rawQuery = queryStart < 0 ? "" : rawUrl.substring(queryStart + 1);
    String path = PercentCodec.collapseSlashes(PercentCodec.decodePath(rawPath));
    return new EmulatorRequest(method, path, rawPath, PercentCodec.parseQuery(rawQuery), headers, body,
        UUID.randomUUID().toString());
  }
}
