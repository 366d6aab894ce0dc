package dev.jitelevate.runner;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Masks every registered secret value in text before it is printed: the CLI's console and the action's
 * workflow log both print through one. Thread-safe.
 */
public final class Redactor {
  /** What a secret becomes. */
  public static final String MASK = "***";
  private final List<String> secrets = new CopyOnWriteArrayList<>();

  /**
   * Registers a value that must never be printed; blank values are ignored.
   *
   * @return whether the value is new (the action announces each new one to the runner once)
   */
  public synchronized boolean register(String value) {
    if (value == null || value.isBlank() || secrets.contains(value)) {
      return false;
    }
    secrets.add(value);
    secrets.sort(Comparator.comparingInt(String::length).reversed());
    return true;
  }

  /** Returns the text with every registered value replaced by {@value #MASK}. */
  public String redact(String text) {
    if (text == null) {
      return "";
    }
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, MASK);
    }
    return out;
  }
}
