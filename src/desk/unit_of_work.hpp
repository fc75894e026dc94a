#pragma once
// What every Desk method does inside its transaction: load a ticket as the caller saw
// it, and store a change with the ticket's new schedule (DESIGN.md, "data flow").

#include <optional>
#include <span>
#include <vector>

#include "ticketcore/commands/change.hpp"
#include "ticketcore/config.hpp"
#include "ticketcore/desk.hpp"
#include "ticketcore/store/store.hpp"

namespace ticketcore::detail {

/// The stored ticket `ref` names; not_found for an unknown id, conflict when the caller's
/// version is not the stored one.
Ticket load_ticket(StoreTransaction& tx, const TicketRef& ref);

/// The customer tier a ticket's SLA is chosen by (normal when the customer is gone).
CustomerTier tier_of(StoreTransaction& tx, const Ticket& ticket);

/// The schedule of a ticket after its history `events` at `now`. `pending` is the stored
/// next action instant: one already due and not yet swept stays, so no action is lost.
TicketSchedule schedule_of(const Ticket& ticket, std::span<const Event> events, CustomerTier tier,
                           const DeskConfig& config, Instant now, std::optional<Instant> pending);

/// The same, given `at_now`, the ticket's SLA status at `now` (a take-in has it already).
TicketSchedule schedule_of(const Ticket& ticket, std::span<const Event> events, CustomerTier tier,
                           const DeskConfig& config, Instant now, std::optional<Instant> pending,
                           const SlaStatus& at_now);

/// Writes the report row of a ticket just written: facts_of its whole history at `now`.
void store_facts(StoreTransaction& tx, const DeskConfig& config, const Ticket& ticket,
                 std::span<const Event> events, CustomerTier tier, Instant now);

/// Writes a command's change to a stored ticket whose history was `history`: the
/// ticket (version checked by the store), its new events, its new schedule and its facts.
void store_change(StoreTransaction& tx, const DeskConfig& config, const Change& change,
                  std::span<const Event> history, Instant now);

/// Checks a model value with the model's JSON reader, which validates every field and
/// names the offending one ("/phones/0").
template <class T>
void check_valid(const T& value);

}  // namespace ticketcore::detail
