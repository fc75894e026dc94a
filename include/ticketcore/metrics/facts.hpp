#pragma once
// TicketFacts: the one compact row per ticket that service reports read (docs/metrics.md).
// The store recomputes it at every change of the ticket, so a report never parses a
// ticket or replays its history: it streams these rows.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "ticketcore/model/enums.hpp"
#include "ticketcore/model/event.hpp"
#include "ticketcore/model/ticket.hpp"
#include "ticketcore/model/time.hpp"
#include "ticketcore/sla/target.hpp"

namespace ticketcore {

class DeskConfig;

/// How one SLA target of a ticket came out, as of the instant its facts were computed.
enum class SlaOutcome : std::uint8_t {
  not_applicable,  ///< the policy sets no such target, or the ticket was withdrawn before it was decided
  pending,         ///< still counting (running, warning or paused) and never breached
  met,             ///< met in time, in every cycle
  breached,        ///< ran past its due time at least once (any reopen cycle, any update interval)
};

/// One SLA target's outcome, with its due instant while it is pending on a running clock.
struct TargetOutcome {
  SlaOutcome outcome = SlaOutcome::not_applicable;  ///< met, breached, pending or not applicable
  std::optional<Instant> due_at;  ///< pending and not paused: when it falls due; else absent

  friend bool operator==(const TargetOutcome&, const TargetOutcome&) = default;
};

/// What reports need of one ticket, as plain values. Durations are whole seconds from
/// created_at; "business" seconds are open time on the calendar of the ticket's SLA policy.
struct TicketFacts {
  std::string id;                                 ///< the ticket's id
  Instant created_at{};                           ///< when it was taken in
  std::optional<Instant> first_response_at;       ///< the first agent reply
  std::optional<Instant> resolved_at;             ///< the (latest) resolution; absent while reopened
  std::optional<Instant> closed_at;               ///< when it was closed
  Status status = Status::new_ticket;             ///< the status at the change
  bool open = false;                              ///< the status is neither resolved nor final (the backlog)
  bool resolved = false;                          ///< the status counts as resolved (resolved, closed)
  std::string team;                               ///< team id; empty while in no team
  std::string assignee;                           ///< agent id; empty while unassigned
  RequestType request_type = RequestType::other;  ///< consultation, technical support, complaint, other
  std::string subtype;                            ///< the finer request type; may be empty
  std::string priority;                           ///< the priority level ("P2")
  Channel channel = Channel::other;               ///< where it came in
  CustomerTier tier = CustomerTier::normal;       ///< the customer's tier at the change
  bool complaint = false;                         ///< request type complaint
  std::int32_t reopens = 0;                       ///< status changes that reopened a resolved ticket
  std::int32_t reassignments = 0;         ///< changes of assignee after the first assignment to a person
  std::int32_t escalations = 0;           ///< escalated events
  bool first_contact_resolution = false;  ///< resolved, never reopened, reassigned or escalated
  std::optional<std::int64_t> first_response_seconds;  ///< created_at to first_response_at, wall clock
  std::optional<std::int64_t> first_response_business_seconds;  ///< the same span in business seconds
  std::optional<std::int64_t> resolution_seconds;               ///< created_at to resolved_at, wall clock
  std::optional<std::int64_t> resolution_business_seconds;      ///< the same span in business seconds
  std::array<TargetOutcome, 4>
      sla{};           ///< per SlaTarget (handling_start, first_response, periodic_update, resolution)
  bool rated = false;  ///< the customer answered the survey
  std::uint8_t efficiency = 0;         ///< 1..5 when rated, else 0
  std::uint8_t attitude = 0;           ///< 1..5 when rated, else 0
  std::uint8_t effectiveness = 0;      ///< 1..5 when rated, else 0
  std::optional<Instant> next_due_at;  ///< open tickets: the earliest due instant of a counting target

  /// The outcome of one target.
  const TargetOutcome& outcome(SlaTarget target) const { return sla[static_cast<std::size_t>(target)]; }

  friend bool operator==(const TicketFacts&, const TicketFacts&) = default;
};

/// The facts of a ticket at `now`, the instant of its latest change: counts from the events
/// at or before `now`, durations on the calendar of its SLA policy, and each target's outcome
/// from the SLA replay at `now` (docs/metrics.md says which figure reads what). Pure.
TicketFacts facts_of(const Ticket& ticket, std::span<const Event> events, const DeskConfig& config,
                     CustomerTier tier, Instant now);

}  // namespace ticketcore

TICKETCORE_ENUM_NAMES(ticketcore::SlaOutcome, "not_applicable", "pending", "met", "breached");
