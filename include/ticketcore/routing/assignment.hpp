#pragma once
// Assignment strategies: filters narrow a desk's agents to candidates, a chooser
// picks one, and a fallback chain ends in the team queue (the model of Request
// Tracker's assignment extension). Pure: the workload and the round-robin cursor
// come in and go out as values, `now` is a parameter; docs/assignment.md.

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ticketcore/calendar/calendar_registry.hpp"
#include "ticketcore/model/agent.hpp"
#include "ticketcore/model/enum_names.hpp"
#include "ticketcore/model/enums.hpp"
#include "ticketcore/model/ticket.hpp"
#include "ticketcore/model/time.hpp"

namespace ticketcore {

/// What one filter of a strategy checks about an agent.
enum class FilterKind : std::uint8_t {
  team,           ///< the agent is in the team (the pool: other teams' agents are not listed as rejected)
  role,           ///< the agent has one of the roles
  skills,         ///< the agent has every listed skill
  certification,  ///< the agent holds the certification the ticket names (its product)
  language,       ///< the agent speaks the ticket's language
  seniority,      ///< the agent is at least this senior
  tier_affinity,  ///< VIP and strategic customers go to senior agents
  availability,   ///< active, not away, and open now on the agent's working calendar
  capacity,       ///< fewer open tickets than the agent's max_concurrent_tickets
};

/// How a strategy picks one agent from the candidates its filters left.
enum class ChooserKind : std::uint8_t {
  round_robin,   ///< the next agent by id after the team's last assigned agent
  least_loaded,  ///< the fewest open tickets (never a full agent); ties: the lowest agent id
};

/// One filter; which fields matter depends on the kind (docs/assignment.md).
struct AssignmentFilter {
  FilterKind kind = FilterKind::team;
  std::string team;                        ///< team: the team id; empty: the ticket's team
  std::vector<Role> roles;                 ///< role: the roles allowed
  std::vector<std::string> skills;         ///< skills: every one required
  std::string from;                        ///< certification, language: "subtype" or "attributes.NAME"
  std::string attribute;                   ///< the NAME of `from`; empty when `from` is the subtype
  bool keep_if_missing = false;            ///< certification, language: a ticket without the value keeps all
  Seniority at_least = Seniority::senior;  ///< seniority: the minimum
  /// tier_affinity: the minimum seniority per customer tier (normal, vip, strategic).
  std::array<Seniority, 3> tier_minimum{Seniority::junior, Seniority::senior, Seniority::senior};
};

/// A named strategy: filters, then a chooser, then (when nobody is left) a fallback.
struct AssignmentStrategy {
  std::string id;                                   ///< what rules name: {"assign": "technical"}
  std::string description;                          ///< for people
  std::vector<AssignmentFilter> filters;            ///< applied in order
  ChooserKind chooser = ChooserKind::least_loaded;  ///< picks among the candidates left
  std::string fallback;  ///< the strategy tried next; empty: leave it in the team queue
};

/// A validated set of strategies; every fallback names a strategy and no chain loops.
class AssignmentConfig {
 public:
  /// Reads and validates {"strategies": [...]}; unknown team ids are refused when
  /// known_teams is not empty. Errors name the JSON path ("/strategies/2/filters/0/kind").
  static AssignmentConfig from_json_text(std::string_view text, std::span<const Team> known_teams = {});

  /// The strategy with this id, or nullptr.
  const AssignmentStrategy* find(std::string_view id) const;
  /// Every strategy, in the order of the document.
  const std::vector<AssignmentStrategy>& strategies() const { return strategies_; }

 private:
  std::vector<AssignmentStrategy> strategies_;
};

/// The workload state the caller keeps between assignments (replayable: pass it
/// in, get the updated copy back).
struct Workload {
  std::map<std::string, std::int64_t, std::less<>> open_tickets;  ///< per agent id; absent: 0
  std::map<std::string, std::string, std::less<>> last_assigned;  ///< round-robin cursor per team id

  friend bool operator==(const Workload&, const Workload&) = default;
};

/// What an assignment looks at: the ticket, its customer's tier, the desk's people and `now`.
struct AssignmentRequest {
  const Ticket& ticket;               ///< the ticket to assign
  CustomerTier tier;                  ///< its customer's tier (for tier affinity)
  /// Every agent of the desk, shared so that the Assignment's rejections name them without copies.
  std::shared_ptr<const std::vector<Agent>> agents;
  std::span<const Team> teams;        ///< every team (for team calendars)
  const CalendarRegistry& calendars;  ///< working calendars by id; default_id when agent and team name none
  Instant now;                        ///< when the assignment happens
};

/// Why a filter (or the least-loaded chooser) set an agent aside.
enum class RejectReason : std::uint8_t {
  role,              ///< not one of the roles
  missing_skill,     ///< lacks a required skill
  not_certified,     ///< lacks the certification the ticket needs
  no_requirement,    ///< the ticket names no product / language, so nobody can be shown to fit
  language,          ///< does not speak the ticket's language
  seniority,         ///< not senior enough
  below_tier,        ///< not senior enough for the customer's tier
  inactive,          ///< has left
  away,              ///< temporarily away
  off_calendar,      ///< outside working hours now
  unknown_calendar,  ///< names a calendar the registry lacks
  at_capacity,       ///< open tickets >= max_concurrent_tickets
};

/// One agent set aside by one filter of one step of the chain. The agent's id is a view
/// into the agents its Assignment shares (as a Decision keeps its rule set), valid while
/// that Assignment or a copy of it lives: a std::string per rejection would cost more
/// than the rest of the assignment.
struct Rejection {
  std::string_view agent;  ///< the agent's id
  std::uint16_t step;      ///< index into Assignment::steps
  std::uint16_t filter;    ///< index into the strategy's filters; filters.size(): the chooser
  RejectReason reason;     ///< why

  friend bool operator==(const Rejection&, const Rejection&) = default;
};

/// The outcome: the agent (or the queue), which step decided, why the others were set aside.
struct Assignment {
  std::string agent;                  ///< the chosen agent id; empty: left in the queue of `team`
  std::string team;                   ///< the team the ticket belongs to afterwards
  std::vector<std::string> steps;     ///< the strategy ids tried, in order
  std::size_t decided_by = 0;         ///< index into steps of the deciding strategy; steps.size(): queue
  std::vector<Rejection> rejections;  ///< every agent set aside, step by step
  Workload workload;                  ///< the state after this assignment
  std::shared_ptr<const std::vector<Agent>> agents;  ///< the request's agents, which the rejections name

  /// Whether nobody fitted and the ticket waits in the team queue.
  bool queued() const { return agent.empty(); }
};

/// Runs the strategy `strategy_id` and its fallback chain; throws Error (not_found)
/// for an unknown id. Deterministic: the same inputs give the same Assignment.
Assignment assign(const AssignmentConfig& config, std::string_view strategy_id,
                  const AssignmentRequest& request, Workload workload);

/// A readable account of an assignment, one line per step and rejected agent.
std::string explain(const Assignment& assignment, const AssignmentConfig& config);

}  // namespace ticketcore

TICKETCORE_ENUM_NAMES(ticketcore::FilterKind, "team", "role", "skills", "certification", "language",
                      "seniority", "tier_affinity", "availability", "capacity");
TICKETCORE_ENUM_NAMES(ticketcore::ChooserKind, "round_robin", "least_loaded");
TICKETCORE_ENUM_NAMES(ticketcore::RejectReason, "role", "missing_skill", "not_certified",
                      "no_requirement", "language", "seniority", "below_tier", "inactive", "away",
                      "off_calendar", "unknown_calendar", "at_capacity");
