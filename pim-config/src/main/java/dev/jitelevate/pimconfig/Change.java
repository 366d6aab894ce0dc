package dev.jitelevate.pimconfig;

import java.util.List;
import java.util.Objects;

/**
 * One difference between the file and the tenant.
 *
 * @param subject what changes, e.g. {@code eligible Contributor for grp-ops at /subscriptions/…}
 * @param location where the file declares it ({@link Location#none()} for undeclared assignments)
 * @param details before → after of each changed value (policy settings, an assignment's end)
 */
public record Change(Surface surface, ChangeAction action, String subject, Location location, List<Detail> details) {
  /** One value that changes: {@code before} → {@code after}, as the file spells them. */
  public record Detail(String name, String before, String after) {}

  public Change {
    Objects.requireNonNull(surface, "surface");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(location, "location");
    details = List.copyOf(details);
  }
}
