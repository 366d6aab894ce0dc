package dev.jitelevate.core;

import java.util.Objects;

/** A ticket reference sent with the request ({@code ticketInfo}); PIM's Ticketing rule may require it. */
public record TicketInfo(String number, String system) {
  public TicketInfo {
    Objects.requireNonNull(number, "number");
    system = system == null ? "" : system;
    if (number.isBlank() || number.length() > 100 || number.codePoints().anyMatch(Character::isISOControl)) {
      throw new InvalidElevationRequestException("ticket-number", "'" + Text.printable(number) + "' is not a ticket number.",
          "Pass a ticket number of at most 100 printable characters, e.g. OPS-123.");
    }
  }
}
