#pragma once
// A customer record's history beyond its edits: purchases recorded, tier changes and
// merges, append-only like a ticket's events (the audit log keeps the edits).

#include <cstdint>
#include <string>

#include "ticketcore/model/attributes.hpp"
#include "ticketcore/model/enum_names.hpp"
#include "ticketcore/model/time.hpp"

namespace ticketcore {

/// What an entry of a customer's history records; its payload keys are in docs/customers.md.
enum class CustomerEventKind : std::uint8_t {
  purchase_recorded,  ///< {purchase, product}
  tier_changed,       ///< {from, to, reason}
  merged_into,        ///< on the duplicate: {into, tickets, purchases}
  merged_from,        ///< on the kept record: {from, tickets, purchases, phones, emails, tags}
  merge_reversed,     ///< on both: {duplicate, kept, tickets, purchases, reason}
};

/// One entry of a customer's history.
struct CustomerEvent {
  std::int64_t sequence = 0;  ///< position in the customer's history, from 1
  std::string customer_id;    ///< required
  CustomerEventKind kind = CustomerEventKind::purchase_recorded;
  std::string actor;  ///< who did it: an agent id, "customer" or "system"
  Instant at{};
  Attributes payload;  ///< what the kind records

  friend bool operator==(const CustomerEvent&, const CustomerEvent&) = default;
};

}  // namespace ticketcore

TICKETCORE_ENUM_NAMES(ticketcore::CustomerEventKind, "purchase_recorded", "tier_changed", "merged_into",
                      "merged_from", "merge_reversed");
