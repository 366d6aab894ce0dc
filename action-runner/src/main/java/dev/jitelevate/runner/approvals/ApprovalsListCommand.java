package dev.jitelevate.runner.approvals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.runner.cli.CallAndRender;
import dev.jitelevate.runner.cli.Console;
import dev.jitelevate.runner.cli.OutputOptions;
import dev.jitelevate.runner.cli.SignIn;
import dev.jitelevate.runner.cli.SignInOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code jit-elevate approvals list}: who asks for what, for how long, why, and since when. */
@Command(name = "list", sortOptions = false, mixinStandardHelpOptions = true,
    description = "List the requests waiting for your approval: Azure roles, directory roles and PIM for Groups.")
public final class ApprovalsListCommand implements Callable<Integer> {
  @ParentCommand
  ApprovalsCommand parent;

  @Mixin
  SignInOptions signIn;

  @Mixin(name = "output")
  OutputOptions output;

  @Override
  public Integer call() {
    Console console = parent.root().console();
    return CallAndRender.of("approvals list", ApprovalsListCommand::json, ApprovalsListCommand::lines)
        .on(ApprovalException.class, ApprovalsDecideCommand.NOT_AUTHORIZED, ApprovalException::getMessage)
        .run(console, output, () -> new DeskSession(new SignIn(signIn, parent.root().env(), console)).desk().pending());
  }

  static String json(List<PendingApproval> pending) {
    Instant now = Instant.now();
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    pending.forEach(p -> list.add(json(p, now)));
    return list.toPrettyString();
  }

  static List<String> lines(List<PendingApproval> pending) {
    Instant now = Instant.now();
    return pending.isEmpty() ? List.of("No requests wait for your approval.")
        : pending.stream().map(p -> line(p, now)).toList();
  }

  static ObjectNode json(PendingApproval p, Instant now) {
    ObjectNode o = JsonNodeFactory.instance.objectNode().put("surface", p.surface().optionValue())
        .put("approvalId", p.approvalId()).put("requestId", p.requestId()).put("requester", p.requesterId())
        .put("target", p.targetId()).put("scope", p.scope()).put("justification", p.justification())
        .put("created", p.created().toString()).put("ageSeconds", p.age(now).toSeconds());
    p.duration().ifPresent(d -> o.put("duration", d.toString()));
    p.ticket().ifPresent(t -> o.put("ticket", t));
    p.targetName().ifPresent(n -> o.put("targetName", n));
    return o;
  }

  static String line(PendingApproval p, Instant now) {
    return String.format("%-14s %s%n  requester %s, target %s at %s, %s, waiting %s%n  justification: %s%s",
        p.surface().optionValue(), p.requestId(), p.requesterId(), p.targetName().orElse(p.targetId()), p.scope(),
        p.duration().map(ApprovalsListCommand::human).orElse("no end"), human(p.age(now)), p.justification(),
        p.ticket().map(t -> " (ticket " + t + ")").orElse(""));
  }

  static String human(Duration d) {
    long minutes = d.toMinutes();
    return minutes >= 120 ? d.toHours() + "h" : minutes >= 1 ? minutes + "m" : d.toSeconds() + "s";
  }
}
