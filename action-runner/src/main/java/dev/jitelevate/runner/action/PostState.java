package dev.jitelevate.runner.action;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActivationRecords;
import dev.jitelevate.core.RevocationHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * What the main step hands the post step through {@code GITHUB_STATE} (the runner passes it back as
 * {@code STATE_<name>}): the revocation handle, the record so far and where it is written. Ids only, never a
 * secret. Values are base64url so that no shell or tool on the way can alter JSON escapes.
 */
record PostState(RevocationHandle handle, ActivationRecord record, Path recordPath, Phase phase) {
  static final String HANDLE = "handle";
  static final String RECORD = "record";
  static final String RECORD_PATH = "record-path";
  static final String PHASE = "phase";

  /** How far the main step got when it saved the state; anything but DONE means it was killed after that. */
  enum Phase {
    /** The request was submitted; provisioning and verification were still to come. */
    SUBMITTED,
    /** The operation was running (its result so far is in the record). */
    OPERATION,
    /** The main step ended and wrote its record (held for the post step, revoked, or interrupted). */
    DONE;

    String wireValue() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Phase parse(String value) {
      return value == null || value.isBlank() ? DONE : Phase.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** Saves the state for the post step (the runner keeps the last value of each name). */
  void save(FileCommands state) {
    state.set(HANDLE, encode(ActivationRecords.handleToJson(handle)));
    state.set(RECORD, encode(ActivationRecords.toJson(record)));
    state.set(RECORD_PATH, recordPath.toString());
    state.set(PHASE, phase.wireValue());
  }

  /**
   * Reads the state, when the main step left any.
   *
   * @throws ActionFailure when it is there but damaged
   */
  static Optional<PostState> load(ActionEnvironment env) {
    Optional<String> handle = env.get("STATE_" + HANDLE);
    if (handle.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new PostState(ActivationRecords.handleFromJson(decode(handle.get())),
          ActivationRecords.fromJson(decode(env.get("STATE_" + RECORD).orElse(""))),
          Path.of(env.get("STATE_" + RECORD_PATH).orElse("")), Phase.parse(env.get("STATE_" + PHASE).orElse(""))));
    } catch (RuntimeException e) {
      throw ActionFailure.internal("Damaged state", "The state the main step saved cannot be read ("
          + UntrustedText.neutralize(e.getMessage(), 200) + "). The elevation ends at its server-side expiry; "
          + "run 'jit-elevate sweep' or remove it in the portal to end it now.");
    }
  }

  static String encode(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  static String decode(String text) {
    return new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8);
  }
}
