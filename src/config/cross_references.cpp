#include "config/cross_references.hpp"

#include <algorithm>
#include <set>

#include "model/json_read.hpp"

namespace ticketcore::detail {

namespace {

using json_read::child;
using json_read::in_quotes;

template <class Person>
bool has(const std::vector<Person>& people, std::string_view id) {
  return std::any_of(people.begin(), people.end(), [&](const Person& p) { return p.id == id; });
}

void check_unique(const auto& people, const std::string& path, std::string_view what) {
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < people.size(); ++i)
    if (!seen.insert(people[i].id).second)
      throw_invalid(child(child(path, i), "id"),
                    "duplicate " + std::string(what) + " " + in_quotes(people[i].id));
}

void check_team(const DeskConfig::Impl& c, const std::string& team, const std::string& path) {
  if (!has(c.teams, team)) throw_invalid(path, "unknown team " + in_quotes(team));
}

// An empty calendar id means the desk's default, which the SLA reader has checked.
void check_calendar(const DeskConfig::Impl& c, const std::string& calendar, const std::string& path) {
  if (!calendar.empty() && !c.sla.calendars.by_id.count(calendar))
    throw_invalid(path, "unknown calendar " + in_quotes(calendar));
}

void check_people(const DeskConfig::Impl& c) {
  check_unique(c.teams, "/teams", "team");
  check_unique(c.agents, "/agents", "agent");
  for (std::size_t i = 0; i < c.teams.size(); ++i) {
    const Team& t = c.teams[i];
    const std::string at = child("/teams", i);
    check_calendar(c, t.calendar, child(at, "calendar"));
    // The people escalation goes to (levels 2-4) must be agents of the desk.
    for (auto [key, agent] :
         {std::pair{"lead", &t.lead}, {"supervisor", &t.supervisor}, {"manager", &t.manager}})
      if (!agent->empty() && !has(c.agents, *agent))
        throw_invalid(child(at, key), "unknown agent " + in_quotes(*agent));
  }
  for (std::size_t i = 0; i < c.agents.size(); ++i) {
    const Agent& a = c.agents[i];
    const std::string at = child("/agents", i);
    if (!a.team.empty()) check_team(c, a.team, child(at, "team"));
    check_calendar(c, a.calendar, child(at, "calendar"));
  }
}

// What the rule set alone cannot know: the desk's strategies, policies and priority levels
// (teams and agents it checked at load; checked again here so that one place knows them all).
void check_rules(const DeskConfig::Impl& c) {
  for (const RuleReference& ref : c.rules.references()) {
    const std::string at = "/rules" + ref.path;
    auto fail = [&](std::string_view what) {
      throw_invalid(
          at, "rule " + in_quotes(ref.rule_id) + ": unknown " + std::string(what) + " " + in_quotes(ref.id));
    };
    switch (ref.kind) {
      case RuleReferenceKind::team:
        if (!has(c.teams, ref.id)) fail("team");
        break;
      case RuleReferenceKind::agent:
        if (!has(c.agents, ref.id)) fail("agent");
        break;
      case RuleReferenceKind::strategy:
        if (!c.assignment.find(ref.id)) fail("assignment strategy");
        break;
      case RuleReferenceKind::sla_policy:
        if (!has(c.sla.policies, ref.id)) fail("SLA policy");
        break;
      case RuleReferenceKind::priority:
        if (!c.sla.priority_scheme.rank(ref.id)) fail("priority level");
        break;
    }
  }
}

void check_escalations(const DeskConfig::Impl& c) {
  for (std::size_t i = 0; i < c.sla.escalations.size(); ++i)
    check_team(c, c.sla.escalations[i].team, child(child("/escalations", i), "team"));
  for (const auto& [team, levels] : c.escalation_levels.teams)
    check_team(c, team, child("/escalation_levels/teams", team));
}

void check_assignment(const DeskConfig::Impl& c) {
  const auto& strategies = c.assignment.strategies();
  for (std::size_t i = 0; i < strategies.size(); ++i) {
    const std::string at = child(child("/assignment/strategies", i), "filters");
    const auto& filters = strategies[i].filters;
    // An empty team in a team filter means the ticket's own team.
    for (std::size_t k = 0; k < filters.size(); ++k)
      if (filters[k].kind == FilterKind::team && !filters[k].team.empty())
        check_team(c, filters[k].team, child(child(at, k), "team"));
  }
}

}  // namespace

void check_references(const DeskConfig::Impl& config) {
  check_people(config);
  check_rules(config);
  check_escalations(config);
  check_assignment(config);
}

}  // namespace ticketcore::detail
