#pragma once
// What a ticket's history says about how its handling went: reopens, reassignments and
// escalations, counted from the events in time order (the order the SLA replay reads).

#include <cstdint>
#include <span>

#include "ticketcore/model/event.hpp"
#include "ticketcore/workflow/workflow.hpp"

namespace ticketcore::detail {

/// Counts of a history's turns.
struct HistoryCounts {
  std::int32_t reopens = 0;        ///< status changes the workflow calls a reopen
  std::int32_t reassignments = 0;  ///< a person other than the last one assigned got the ticket
  std::int32_t escalations = 0;    ///< escalated events
};

/// Reads the events at or before `now`, by time then sequence. A status change counts as a
/// reopen by the status the replay has reached, not by the `from` the event claims; being
/// put back in a team's queue is no reassignment, handing it to someone else afterwards is.
HistoryCounts count_history(std::span<const Event> events, const Workflow& workflow, Instant now);

}  // namespace ticketcore::detail
