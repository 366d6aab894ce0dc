package dev.jitelevate.runner.action;

import java.time.Duration;

/**
 * Text for a regular expression that the workflow author wrote and an attacker feeds (a PR title, a branch):
 * reading it past a time budget throws, so a pattern with catastrophic backtracking cannot hang the step.
 */
final class BoundedText implements CharSequence {
  /** Thrown when matching ran out of its time budget. */
  static final class TooSlow extends RuntimeException {
    TooSlow() {
      super("regular expression took too long", null, false, false);
    }
  }

  private final String text;
  private final long deadline;
  private int reads;

  private BoundedText(String text, long deadline) {
    this.text = text;
    this.deadline = deadline;
  }

  /** The text, readable for {@code budget} from now. */
  static BoundedText of(String text, Duration budget) {
    return new BoundedText(text, System.nanoTime() + budget.toNanos());
  }

  @Override
  public char charAt(int index) {
    if ((++reads & 0x3FF) == 0 && System.nanoTime() - deadline > 0) {
      throw new TooSlow();
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new BoundedText(text.substring(start, end), deadline);
  }

  @Override
  public String toString() {
    return text;
  }
}
