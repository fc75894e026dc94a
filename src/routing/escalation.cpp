// Escalation levels: the SLA policy's levels and resolving a level to a person.
#include "ticketcore/routing/escalation.hpp"

#include <algorithm>

#include "model/json_read.hpp"
#include "ticketcore/error.hpp"
#include "ticketcore/model/json.hpp"

namespace ticketcore {

namespace {

using detail::json_read::child;
using detail::json_read::json;
using detail::json_read::ObjectReader;

void read_level(ObjectReader& r, std::string_view key, EscalationLevel& out) {
  int n = 0;
  if (r.optional(key, n, detail::json_read::Range{1, 4})) out = escalation_level(n, child(r.path(), key));
}

EscalationPolicy::Levels read_levels(ObjectReader& r, EscalationPolicy::Levels levels) {
  read_level(r, "sla_warning", levels.on_warning);
  read_level(r, "sla_breach", levels.on_breach);
  return levels;
}

const Agent* find_agent(std::span<const Agent> agents, std::string_view id) {
  auto it = std::find_if(agents.begin(), agents.end(), [&](const Agent& a) { return a.id == id; });
  return it == agents.end() ? nullptr : &*it;
}

}  // namespace

EscalationPolicy EscalationPolicy::from_json_text(std::string_view text, std::span<const Team> known_teams) {
  const json doc = parse_json(text);
  EscalationPolicy policy;
  ObjectReader r(doc, "");
  policy.desk = read_levels(r, policy.desk);
  if (const json* teams = r.take("teams"); teams && !teams->is_null()) {
    ObjectReader t(*teams, "/teams");  // refuses anything but an object
    for (const auto& [id, value] : teams->items()) {
      const std::string path = child("/teams", id);
      if (!known_teams.empty() && std::none_of(known_teams.begin(), known_teams.end(),
                                               [&id = id](const Team& team) { return team.id == id; }))
        throw_invalid(path, "unknown team \"" + id + "\"");
      t.take(id);
      ObjectReader levels(value, path);
      // A team override starts from the desk's levels, so it may name just one signal.
      policy.teams.emplace(id, read_levels(levels, policy.desk));
      levels.finish();
    }
  }
  r.finish();
  return policy;
}

EscalationLevel EscalationPolicy::level_for(EscalationReason reason, std::string_view team) const {
  auto it = teams.find(team);
  const Levels& levels = it == teams.end() ? desk : it->second;
  switch (reason) {
    case EscalationReason::sla_warning: return levels.on_warning;
    case EscalationReason::sla_breach: return levels.on_breach;
    case EscalationReason::rule:
    case EscalationReason::manual: break;
  }
  throw_invalid("", "only SLA warnings and breaches have a policy level; a " +
                        std::string(to_string(reason)) + " escalation names its own level");
}

Escalation resolve_escalation(const EscalationRequest& request, std::span<const Team> teams,
                              std::span<const Agent> agents) {
  auto team = std::find_if(teams.begin(), teams.end(), [&](const Team& t) { return t.id == request.team; });
  if (team == teams.end())
    throw Error(ErrorCode::not_found, "", "unknown team \"" + std::string(request.team) + "\"");

  Escalation out;
  out.team = team->id;
  out.requested = request.level;
  out.reason = request.reason;
  const std::array<std::string_view, 4> holders{request.handler, team->lead, team->supervisor, team->manager};
  for (int n = static_cast<int>(request.level); n <= 4; ++n) {
    const auto level = static_cast<EscalationLevel>(n);
    const std::string_view id = holders[static_cast<std::size_t>(n - 1)];
    const Agent* agent = id.empty() ? nullptr : find_agent(agents, id);
    if (id.empty())
      out.skipped.push_back({level, "", SkipReason::empty});
    else if (!agent)
      out.skipped.push_back({level, std::string(id), SkipReason::unknown_agent});
    else if (!agent->active)
      out.skipped.push_back({level, std::string(id), SkipReason::inactive});
    else {
      out.level = level;
      out.person = agent->id;
      break;
    }
  }
  if (out.resolved()) {
    out.notify.push_back(out.person);
    const Agent* handler = request.handler.empty() ? nullptr : find_agent(agents, request.handler);
    if (handler && handler->active && handler->id != out.person) out.notify.push_back(handler->id);
  } else {
    out.level = EscalationLevel::manager;  // the top was reached without an answer
  }
  return out;
}

}  // namespace ticketcore
