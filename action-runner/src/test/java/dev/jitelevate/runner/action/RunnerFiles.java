package dev.jitelevate.runner.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The files a GitHub runner reads as it runs the action: the steps' file commands and the action.yml's inputs. */
final class RunnerFiles {
  private RunnerFiles() {}

  /** Parses a file-command file as the runner does: {@code name=value} lines and {@code name<<DELIM} blocks. */
  public static Map<String, String> parseFileCommands(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty()) continue;
      int heredoc = line.indexOf("<<");
      int equals = line.indexOf('=');
      if (heredoc > 0 && (equals < 0 || heredoc < equals)) {
        String name = line.substring(0, heredoc);
        String delimiter = line.substring(heredoc + 2);
        List<String> value = new ArrayList<>();
        i++;
        while (i < lines.size() && !lines.get(i).equals(delimiter)) {
          value.add(lines.get(i++));
        }
        assertThat(i).as("the delimiter of %s is closed", name).isLessThan(lines.size());
        values.put(name, String.join("\n", value));
      } else if (equals > 0) {
        values.put(line.substring(0, equals), line.substring(equals + 1));
      } else {
        throw new AssertionError("not a file command: " + line);
      }
    }
    return values;
  }

  /** The inputs' defaults from the repository's action.yml, as the runner sets them. */
  static Map<String, String> actionYmlDefaults() throws IOException {
    Path yml = Stream.of(Path.of("../action.yml"), Path.of("action.yml")).filter(Files::exists).findFirst()
        .orElseThrow(() -> new AssertionError("action.yml not found"));
    Map<String, String> defaults = new LinkedHashMap<>();
    boolean inside = false;
    String name = null;
    Pattern input = Pattern.compile("^  ([A-Za-z0-9_-]+):\\s*$");
    Pattern dflt = Pattern.compile("^    default:\\s*'(.*)'\\s*$");
    for (String line : Files.readAllLines(yml)) {
      if (line.startsWith("inputs:")) { inside = true; continue; }
      if (!line.isEmpty() && !line.startsWith(" ") && !line.startsWith("#")) inside = false;
      if (!inside) continue;
      Matcher m = input.matcher(line);
      if (m.matches()) { name = m.group(1); continue; }
      Matcher d = dflt.matcher(line);
      if (d.matches() && name != null) {
        defaults.put(name.toUpperCase(java.util.Locale.ROOT), d.group(1).replace("''", "'"));
      }
    }
    return defaults;
  }
}
