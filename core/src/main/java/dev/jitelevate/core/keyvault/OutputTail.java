package dev.jitelevate.core.keyvault;

import dev.jitelevate.core.internal.wait.Uninterrupted;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reads a child's output on a daemon thread and keeps only its last lines, each bounded: enough to say why a
 * validator failed, never an unbounded buffer. The caller redacts the lines before they go anywhere.
 */
final class OutputTail {
  static final int MAX_LINES = 20;
  static final int MAX_LINE_LENGTH = 300;

  private final Deque<String> lines = new ArrayDeque<>();
  private final Thread reader;

  private OutputTail(InputStream in, String threadName) {
    this.reader = new Thread(() -> read(in), threadName);
    reader.setDaemon(true);
  }

  static OutputTail follow(InputStream in, String threadName) {
    OutputTail tail = new OutputTail(in, threadName);
    tail.reader.start();
    return tail;
  }

  private void read(InputStream in) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        add(line);
      }
    } catch (IOException closed) {
      // The process was stopped: what was read so far is all there is.
    }
  }

  private synchronized void add(String line) {
    lines.addLast(line.length() > MAX_LINE_LENGTH ? line.substring(0, MAX_LINE_LENGTH) + "…" : line);
    if (lines.size() > MAX_LINES) {
      lines.removeFirst();
    }
  }

  /** The last lines, after waiting up to {@code drainMillis} for the output to end. */
  List<String> lines(long drainMillis) {
    Uninterrupted.await(() -> reader.join(drainMillis));
    synchronized (this) {
      return List.copyOf(lines);
    }
  }
}
