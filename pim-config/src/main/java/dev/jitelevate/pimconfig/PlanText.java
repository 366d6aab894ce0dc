package dev.jitelevate.pimconfig;

import java.util.List;

/** A plan as people read it, terraform-style: {@code + create}, {@code ~ update} (before → after), {@code - remove}. */
final class PlanText {
  private PlanText() {}

  static String render(Plan plan) {
    StringBuilder out = new StringBuilder();
    for (Surface surface : Surface.values()) {
      List<Change> changes = plan.changes().stream().filter(c -> c.surface() == surface).toList();
      List<Change> undeclared = plan.undeclared().stream().filter(c -> c.surface() == surface).toList();
      if (changes.isEmpty() && undeclared.isEmpty()) {
        continue;
      }
      out.append(surface.title()).append(":\n");
      changes.forEach(c -> change(out, c));
      for (Change c : undeclared) {
        out.append("  ! ").append(c.subject()).append(" (not in the file; apply --prune removes it)\n");
      }
    }
    long create = count(plan, ChangeAction.CREATE);
    long update = count(plan, ChangeAction.UPDATE);
    long remove = count(plan, ChangeAction.REMOVE);
    if (!plan.hasChanges()) {
      out.append("No changes: the tenant matches ").append(plan.file()).append(".");
    } else {
      out.append("Plan: ").append(create).append(" to create, ").append(update).append(" to update, ")
          .append(remove).append(" to remove.");
    }
    if (!plan.undeclared().isEmpty()) {
      out.append(" ").append(plan.undeclared().size()).append(" undeclared assignment(s) left alone.");
    }
    return out.append('\n').toString();
  }

  private static void change(StringBuilder out, Change c) {
    out.append("  ").append(c.action().symbol()).append(' ').append(c.subject());
    if (c.location().line() > 0) {
      out.append("  (").append(c.location()).append(')');
    }
    out.append('\n');
    for (Change.Detail d : c.details()) {
      out.append("      ").append(d.name()).append(": ").append(show(d.before())).append(" → ").append(show(d.after()))
          .append('\n');
    }
  }

  private static String show(String value) {
    return value.isEmpty() ? "(none)" : value;
  }

  private static long count(Plan plan, ChangeAction action) {
    return plan.changes().stream().filter(c -> c.action() == action).count();
  }
}
