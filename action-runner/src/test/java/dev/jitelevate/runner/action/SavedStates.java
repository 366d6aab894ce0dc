package dev.jitelevate.runner.action;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every state a step saved for the post step, in order, read from its state file as the runner writes it. */
final class SavedStates {
  private SavedStates() {}

  /**
   * Every state the step saved, in order: a new snapshot starts at each {@code handle} (the runner keeps only the
   * last value of each name; the earlier ones show what a kill at that moment would have left).
   */
  static List<Map<String, String>> of(SimulatedRunner.Step step) {
    List<Map<String, String>> snapshots = new ArrayList<>();
    String text;
    try {
      text = Files.readString(step.stateFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> current = null;
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int heredoc = line.indexOf("<<");
      int equals = line.indexOf('=');
      String name;
      String value;
      if (heredoc > 0 && (equals < 0 || heredoc < equals)) {
        name = line.substring(0, heredoc);
        String delimiter = line.substring(heredoc + 2);
        List<String> block = new ArrayList<>();
        while (++i < lines.size() && !lines.get(i).equals(delimiter)) {
          block.add(lines.get(i));
        }
        value = String.join("\n", block);
      } else if (equals > 0) {
        name = line.substring(0, equals);
        value = line.substring(equals + 1);
      } else {
        continue;
      }
      if (name.equals(PostState.HANDLE) || current == null) {
        current = new LinkedHashMap<>(current == null ? Map.of() : current);
        snapshots.add(current);
      }
      current.put(name, value);
    }
    return snapshots;
  }
}
