package dev.jitelevate.emulator.arm;

import dev.jitelevate.emulator.kernel.Caller;
import dev.jitelevate.emulator.kernel.EmulatorRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One authenticated call to {@code …/providers/Microsoft.Authorization/…}.
 *
 * @param request the HTTP request
 * @param caller the validated caller
 * @param identities the caller's object id and group ids (lower-case)
 * @param scope the scope before {@code /providers/Microsoft.Authorization}
 * @param segments the path segments after it (collection, name, sub-resources)
 * @param now the emulator's current time
 */
record ArmCall(EmulatorRequest request, Caller caller, Set<String> identities, ArmScope scope, List<String> segments, Instant now) {

  ArmCall {
    segments = List.copyOf(segments);
  }

  String method() {
    return request.method();
  }

  /** The segment at the index, or null. */
  String segment(int index) {
    return index < segments.size() ? segments.get(index) : null;
  }

  String lowerSegment(int index) {
    String s = segment(index);
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  String callerId() {
    return caller.objectId();
  }
}
