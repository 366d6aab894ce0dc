package dev.jitelevate.core.internal.gateway.graph;

import dev.jitelevate.core.TicketInfo;

/** Our ticket as Graph's {@code ticketInfo}. */
final class Tickets {
  private Tickets() {}

  static com.microsoft.graph.models.TicketInfo of(TicketInfo ticket) {
    var info = new com.microsoft.graph.models.TicketInfo();
    info.setTicketNumber(ticket.number());
    info.setTicketSystem(ticket.system());
    return info;
  }
}
