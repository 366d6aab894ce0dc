package dev.jitelevate.emulator.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One notification rule of a policy as a scenario states it: {@code notificationLevel} ({@code None},
 * {@code Critical} or {@code All}), whether the default recipients get it, and the additional recipients (email
 * addresses). Azure's default for each of the nine rules is {@code All}, default recipients on, none added. Shared
 * by the ARM and Graph surfaces, whose policies have the same nine notification rules.
 */
public record NotificationSetting(String notificationLevel, boolean defaultRecipients, List<String> recipients) {
  private static final Set<String> LEVELS = Set.of("None", "Critical", "All");
  public static final NotificationSetting DEFAULT = new NotificationSetting("All", true, List.of());

  public NotificationSetting {
    recipients = List.copyOf(recipients);
    if (!LEVELS.contains(notificationLevel)) {
      throw new IllegalArgumentException("Unknown notificationLevel '" + notificationLevel + "' in a scenario"
          + " policy's notifications; use None, Critical or All.");
    }
  }

  /** The ids of the nine notification rules: Admin, Requestor, Approver × the three levels. */
  public static List<String> ruleIds() {
    List<String> ids = new ArrayList<>();
    for (String level : List.of("Admin_Eligibility", "Admin_Assignment", "EndUser_Assignment")) {
      for (String recipient : List.of("Admin", "Requestor", "Approver")) {
        ids.add("Notification_" + recipient + "_" + level);
      }
    }
    return ids;
  }

  /**
   * Reads a scenario's {@code notifications} object, keyed by rule id; absent fields keep Azure's defaults.
   *
   * @throws IllegalArgumentException for an unknown rule id or level
   */
  public static Map<String, NotificationSetting> from(JsonNode notifications) {
    Map<String, NotificationSetting> out = new LinkedHashMap<>();
    notifications.fields().forEachRemaining(field -> {
      if (!ruleIds().contains(field.getKey())) {
        throw new IllegalArgumentException("Unknown notification rule '" + field.getKey() + "' in a scenario"
            + " policy; use one of " + ruleIds() + ".");
      }
      JsonNode entry = field.getValue();
      List<String> recipients = new ArrayList<>();
      entry.path("notificationRecipients").forEach(r -> recipients.add(r.asText()));
      out.put(field.getKey(), new NotificationSetting(
          entry.path("notificationLevel").asText(DEFAULT.notificationLevel()),
          entry.path("isDefaultRecipientsEnabled").asBoolean(DEFAULT.defaultRecipients()), recipients));
    });
    return out;
  }
}
