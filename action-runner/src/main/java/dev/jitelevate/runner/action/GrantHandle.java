package dev.jitelevate.runner.action;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActivationRecords;
import dev.jitelevate.core.RevocationHandle;

/**
 * The revocation handle the grant job hands to the revoke job through a job output: the handle and the record
 * so far, each as base64url JSON, joined by a dot. Ids only, never a secret or a token.
 */
record GrantHandle(RevocationHandle handle, ActivationRecord record) {
  String encode() {
    return PostState.encode(ActivationRecords.handleToJson(handle)) + "." + PostState.encode(ActivationRecords.toJson(record));
  }

  /**
   * Reads the {@code revocation-handle} input.
   *
   * @throws ActionFailure when it is not one the grant job wrote
   */
  static GrantHandle decode(String text) {
    String[] parts = text.strip().split("\\.", -1);
    try {
      if (parts.length != 2) {
        throw new IllegalArgumentException("expected two parts");
      }
      return new GrantHandle(ActivationRecords.handleFromJson(PostState.decode(parts[0])),
          ActivationRecords.fromJson(PostState.decode(parts[1])));
    } catch (RuntimeException e) {
      throw ActionFailure.input("revocation-handle", "The revocation handle cannot be read ("
          + UntrustedText.neutralize(String.valueOf(e.getMessage()), 200) + "). Pass the grant job's output as is:"
          + " revocation-handle: ${{ needs.grant.outputs.revocation-handle }}.");
    }
  }
}
