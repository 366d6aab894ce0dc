package dev.jitelevate.emulator.graph;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** Id formats the service uses for PIM objects. */
final class PimIds {
  private PimIds() {}

  static String newGuid() {
    return UUID.randomUUID().toString();
  }

  /** A stable GUID derived from names (policy ids, standing membership ids). */
  static String stableGuid(String... parts) {
    return UUID.nameUUIDFromBytes(String.join("|", parts).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /**
   * A directory role assignment id as the service forms it: base64url of the role template and principal GUIDs
   * (little-endian, as .NET serialises them) followed by {@code -1} (tenant scope) — e.g. {@code lAPpYvVp…-1}.
   */
  static String directoryAssignmentId(String roleDefinitionId, String principalId) {
    ByteBuffer buffer = ByteBuffer.allocate(32);
    putDotNetGuid(buffer, roleDefinitionId);
    putDotNetGuid(buffer, principalId);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array()) + "-1";
  }

  /** A directory role eligibility instance id ({@code …-1-e}). */
  static String directoryEligibilityId(String roleDefinitionId, String principalId) {
    return directoryAssignmentId(roleDefinitionId, principalId) + "-e";
  }

  /** A group schedule or instance id: {@code {groupId}_{member|owner}_{guid}}. */
  static String groupScheduleId(PimTarget target, String guid) {
    return target.scope() + "_" + target.role() + "_" + guid;
  }

  private static void putDotNetGuid(ByteBuffer buffer, String guid) {
    UUID uuid = parseOrDerive(guid);
    long msb = uuid.getMostSignificantBits();
    ByteBuffer le = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    le.putInt((int) (msb >>> 32)).putShort((short) (msb >>> 16)).putShort((short) msb);
    buffer.put(le.array());
    buffer.putLong(uuid.getLeastSignificantBits());
  }

  private static UUID parseOrDerive(String guid) {
    try {
      return UUID.fromString(guid);
    } catch (IllegalArgumentException e) {
      return UUID.nameUUIDFromBytes(guid.getBytes(StandardCharsets.UTF_8));
    }
  }
}
