#pragma once
// What the stores that read in process (memory, SQLite) share to answer due_tickets once
// they have the ids: each ticket with its events and its customer's tier, read through
// the transaction's own methods, which cost no round trip there.

#include <string>
#include <vector>

#include "ticketcore/store/store.hpp"

namespace ticketcore::detail {

/// The tickets with these ids, in this order, as DueTickets read through `tx`.
std::vector<DueTicket> read_due_tickets(StoreTransaction& tx, const std::vector<std::string>& ids);

}  // namespace ticketcore::detail
