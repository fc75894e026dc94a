#pragma once
// The result forms as JSON values, for forms that hold other forms (the take-in
// result holds a priority decision, a routing decision, an assignment and an SLA status).

#include "json/json_write.hpp"
#include "ticketcore/routing/assignment.hpp"
#include "ticketcore/routing/decision.hpp"
#include "ticketcore/sla/priority.hpp"
#include "ticketcore/sla/timers.hpp"

namespace ticketcore::detail::json_write {

/// A routing decision's form.
json value_of(const Decision& decision);
/// A priority decision's form.
json value_of(const PriorityDecision& decision);
/// An SLA status's form.
json value_of(const SlaStatus& status);
/// An assignment's form.
json value_of(const Assignment& assignment);
/// A workload's form.
json value_of(const Workload& workload);

}  // namespace ticketcore::detail::json_write
