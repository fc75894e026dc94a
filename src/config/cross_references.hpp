#pragma once
// The checks between a desk document's sections: every id one section names must exist in
// the section that owns it, whatever the lists hold (an empty list is checked too).

#include "config/config_impl.hpp"

namespace ticketcore::detail {

/// Throws Error with the JSON path of the first id that names nothing: a team, agent, calendar,
/// assignment strategy, SLA policy or priority level; or of a duplicate team or agent id.
void check_references(const DeskConfig::Impl& config);

}  // namespace ticketcore::detail
