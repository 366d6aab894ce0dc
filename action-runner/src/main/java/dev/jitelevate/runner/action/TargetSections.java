package dev.jitelevate.runner.action;

import dev.jitelevate.core.ActivationRecord;
import dev.jitelevate.core.ActivationRecord.TargetSection;
import java.util.List;
import java.util.stream.Collectors;

/** How the action names each target of a record with several (its {@code targets} sections) in outputs and summary. */
final class TargetSections {
  private TargetSections() {}

  /** A target in the compact syntax of the {@code targets} input, e.g. {@code azure-role:Contributor@/subscriptions/…}. */
  static String compact(ActivationRecord.Target t) {
    String name = t.roleName().or(t::roleDefinitionId).orElse("");
    return switch (t.kind()) {
      case AZURE_ROLE -> "azure-role:" + name + "@" + t.scope();
      case DIRECTORY_ROLE -> "directory-role:" + name + ("/".equals(t.scope()) || t.scope().isEmpty() ? "" : "@" + t.scope());
      case GROUP -> "group:" + t.groupAccess().map(a -> a.wireValue() + "@").orElse("") + name;
    };
  }

  /**
   * The {@code targets} output: a line per target, {@code TARGET OUTCOME REVOCATION} (and the failure's kind for the
   * one that failed); empty for a record of one target.
   */
  static String output(ActivationRecord r) {
    return r.targets().stream().map(s -> compact(s.target()) + " " + s.outcome() + " " + s.revocation().status()
        + s.error().map(e -> " " + e.kind()).orElse("")).map(l -> UntrustedText.neutralize(l, 600))
        .collect(Collectors.joining("\n"));
  }

  /**
   * For a record of several targets that failed: {@code "TARGET failed (the other targets were revoked): "}, naming
   * the first target whose section has an error; empty otherwise.
   */
  static String failed(ActivationRecord r) {
    return r.targets().size() < 2 ? "" : r.targets().stream().filter(s -> s.error().isPresent()).findFirst()
        .map(s -> compact(s.target()) + " failed (every target is revoked or was never granted): ").orElse("");
  }

  /** The summary's row of one target: its outcome, request, revocation and, when it failed, why. */
  static String summaryCell(TargetSection s) {
    return "`" + UntrustedText.neutralize(compact(s.target()), 300).replace('`', '\'').replace("|", "\\|") + "` **"
        + s.outcome() + "**, request " + (s.requestIds().isEmpty() ? "\u2014" : UntrustedText.markdownCell(String.join(", ", s.requestIds())))
        + ", " + s.revocation().status() + s.error().map(e -> "<br>" + e.kind() + ": "
        + UntrustedText.markdownCell(e.message())).orElse("");
  }

  /** The summary's rows, one per target ({@code Target 1}, {@code Target 2}, …); none for a record of one target. */
  static List<String[]> summaryRows(ActivationRecord r) {
    List<TargetSection> sections = r.targets();
    return java.util.stream.IntStream.range(0, sections.size())
        .mapToObj(i -> new String[] {"Target " + (i + 1), summaryCell(sections.get(i))}).toList();
  }
}
