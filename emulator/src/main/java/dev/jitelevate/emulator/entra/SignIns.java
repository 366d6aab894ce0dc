package dev.jitelevate.emulator.entra;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sign-in log of the emulated Entra ID (as the portal's sign-in logs show it, without any token): which
 * user signed in to which client by which grant, and whether the person had to do it themselves. Also says
 * which scenario user completes the device code flows that the emulator finishes on its own.
 */
public final class SignIns {
  /** How a user got a token. */
  public enum Grant {
    /** The device code flow: the person opened a page and typed a code (interactive). */
    DEVICE_CODE,
    /** Resource owner password credentials (non-interactive, tests only). */
    PASSWORD,
    /** A refresh token redeemed silently (non-interactive). */
    REFRESH_TOKEN;

    /** Whether a person had to take part. */
    public boolean interactive() {
      return this == DEVICE_CODE;
    }
  }

  /**
   * One user sign-in.
   *
   * @param at when (emulator clock)
   * @param userId the user's object id
   * @param userPrincipalName the user's name
   * @param clientId the public client application signed in to
   * @param grant how
   */
  public record Entry(Instant at, String userId, String userPrincipalName, String clientId, Grant grant) {
    public boolean interactive() {
      return grant.interactive();
    }
  }

  private final List<Entry> entries = new CopyOnWriteArrayList<>();
  private final AtomicReference<String> deviceCodeUser = new AtomicReference<>();

  SignIns() {}

  /** Every user sign-in since the scenario was loaded, oldest first. */
  public List<Entry> all() {
    return List.copyOf(entries);
  }

  /** The sign-ins a person had to do themselves (device code), oldest first. */
  public List<Entry> interactive() {
    return entries.stream().filter(Entry::interactive).toList();
  }

  /**
   * Which scenario user (user principal name or object id) completes the device code flows from now on;
   * without one, the flow's {@code login_hint} or else the scenario's first user.
   */
  public SignIns completeDeviceCodesAs(String user) {
    deviceCodeUser.set(Objects.requireNonNull(user, "user"));
    return this;
  }

  Optional<String> deviceCodeUser() {
    return Optional.ofNullable(deviceCodeUser.get());
  }

  void record(Entry entry) {
    entries.add(entry);
  }

  /** Forgets the log (and the device code user) when a scenario is loaded. */
  void clear() {
    entries.clear();
    deviceCodeUser.set(null);
  }
}
