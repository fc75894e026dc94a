#pragma once
// A target's outcome as a report sees it at as_of. Facts are recomputed at every change of
// a ticket, so a pending target on a running clock whose due instant has passed by as_of
// cannot have been met in time: anything that met it would have recomputed the row.

#include "ticketcore/metrics/facts.hpp"

namespace ticketcore::detail {

/// met, breached or pending at `as_of`; pending and overdue reads as breached.
inline SlaOutcome outcome_at(const TargetOutcome& t, Instant as_of) {
  if (t.outcome == SlaOutcome::pending && t.due_at && *t.due_at < as_of) return SlaOutcome::breached;
  return t.outcome;
}

/// Whether the ticket's rating counts: rated, and every axis on the 1-5 scale.
inline bool counts_as_rated(const TicketFacts& f) {
  const auto stars = [](std::uint8_t n) { return n >= 1 && n <= 5; };
  return f.rated && stars(f.efficiency) && stars(f.attitude) && stars(f.effectiveness);
}

}  // namespace ticketcore::detail
