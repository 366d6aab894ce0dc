package dev.jitelevate.core.internal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jitelevate.core.ElevationException;
import dev.jitelevate.core.FailureKind;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ParallelTest {

  @Test
  void runsTheLookupsAtTheSameTimeAndGivesEachValueAfterTheJoin() throws Exception {
    CyclicBarrier both = new CyclicBarrier(2);
    try (Parallel lookups = new Parallel("test")) {
      Parallel.Branch<String> first = lookups.fork(() -> awaitThen(both, "target"));
      Parallel.Branch<Integer> second = lookups.fork(() -> awaitThen(both, 42));
      lookups.join();
      assertThat(first.value()).isEqualTo("target");
      assertThat(second.value()).isEqualTo(42);
    }
  }

  @Test
  void runsOnNamedDaemonThreads() throws Exception {
    try (Parallel lookups = new Parallel("resolve")) {
      Parallel.Branch<Thread> thread = lookups.fork(Thread::currentThread);
      lookups.join();
      assertThat(thread.value().getName()).startsWith("jit-elevate-resolve-");
      assertThat(thread.value().isDaemon()).isTrue();
    }
  }

  @Test
  void theFirstFailureIsThrownWithItsAzureCodeAndCancelsTheOtherLookup() throws Exception {
    ElevationException refused = new ElevationException(FailureKind.NOT_AUTHORIZED, "ARM refused the role lookup",
        "AuthorizationFailed", "req-123", 403, null);
    CountDownLatch otherStarted = new CountDownLatch(1);
    CountDownLatch otherInterrupted = new CountDownLatch(1);
    try (Parallel lookups = new Parallel("test")) {
      lookups.fork(() -> waitForever(otherStarted, otherInterrupted));
      lookups.fork(() -> {
        otherStarted.await();
        throw refused;
      });
      assertThatThrownBy(lookups::join).isSameAs(refused)
          .isInstanceOfSatisfying(ElevationException.class, e -> {
            assertThat(e.azureErrorCode()).contains("AuthorizationFailed");
            assertThat(e.azureRequestId()).contains("req-123");
          });
      assertThat(otherInterrupted.await(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void interruptingTheJoiningThreadCancelsEveryLookupAndThrowsInterrupted() throws Exception {
    CountDownLatch started = new CountDownLatch(2);
    CountDownLatch interrupted = new CountDownLatch(2);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread joiner = new Thread(() -> {
      try (Parallel lookups = new Parallel("test")) {
        lookups.fork(() -> waitForever(started, interrupted));
        lookups.fork(() -> waitForever(started, interrupted));
        lookups.join();
      } catch (Throwable t) {
        thrown.set(t);
      }
    });
    joiner.start();
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    joiner.interrupt();
    joiner.join(5_000);
    assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aValueCannotBeReadFromALookupThatFailed() throws Exception {
    try (Parallel lookups = new Parallel("test")) {
      Parallel.Branch<String> failed = lookups.fork(() -> {
        throw new IllegalArgumentException("bad");
      });
      assertThatThrownBy(lookups::join).isInstanceOf(IllegalArgumentException.class).hasMessage("bad");
      assertThatThrownBy(failed::value).isInstanceOf(IllegalStateException.class);
    }
  }

  private static <T> T awaitThen(CyclicBarrier barrier, T value) throws InterruptedException {
    try {
      barrier.await(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("the other lookup did not run at the same time", e);
    }
    return value;
  }

  private static Object waitForever(CountDownLatch started, CountDownLatch interrupted) throws InterruptedException {
    started.countDown();
    try {
      new CountDownLatch(1).await();
      return null;
    } catch (InterruptedException e) {
      interrupted.countDown();
      throw e;
    }
  }
}
