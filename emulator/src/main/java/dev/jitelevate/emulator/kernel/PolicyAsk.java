package dev.jitelevate.emulator.kernel;

import java.time.Duration;

/**
 * What one schedule request offers a policy check, whichever surface it came through.
 *
 * @param length the schedule's length, or null when it never expires
 * @param justification the request's justification, or null
 * @param ticketed whether the request carries the ticket information the surface requires
 * @param mfa whether the caller's token proves multi-factor authentication
 */
public record PolicyAsk(Duration length, String justification, boolean ticketed, boolean mfa) {}
