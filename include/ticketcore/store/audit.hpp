#pragma once
// The audit log: an append-only record of who read customers' data unmasked, who changed
// customers, configurations published, purges and denied attempts (docs/access.md,
// "Audit"). Ticket changes are recorded by the tickets' own events. Purges keep it.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ticketcore/model/actor.hpp"
#include "ticketcore/model/enum_names.hpp"
#include "ticketcore/model/time.hpp"

namespace ticketcore {

/// What an audit entry records.
enum class AuditAction : std::uint8_t {
  read_unmasked,      ///< a customer's record was read unmasked
  register_customer,  ///< a customer was registered (detail: the record, masked)
  update_customer,    ///< a customer was changed (detail: before and after, masked)
  publish_config,     ///< a configuration version was published (detail: its version)
  purge,              ///< tickets past retention were purged (detail: the counts)
  denied,             ///< a call was refused by the access rules (detail: the call and why)
  merge_customers,    ///< a duplicate record was merged into the kept one (detail: what moved)
  reverse_merge,      ///< a merge was undone (detail: what moved back, the reason)
};

/// One entry of the audit log.
struct AuditEntry {
  std::int64_t sequence = 0;  ///< given by the store on append: 1, 2, 3, ...
  Instant at{};               ///< when
  Actor actor;                ///< who
  AuditAction action = AuditAction::denied;
  std::string customer_id;  ///< the customer concerned, or empty
  std::string ticket_id;    ///< the ticket concerned, or empty
  std::string detail;       ///< a JSON object: what changed (masked), what was refused and why

  friend bool operator==(const AuditEntry&, const AuditEntry&) = default;
};

/// Which audit entries to list, oldest first. Set fields all must hold.
struct AuditQuery {
  std::string actor_id;               ///< by this actor (agent or customer id; "" any)
  std::string customer_id;            ///< concerning this customer
  std::string ticket_id;              ///< concerning this ticket
  std::optional<AuditAction> action;  ///< of this kind
  std::optional<Instant> from;        ///< at or after
  std::optional<Instant> before;      ///< before
  std::size_t limit = 50;             ///< entries per page, 1 to 1000
  std::string after;                  ///< the previous page's next_cursor; empty: the first page
};

/// One page of the audit log.
struct AuditPage {
  std::vector<AuditEntry> entries;  ///< in sequence order
  std::string next_cursor;          ///< pass as `after` for the next page; empty after the last
};

}  // namespace ticketcore

TICKETCORE_ENUM_NAMES(ticketcore::AuditAction, "read_unmasked", "register_customer", "update_customer",
                      "publish_config", "purge", "denied", "merge_customers", "reverse_merge");
