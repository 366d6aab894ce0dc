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
record PostState(RevocationHandle handle, ActivationRecord record, Path recordPath) {
  static final String HANDLE = "handle";
  static final String RECORD = "record";
  static final String RECORD_PATH = "record-path";

  /** Saves the state for the post step. */
  void save(FileCommands state) {
    state.set(HANDLE, encode(ActivationRecords.handleToJson(handle)));
    state.set(RECORD, encode(ActivationRecords.toJson(record)));
    state.set(RECORD_PATH, recordPath.toString());
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
          Path.of(env.get("STATE_" + RECORD_PATH).orElse(""))));
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
