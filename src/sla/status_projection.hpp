#pragma once
// The status view of a replay: what sla_status() reports per target, read from the clocks
// as the replay left them at `now`. due() reads the same replay's actions instead, so the
// two views cannot disagree.

#include "clocks.hpp"
#include "ticketcore/sla/timers.hpp"

namespace ticketcore::detail {

/// The SLA status at `now` of clocks replayed up to `now`.
SlaStatus project_status(const Clocks& clocks, Instant now);

}  // namespace ticketcore::detail
