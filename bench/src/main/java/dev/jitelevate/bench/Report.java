package dev.jitelevate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The markdown the bench prints and writes into BENCHMARKS.md between its markers. */
final class Report {
  static final String BEGIN = "<!-- bench/run.sh: begin (generated, replaced by each run) -->";
  static final String END = "<!-- bench/run.sh: end -->";
  private static final List<String> NOTES = new CopyOnWriteArrayList<>();
  private final StringBuilder md = new StringBuilder();

  /** Something that went wrong during a measurement, listed under the tables; null is ignored. */
  static void note(String text) {
    if (text != null) {
      NOTES.add(text);
    }
  }

  Report line(String text) {
    md.append(text).append('\n');
    return this;
  }

  Report table(String... header) {
    line("| " + String.join(" | ", header) + " |");
    List<String> rule = new ArrayList<>();
    for (int i = 0; i < header.length; i++) {
      rule.add(i == 0 ? "---" : "---:");
    }
    return line("|" + String.join("|", rule) + "|");
  }

  Report row(Object... cells) {
    List<String> s = new ArrayList<>();
    for (Object c : cells) {
      s.add(c instanceof Double d ? num(d) : String.valueOf(c));
    }
    return line("| " + String.join(" | ", s) + " |");
  }

  static String num(double d) {
    if (Double.isNaN(d)) {
      return "–";
    }
    return Math.abs(d) >= 100 ? String.format(Locale.ROOT, "%.0f", d) : String.format(Locale.ROOT, "%.2f", d);
  }

  static String verdict(boolean met) {
    return met ? "met" : "**missed**";
  }

  String render() {
    if (!NOTES.isEmpty()) {
      line("").line("Problems during this run:").line("");
      NOTES.forEach(n -> line("- " + n));
    }
    return md.toString();
  }

  /** Replaces the generated section of the file, or puts it before the first second-level heading. */
  static void writeInto(Path file, String section) throws IOException {
    String text = Files.readString(file);
    String block = BEGIN + "\n" + section.strip() + "\n" + END;
    int b = text.indexOf(BEGIN);
    int e = text.indexOf(END);
    if (b >= 0 && e > b) {
      text = text.substring(0, b) + block + text.substring(e + END.length());
    } else {
      int at = text.indexOf("\n## ");
      text = at < 0 ? text + "\n" + block + "\n" : text.substring(0, at + 1) + block + "\n\n" + text.substring(at + 1);
    }
    Files.writeString(file, text);
  }

  /** The image's added size from the image section (scripts/bench-image.sh), or NaN. */
  static double imageAddedMiB(Path file) throws IOException {
    Matcher m = Pattern.compile("\\*\\*added by the action image\\*\\* \\| \\*\\*([0-9.]+)\\*\\*").matcher(Files.readString(file));
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }
}
