package dev.jitelevate.runner.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActiveElevation;
import dev.jitelevate.core.ActiveElevations;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.ElevationRequest;
import dev.jitelevate.core.Elevator;
import dev.jitelevate.runner.ExitCodes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code elevate} of several targets without a command: elevates them all (all-or-nothing), leaves them active,
 * writes one handle file per target (each revocable with {@code jit-elevate revoke --handle}) and the one record.
 */
final class HeldTargets {
  private final Console console;
  private final boolean json;

  HeldTargets(Console console, boolean json) {
    this.console = console;
    this.json = json;
  }

  /**
   * @param handleOut where to write the handles ({@code FILE} becomes {@code FILE-1.json}, {@code FILE-2.json}, …),
   *     or null for {@code $TMPDIR/jit-elevate/{request-id}.json}
   */
  int hold(Elevator elevator, List<ElevationRequest> requests, Path handleOut,
      Function<ActivationRecord, Path> recordPath, String signInHint) {
    ActiveElevations all;
    try {
      all = elevator.elevateAll(requests);
    } catch (ElevationException e) {
      // one target failed: the others are already revoked; the record says which failed and why
      e.record().ifPresent(r -> ElevationFile.writeRecord(recordPath.apply(r), r));
      throw e;
    }
    all.detach();
    List<ActiveElevation> each = all.elevations();
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < each.size(); i++) {
      ActiveElevation a = each.get(i);
      Path file = handleOut != null ? numbered(handleOut, i + 1)
          : ElevationFile.defaultDirectory().resolve(a.handle().requestId() + ".json");
      files.add(ElevationFile.write(file, a.handle(), a.record()));
    }
    ActivationRecord record = all.record();
    Path recordFile = ElevationFile.writeRecord(recordPath.apply(record), record);
    if (json) {
      ObjectNode o = Json.object();
      ArrayNode handles = o.putArray("handles");
      for (int i = 0; i < each.size(); i++) {
        handles.addObject().put("handleFile", files.get(i).toString()).set("handle", Json.handle(each.get(i).handle()));
      }
      o.put("expiresAt", all.expiresAt().toString());
      o.put("recordFile", recordFile.toString());
      console.result(Json.write(o));
    } else {
      for (int i = 0; i < each.size(); i++) {
        Summary.held(each.get(i).handle(), files.get(i), signInHint).forEach(console::result);
      }
      console.result("Record:     " + recordFile);
    }
    return ExitCodes.OK;
  }

  /** {@code dir/name.json} as {@code dir/name-N.json}. */
  static Path numbered(Path file, int n) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String numbered = dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
    return file.resolveSibling(numbered);
  }
}
