#pragma once
// JSON forms of the engines' results, for the C ABI, the Python binding and the
// command-line tool: one compact JSON text per result, in the forms docs/json.md
// shows. Field names are the C++ member names; instants are RFC 3339 with Z;
// enums are their lower-case words; escalation levels are their numbers 1-4;
// a value that is empty (no policy, no agent, an unset optional) is left out.
//
// This header does not bring in nlohmann/json. It shares the naming of the model
// types' mapping (ticketcore/model/json.hpp): to_json_text(value) writes, and
// from_json_text<T>(text) reads, here by explicit specialisations of the same
// template, so both headers can be included together in any order. Reading is
// strict: unknown keys, wrong types and values out of range throw
// ticketcore::Error whose path names the field ("/0/threshold_percent").

#include <string>
#include <string_view>
#include <vector>

#include "ticketcore/commands/change.hpp"
#include "ticketcore/commands/take_in.hpp"
#include "ticketcore/routing/assignment.hpp"
#include "ticketcore/routing/decision.hpp"
#include "ticketcore/routing/dry_run.hpp"
#include "ticketcore/routing/escalation.hpp"
#include "ticketcore/routing/explain.hpp"
#include "ticketcore/routing/rules.hpp"
#include "ticketcore/sla/due.hpp"
#include "ticketcore/sla/policy.hpp"
#include "ticketcore/sla/priority.hpp"
#include "ticketcore/sla/timers.hpp"

namespace ticketcore {

// ---- Routing rules ----

/// A rule set's decision for one ticket (the keep-alive rule_set is not written).
std::string to_json_text(const Decision& decision);
/// Why a rule set decided what it did: every rule tried, every condition, the decision.
std::string to_json_text(const Explanation& explanation);
/// What a proposed rule set would change, ticket by ticket.
std::string to_json_text(const DryRunReport& report);
/// One lint warning of a rule set.
std::string to_json_text(const LintWarning& warning);
/// A rule set's lint warnings, as an array.
std::string to_json_text(const std::vector<LintWarning>& warnings);

// ---- Assignment and escalation ----

/// An assignment: the agent or the queue, the steps tried, who was set aside and why.
std::string to_json_text(const Assignment& assignment);
/// The workload state a host keeps between assignments.
std::string to_json_text(const Workload& workload);
/// Who an escalation goes to, and the levels passed over.
std::string to_json_text(const Escalation& escalation);

// ---- Priority and SLA ----

/// A computed (or overridden) priority with its reasons.
std::string to_json_text(const PriorityDecision& decision);
/// The SLA policy chosen for a ticket (by id), the candidates and why.
std::string to_json_text(const PolicyChoice& choice);
/// A ticket's SLA status at `now`.
std::string to_json_text(const SlaStatus& status);
/// The status of one SLA target at `now`.
std::string to_json_text(const TargetStatus& status);
/// One action that became due.
std::string to_json_text(const DueAction& action);
/// The actions of a sweep, as an array.
std::string to_json_text(const std::vector<DueAction>& actions);

// ---- Commands ----
/// Something the host owes people after a command.
std::string to_json_text(const HostAction& action);
/// A command's result: the ticket (the model's form), the events to append, the host actions.
std::string to_json_text(const Change& change);
/// A take-in: the ticket and its first events, the priority, routing and assignment
/// decisions, the SLA status, the host actions and the workload after it.
std::string to_json_text(const TakeInResult& result);

// ---- Reading back what a host stores ----

/// Reads a value from JSON text; defined for the model types in ticketcore/model/json.hpp
/// and specialised below for the results a host sends back.
template <class T>
T from_json_text(std::string_view text);

/// Reads a due action a host stored, strictly: the fields its kind carries are required,
/// the others refused.
template <>
DueAction from_json_text<DueAction>(std::string_view text);
/// Reads an array of due actions a host stored.
template <>
std::vector<DueAction> from_json_text<std::vector<DueAction>>(std::string_view text);
/// Reads the workload state a host kept, to pass to the next assign().
template <>
Workload from_json_text<Workload>(std::string_view text);

}  // namespace ticketcore
