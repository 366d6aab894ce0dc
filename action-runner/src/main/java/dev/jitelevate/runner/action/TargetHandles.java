package dev.jitelevate.runner.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActivationRecords;
import dev.jitelevate.core.RevocationHandle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every target's handle and own record, handed to the post step beside {@link PostState} when the main step
 * elevates several targets (the {@code targets} input), so the post step revokes each one granted so far. Saved
 * as one base64url JSON array under {@code GITHUB_STATE}; ids only, never a secret.
 */
record TargetHandles(List<Part> parts) {
  static final String STATE = "targets";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** One target: what revokes it and its record so far. */
  record Part(RevocationHandle handle, ActivationRecord record) {}

  TargetHandles {
    parts = List.copyOf(parts);
  }

  void save(FileCommands state) {
    ArrayNode array = MAPPER.createArrayNode();
    try {
      for (Part p : parts) {
        array.addObject().<com.fasterxml.jackson.databind.node.ObjectNode>set("handle",
            MAPPER.readTree(ActivationRecords.handleToJson(p.handle())))
            .set("record", MAPPER.readTree(ActivationRecords.toJson(p.record())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    state.set(STATE, PostState.encode(array.toString()));
  }

  /**
   * The targets the main step handed over, when it elevated several.
   *
   * @throws ActionFailure when the state is there but damaged
   */
  static Optional<TargetHandles> load(ActionEnvironment env) {
    Optional<String> text = env.get("STATE_" + STATE).filter(t -> !t.isBlank());
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      List<Part> parts = new ArrayList<>();
      for (JsonNode n : MAPPER.readTree(PostState.decode(text.get()))) {
        parts.add(new Part(ActivationRecords.handleFromJson(n.path("handle").toString()),
            ActivationRecords.fromJson(n.path("record").toString())));
      }
      return Optional.of(new TargetHandles(parts));
    } catch (IOException | RuntimeException e) {
      throw ActionFailure.internal("Damaged state", "The targets the main step saved cannot be read ("
          + UntrustedText.neutralize(String.valueOf(e.getMessage()), 200) + "). They end at their server-side expiry;"
          + " run 'jit-elevate sweep' or remove them in the portal to end them now.");
    }
  }
}
