#pragma once
// Dry run: what a new version of the rule set would change, ticket by ticket,
// before a service manager publishes it.

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "ticketcore/model/ticket.hpp"
#include "ticketcore/routing/facts.hpp"
#include "ticketcore/routing/rules.hpp"

namespace ticketcore {

/// One decision item that differs ("team": "a" -> "b"); an empty side means unset.
struct DecisionChange {
  std::string item;    ///< as in describe(Decision): "team", "assign", "tags_added", ...
  std::string before;  ///< under the current rule set
  std::string after;   ///< under the proposed rule set
};

/// The changes for one ticket.
struct TicketChanges {
  std::string ticket_id;                ///< the ticket's id
  std::vector<DecisionChange> changes;  ///< in describe() order
};

/// The result of a dry run.
struct DryRunReport {
  std::string current_version;         ///< version id of the rule set in use
  std::string proposed_version;        ///< version id of the rule set tried
  std::size_t tickets = 0;             ///< tickets compared
  std::vector<TicketChanges> changed;  ///< only the tickets whose decision changes, in input order

  /// A readable report, one block per changed ticket.
  std::string to_text() const;
};

/// Routes every ticket under both rule sets and reports the differences; `context_for`
/// gives each ticket's evaluation context (the same for both versions).
DryRunReport dry_run(const RuleSet& current, const RuleSet& proposed, std::span<const Ticket> tickets,
                     const std::function<EvaluationContext(const Ticket&)>& context_for);

}  // namespace ticketcore
