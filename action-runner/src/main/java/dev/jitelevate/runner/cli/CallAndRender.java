package dev.jitelevate.runner.cli;

import dev.jitelevate.runner.ExitCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The tail that the CLI's read-and-report commands share: make the call, print its result as JSON
 * ({@code --json}) or as text lines, and return its exit code; a failure the command names becomes its own exit
 * code and a one-line error ({@code jit-elevate <command>: <message>}), any other propagates to the exit-code
 * mapper. Immutable: each {@code with…}/{@code on…} returns a new one.
 *
 * @param <T> what the call returns
 */
public final class CallAndRender<T> {
  private final String command;
  private final Function<T, String> json;
  private final Function<T, List<String>> text;
  private final ToIntFunction<T> exitCode;
  private final List<Failure<?>> failures;

  private CallAndRender(String command, Function<T, String> json, Function<T, List<String>> text,
      ToIntFunction<T> exitCode, List<Failure<?>> failures) {
    this.command = command;
    this.json = json;
    this.text = text;
    this.exitCode = exitCode;
    this.failures = List.copyOf(failures);
  }

  /**
   * Renders a result of {@code command} (as the user types it, e.g. {@code "approvals list"}) with {@code json} or
   * {@code text}; exit code 0 unless {@link #withExitCode} says otherwise.
   */
  public static <T> CallAndRender<T> of(String command, Function<T, String> json, Function<T, List<String>> text) {
    return new CallAndRender<>(command, json, text, result -> ExitCodes.OK, List.of());
  }

  /** The same, with the exit code taken from the result (e.g. 3 when a check found something). */
  public CallAndRender<T> withExitCode(ToIntFunction<T> code) {
    return new CallAndRender<>(command, json, text, code, failures);
  }

  /** The same, with a failure of {@code type} ending the command with {@code code} and {@code message}'s line. */
  public <E extends RuntimeException> CallAndRender<T> on(Class<E> type, int code, Function<E, String> message) {
    List<Failure<?>> more = new ArrayList<>(failures);
    more.add(new Failure<>(type, code, message));
    return new CallAndRender<>(command, json, text, exitCode, more);
  }

  /** Makes the call and prints what it returned, or the one-line error of a failure named with {@link #on}. */
  public int run(Console console, OutputOptions output, Supplier<T> call) {
    T result;
    try {
      result = call.get();
    } catch (RuntimeException e) {
      Failure<?> known = failures.stream().filter(f -> f.type().isInstance(e)).findFirst().orElseThrow(() -> e);
      console.error("jit-elevate " + command + ": " + known.message(e).orElseThrow());
      return known.code();
    }
    if (output.json()) {
      console.result(json.apply(result));
    } else {
      text.apply(result).forEach(console::result);
    }
    return exitCode.applyAsInt(result);
  }

  private record Failure<E extends RuntimeException>(Class<E> type, int code, Function<E, String> text) {
    Optional<String> message(RuntimeException e) {
      return Optional.of(e).filter(type::isInstance).map(type::cast).map(text);
    }
  }
}
