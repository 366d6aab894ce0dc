package dev.jitelevate.runner.action;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.Durations;
import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.Elevator;
import dev.jitelevate.core.InvalidElevationRequestException;
import dev.jitelevate.core.PollingPolicy;
import dev.jitelevate.core.CloudHttp;
import dev.jitelevate.runner.ExitCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** What the main and the post step share: the environment, the log, the file commands, and the record's ending. */
final class StepContext {
  /** Overrides the service's 5-minute deactivation floor (clouds or emulators with another floor). */
  static final String MIN_ACTIVE_VARIABLE = "JIT_ELEVATE_MIN_ACTIVE_DURATION";

  final ActionEnvironment env;
  final WorkflowLog log;
  final java.io.PrintStream out;
  final Clock clock;
  final FileCommands outputs;
  final FileCommands state;
  /** Set once an active elevation is handed to the post step: the process must then exit without revoking it. */

  StepContext(ActionEnvironment env, WorkflowLog log, Clock clock) {
    this.env = env;
    this.log = log;
    this.out = log.out();
    this.clock = clock;
    this.outputs = new FileCommands(env.path("GITHUB_OUTPUT"), "GITHUB_OUTPUT");
    this.state = new FileCommands(env.path("GITHUB_STATE"), "GITHUB_STATE");
  }

  /** Masks every secret the runner may have given the step, before anything else is printed. */
  void maskKnownSecrets() {
    for (String variable : new String[] {"ACTIONS_ID_TOKEN_REQUEST_TOKEN", "ACTIONS_RUNTIME_TOKEN",
        IdentitySettings.BROKER_SECRET_VARIABLE}) {
      env.raw(variable).ifPresent(log::mask);
    }
  }

  Elevator elevator(IdentitySettings settings, Identities identities) {
    return elevator(settings, identities, new ProgressListener(log, clock));
  }

  Elevator elevator(IdentitySettings settings, Identities identities, dev.jitelevate.core.ElevationListener listener) {
    PollingPolicy polling = PollingPolicy.defaults();
    Optional<String> floor = env.get(MIN_ACTIVE_VARIABLE);
    if (floor.isPresent()) {
      polling = polling.withMinimumActiveDuration(Durations.parse(MIN_ACTIVE_VARIABLE, floor.get()));
    }
    var builder = Elevator.builder().cloud(settings.cloud().cloud()).tenantId(settings.tenantId())
        .identity(identities.identity()).listener(listener).clock(clock).polling(polling)
        .maxAccessTokenLifetime(maxTokenLifetimeOrDefault())
        .replaceSdkSharedExecutor(true); // the action owns its process: keep the SDK usable for a revoke on SIGTERM
    identities.broker().ifPresent(builder::broker);
    return builder.build();
  }

  /** The input, or 90 minutes when it is bad: the post step revokes whatever the main step refused. */
  private java.time.Duration maxTokenLifetimeOrDefault() {
    try {
      return maxTokenLifetime();
    } catch (ActionFailure e) {
      return ActivationRecord.Exposure.DEFAULT_MAX_ACCESS_TOKEN_LIFETIME;
    }
  }

  /** The {@code max-token-lifetime} input: how long access may outlive the elevation (90 minutes by default). */
  java.time.Duration maxTokenLifetime() {
    Optional<String> text = env.input("max-token-lifetime");
    if (text.isEmpty()) {
      return ActivationRecord.Exposure.DEFAULT_MAX_ACCESS_TOKEN_LIFETIME;
    }
    java.time.Duration d;
    try {
      d = Durations.parse("max-token-lifetime", text.get());
    } catch (dev.jitelevate.core.InvalidElevationRequestException e) {
      d = java.time.Duration.ZERO;
    }
    if (d.isZero() || d.isNegative()) {
      throw ActionFailure.input("max-token-lifetime", "'" + UntrustedText.neutralize(text.get(), 40)
          + "' is not a positive duration. Use the longest access-token lifetime of your tenant, e.g. 90m or 2h.");
    }
    return d;
  }

  /** Writes the record into the workspace, appends the summary and, when asked, uploads the record. */
  Path publish(ActivationRecord record, Optional<Path> knownPath, String heading, boolean upload,
      Optional<String> artifactName, CloudProfile cloud) {
    return publish(record, knownPath, heading, upload, artifactName, cloud, false);
  }

  /**
   * Like {@link #publish(ActivationRecord, Optional, String, boolean, Optional, CloudProfile)}; {@code held}
   * writes one summary line instead of the table, which the post step writes when it ends the elevation (one
   * table per job).
   */
  Path publish(ActivationRecord record, Optional<Path> knownPath, String heading, boolean upload,
      Optional<String> artifactName, CloudProfile cloud, boolean held) {
    return publish(record, knownPath, heading, upload, artifactName, cloud, held, Optional.empty());
  }

  /** Like the above; the summary's revocation bar starts at {@code revokeStarted} when given (the post step's). */
  Path publish(ActivationRecord record, Optional<Path> knownPath, String heading, boolean upload,
      Optional<String> artifactName, CloudProfile cloud, boolean held, Optional<java.time.Instant> revokeStarted) {
    Path path = knownPath.filter(p -> p.normalize().startsWith(env.workspace().resolve(RecordFiles.DIRECTORY)))
        .orElseGet(() -> RecordFiles.pathFor(record, env));
    RecordFiles.write(path, record);
    Optional<String> artifact = Optional.empty();
    if (upload) {
      artifact = uploadRecord(path, record, artifactName, cloud);
    }
    StepSummary.append(env.path("GITHUB_STEP_SUMMARY"), held ? StepSummary.renderHeld(heading, record)
        : StepSummary.render(heading, record, Optional.of(path.toString()), artifact, revokeStarted), log);
    return path;
  }

  private Optional<String> uploadRecord(Path path, ActivationRecord record, Optional<String> given, CloudProfile cloud) {
    String name = RecordFiles.artifactNameFor(given, record, env);
    Optional<ArtifactUpload> uploader = ArtifactUpload.from(env, CloudHttp.okHttp(cloud), log);
    if (uploader.isEmpty()) {
      log.notice("Record not uploaded", "The activation record was written to " + path + " but not uploaded as an"
          + " artifact: this step has no ACTIONS_RUNTIME_TOKEN/ACTIONS_RESULTS_URL. Upload it with"
          + " actions/upload-artifact, or set upload-artifact: false to silence this.");
      return Optional.empty();
    }
    try {
      String id = uploader.get().upload(name, path.getFileName().toString(), Files.readString(path).getBytes(StandardCharsets.UTF_8));
      log.info("Uploaded the record as the artifact '" + name + "'" + (id.isEmpty() ? "" : " (id " + id + ")") + ".");
      return Optional.of(name);
    } catch (IOException | RuntimeException e) {
      log.warning("Record not uploaded", "Uploading the record as the artifact '" + name + "' failed: "
          + UntrustedText.neutralize(log.redact(String.valueOf(e.getMessage())), 300) + ". It is still at " + path + ".");
      return Optional.empty();
    }
  }

  /** One annotation for a failure of the lifecycle; returns its exit code. */
  int fail(ElevationException e, Optional<Identities> identities) {
    return fail(e, identities, "");
  }

  /** Like {@link #fail(ElevationException, Optional)}, the message after {@code context} (e.g. the target that failed). */
  int fail(ElevationException e, Optional<Identities> identities, String context) {
    if (e instanceof InvalidElevationRequestException invalid) {
      return report(ActionFailure.input(invalid.input(), UntrustedText.neutralize(invalid.getMessage(), 1000)));
    }
    if (identities.isPresent() && String.valueOf(e.getMessage()).contains("AADSTS")) {
      return report(identities.get().explain(e, "client-id", "the workload identity"));
    }
    String detail = e.azureErrorCode().map(c -> " [" + c + "]").orElse("")
        + e.azureRequestId().map(id -> " (request id " + id + ")").orElse("");
    log.error("Elevation failed: " + e.kind(), UntrustedText.neutralize(log.redact(context + e.getMessage()), 1500) + detail);
    return ExitCodes.of(e.kind());
  }

  int report(ActionFailure f) {
    log.error(f.title(), UntrustedText.neutralize(log.redact(f.getMessage()), 1500));
    return f.exitCode();
  }
}
