package dev.jitelevate.runner;

import dev.jitelevate.runner.action.ActionCommand;
import dev.jitelevate.runner.action.ActionPostCommand;
import dev.jitelevate.runner.approvals.ApprovalsCommand;
import dev.jitelevate.runner.broker.BrokerCommand;
import dev.jitelevate.runner.cli.DeactivateCommand;
import dev.jitelevate.runner.cli.DemoCommand;
import dev.jitelevate.runner.cli.ElevateCommand;
import dev.jitelevate.runner.cli.RevokeCommand;
import dev.jitelevate.runner.cli.SecretsCommand;
import dev.jitelevate.runner.cli.StatusCommand;
import dev.jitelevate.runner.cli.SweepCommand;
import dev.jitelevate.runner.doctor.DoctorCommand;
import dev.jitelevate.runner.pim.PimCommand;
import dev.jitelevate.runner.records.RecordsCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.AutoComplete;

/**
 * The top-level commands, by name, in the order {@code --help} lists them. A run registers only the command it
 * runs ({@link #forArguments}): picocli builds its model of a command by reflection over every option of every
 * nested command, and its classes cannot come from the class-data archive (they are Java 5 class files), so
 * modelling all of them costs a command that needs one a few hundred milliseconds of start-up.
 */
final class Subcommands {
  /** Commands whose work needs the whole tree: the completion script describes every command. */
  private static final String COMPLETION = "generate-completion";
  private static final String ACTION = "action";
  private static final String ACTION_POST = "action-post";

  private static final Map<String, Class<?>> ALL = all();

  private Subcommands() {}

  private static Map<String, Class<?>> all() {
    Map<String, Class<?>> all = new LinkedHashMap<>();
    all.put("elevate", ElevateCommand.class);
    all.put("status", StatusCommand.class);
    all.put("revoke", RevokeCommand.class);
    all.put("deactivate", DeactivateCommand.class);
    all.put("sweep", SweepCommand.class);
    all.put("demo", DemoCommand.class);
    all.put("records", RecordsCommand.class);
    all.put("secrets", SecretsCommand.class);
    all.put("pim", PimCommand.class);
    all.put("broker", BrokerCommand.class);
    all.put("doctor", DoctorCommand.class);
    all.put("approvals", ApprovalsCommand.class);
    all.put(ACTION, ActionCommand.class);
    all.put(ACTION_POST, ActionPostCommand.class);
    all.put(COMPLETION, AutoComplete.GenerateCompletion.class);
    return all;
  }

  /** Commands that work offline (local files, help): no HTTP stack to prepare for them. */
  private static final Set<String> OFFLINE = Set.of("records", COMPLETION, "help", "-h", "--help");

  /** Whether the command these arguments name talks to a cloud (or the demo's emulator) over HTTPS. */
  static boolean callsTheCloud(String[] args) {
    return args.length > 0 && ALL.containsKey(args[0]) && !OFFLINE.contains(args[0])
        && !List.of(args).contains("--help") && !List.of(args).contains("-h");
  }

  /**
   * Whether these arguments are exactly one of the action's two steps. The runner starts them with no other
   * argument (their inputs are INPUT_* and STATE_* variables), so there is nothing for picocli to parse, and
   * building its model of the command is about 90 ms of the main step's start before its first request and of
   * the post step's before it revokes. Anything more ({@code action --help}) is parsed by picocli as before.
   */
  static boolean isActionStep(String[] args) {
    return args.length == 1 && (ACTION.equals(args[0]) || ACTION_POST.equals(args[0]));
  }

  /** Runs the action's step of that name as its picocli command would, and returns its exit code. */
  static int runActionStep(String name) {
    return ACTION.equals(name) ? new ActionCommand().call() : new ActionPostCommand().call();
  }

  /** Every command, in help order. */
  static List<Class<?>> every() {
    return List.copyOf(ALL.values());
  }

  /** Every command's name, in help order. */
  static List<String> names() {
    return List.copyOf(ALL.keySet());
  }

  /**
   * What a run with these arguments needs: the one command the first argument names, or every command when it
   * names none (help, the version, a mistyped command that picocli should answer with suggestions) or asks for
   * the completion script.
   */
  static List<Class<?>> forArguments(String[] args) {
    if (args.length == 0 || COMPLETION.equals(args[0]) || !ALL.containsKey(args[0])) {
      return every();
    }
    return List.of(ALL.get(args[0]));
  }
}
