package dev.jitelevate.core.testing;

import dev.jitelevate.core.ElevationEvent;
import dev.jitelevate.core.ElevationListener;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Proves that no secret value leaks. Watches every value registered through {@link ElevationEvent.SecretRegistered}
 * (use {@link #listener()}) or {@link #watch}, captures everything a test can observe — events, exception
 * messages with their causes and stack traces, notes, records, and all output to {@code System.out},
 * {@code System.err} and {@code java.util.logging} while open — and {@link #assertNoLeaks() fails} when a
 * value appears anywhere, raw or URL-, JSON- or Base64-encoded. Failure messages never show the value.
 *
 * <pre>{@code
 * try (SecretCanary canary = SecretCanary.start()) {
 *   ... run with canary.listener(), canary.capture("outcome", outcome.record()) ...
 *   canary.assertNoLeaks();
 * }
 * }</pre>
 */
public final class SecretCanary implements AutoCloseable {
  private final Set<String> canaries = new LinkedHashSet<>();
  private final List<Captured> captured = new ArrayList<>();
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final PrintStream originalOut = System.out;
  private final PrintStream originalErr = System.err;
  private final Handler logHandler = new CapturingHandler();

  private record Captured(String where, String text) {}

  private SecretCanary() {
    System.setOut(new PrintStream(new Tee(originalOut), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Tee(originalErr), true, StandardCharsets.UTF_8));
    Logger.getLogger("").addHandler(logHandler);
  }

  /** Starts capturing output and logs; close it to restore them. */
  public static SecretCanary start() {
    return new SecretCanary();
  }

  /** A listener that captures every event and watches every registered secret. */
  public ElevationListener listener() {
    return this::onEvent;
  }

  /** Like {@link #listener()}, then passes each event on. */
  public ElevationListener listener(ElevationListener next) {
    return event -> {
      onEvent(event);
      next.on(event);
    };
  }

  /** Adds a value that must not appear anywhere. */
  public synchronized void watch(String value) {
    if (value != null && !value.isEmpty()) {
      canaries.add(value);
    }
  }

  /** The number of distinct values watched. */
  public synchronized int watched() {
    return canaries.size();
  }

  /** Captures something observable: a throwable with its whole chain and stack traces, or any object's text. */
  public synchronized void capture(String where, Object observed) {
    captured.add(new Captured(where, observed instanceof Throwable t ? describe(t) : String.valueOf(observed)));
  }

  /** Fails when any watched value appears in anything captured, or when nothing was watched (a vacuous check). */
  public synchronized void assertNoLeaks() {
    if (canaries.isEmpty()) {
      throw new AssertionError("The canary watched no secret value, so it proves nothing: register or watch one.");
    }
    List<String> leaks = leaks();
    if (!leaks.isEmpty()) {
      throw new AssertionError("Secret values leaked:\n  " + String.join("\n  ", leaks));
    }
  }

  /** Every place a watched value appears, described without the value (empty when nothing leaked). */
  public synchronized List<String> leaks() {
    List<Captured> sources = new ArrayList<>(captured);
    sources.add(new Captured("System.out/System.err/java.util.logging", output.toString(StandardCharsets.UTF_8)));
    List<String> leaks = new ArrayList<>();
    int index = 0;
    for (String canary : canaries) {
      index++;
      for (Captured source : sources) {
        for (String form : forms(canary)) {
          if (source.text().contains(form)) {
            leaks.add("secret #" + index + " (" + canary.length() + " chars) appears in " + source.where() + ": "
                + excerpt(source.text(), form));
          }
        }
      }
    }
    return leaks;
  }

  @Override
  public void close() {
    System.setOut(originalOut);
    System.setErr(originalErr);
    Logger.getLogger("").removeHandler(logHandler);
  }

  private void onEvent(ElevationEvent event) {
    if (event instanceof ElevationEvent.SecretRegistered registered) {
      watch(registered.value());
      capture("event " + event.getClass().getSimpleName() + ".toString()", event);
    } else {
      capture("event " + event.getClass().getSimpleName(), event);
    }
  }

  private static Set<String> forms(String value) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(value);
    forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
    forms.add(value.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/"));
    forms.add(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
    return forms;
  }

  private static String excerpt(String text, String form) {
    int at = text.indexOf(form);
    String before = text.substring(Math.max(0, at - 60), at);
    String after = text.substring(at + form.length(), Math.min(text.length(), at + form.length() + 60));
    return "..." + before + "<SECRET>" + after + "...";
  }

  private static String describe(Throwable throwable) {
    StringWriter text = new StringWriter();
    throwable.printStackTrace(new PrintWriter(text));
    return throwable + "\n" + text;
  }

  private final class Tee extends OutputStream {
    private final PrintStream original;

    Tee(PrintStream original) {
      this.original = original;
    }

    @Override
    public void write(int b) {
      synchronized (SecretCanary.this) {
        output.write(b);
      }
      original.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      synchronized (SecretCanary.this) {
        output.write(b, off, len);
      }
      original.write(b, off, len);
    }
  }

  private final class CapturingHandler extends Handler {
    @Override
    public void publish(LogRecord record) {
      String text = record.getLevel() + " " + record.getLoggerName() + " " + record.getMessage()
          + (record.getParameters() == null ? "" : " " + java.util.Arrays.toString(record.getParameters()))
          + (record.getThrown() == null ? "" : "\n" + describe(record.getThrown()));
      synchronized (SecretCanary.this) {
        output.writeBytes((text + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
