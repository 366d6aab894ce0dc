package dev.jitelevate.emulator.server;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The request journal: the most recent requests, oldest first. */
final class RequestJournal {
  private static final int CAPACITY = 100_000;
  private final Deque<JournalEntry> entries = new ArrayDeque<>();

  synchronized void record(JournalEntry entry) {
    if (entries.size() == CAPACITY) {
      entries.removeFirst();
    }
    entries.addLast(entry);
  }

  synchronized List<JournalEntry> entries() {
    return List.copyOf(entries);
  }

  synchronized void clear() {
    entries.clear();
  }
}
