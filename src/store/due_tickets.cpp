// Due tickets read a ticket at a time (due_tickets.hpp).
#include "store/due_tickets.hpp"

namespace ticketcore::detail {

std::vector<DueTicket> read_due_tickets(StoreTransaction& tx, const std::vector<std::string>& ids) {
  std::vector<DueTicket> out;
  out.reserve(ids.size());
  for (const std::string& id : ids) {
    auto ticket = tx.ticket(id);
    if (!ticket) continue;  // the id came from the same transaction: never, but no reason to fail
    const auto customer = tx.customer(ticket->customer_id);
    out.push_back(DueTicket{std::move(*ticket), tx.events(id), customer ? customer->tier : CustomerTier::normal});
  }
  return out;
}

}  // namespace ticketcore::detail
