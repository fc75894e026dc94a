#pragma once
// The evaluation context of routing rules: what the caller knows about a ticket
// beyond the ticket itself, from which the computed facts are taken. Pure data:
// `now` is a field, never a clock read.

#include <array>
#include <optional>
#include <span>

#include "ticketcore/calendar/calendar_registry.hpp"
#include "ticketcore/model/customer.hpp"
#include "ticketcore/model/time.hpp"
#include "ticketcore/sla/target.hpp"

namespace ticketcore {

/// The SLA engine's view of one target of one ticket at `now`.
struct SlaSnapshot {
  bool present = false;           ///< whether the ticket's policy sets this target
  double percent_used = 0;        ///< business time used, in percent of the target (over 100 when late)
  Seconds business_remaining{0};  ///< business seconds until the target is due (negative when late)
};

/// Everything rules may read besides the ticket; the caller (the desk or the host) fills it.
struct EvaluationContext {
  Instant now{};                                           ///< the evaluation instant
  const Customer* customer = nullptr;                      ///< the ticket's customer; null when unknown
  std::optional<bool> customer_in_warranty;                ///< whether a purchase's warranty covers the ticket (customers/warranty.hpp); unset: unknown
  std::optional<Instant> last_customer_message_at;         ///< the customer's last message on the ticket
  std::optional<Instant> assigned_at;                      ///< when the current assignee got the ticket
  std::optional<Instant> last_progress_at;                 ///< the handler's last progress update
  std::array<SlaSnapshot, enum_count<SlaTarget>()> sla{};  ///< indexed by SlaTarget
  std::span<const Instant>
      customer_ticket_created_at;  ///< creation instants of the customer's tickets, sorted ascending
  const CalendarRegistry* calendars = nullptr;  ///< the desk's calendars; null: calendar facts are missing

  /// The snapshot of one SLA target.
  const SlaSnapshot& sla_of(SlaTarget target) const { return sla[static_cast<std::size_t>(target)]; }
  /// The snapshot of one SLA target, for filling.
  SlaSnapshot& sla_of(SlaTarget target) { return sla[static_cast<std::size_t>(target)]; }
};

}  // namespace ticketcore
