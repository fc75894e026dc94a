// Reading and validating assignment strategies from JSON (docs/assignment.md).
#include <algorithm>
#include <set>

#include "model/json_read.hpp"
#include "ticketcore/model/json.hpp"
#include "ticketcore/routing/assignment.hpp"

namespace ticketcore {

namespace {

using detail::json_read::child;
using detail::json_read::json;
using detail::json_read::MaxItems;
using detail::json_read::MaxLength;
using detail::json_read::ObjectReader;

// The ticket value a certification or language filter reads: "subtype" or "attributes.NAME".
void read_from(ObjectReader& r, AssignmentFilter& f, std::string_view fallback) {
  f.from = fallback;
  r.optional("from", f.from, MaxLength{limits::name});
  constexpr std::string_view prefix = "attributes.";
  if (f.from == "subtype") {
    f.attribute.clear();
  } else if (f.from.starts_with(prefix) && f.from.size() > prefix.size()) {
    f.attribute = f.from.substr(prefix.size());
  } else {
    throw_invalid(child(r.path(), "from"),
                  "expected \"subtype\" or \"attributes.NAME\", got \"" + f.from + "\"");
  }
}

void check_team(const std::string& team, const std::string& path, std::span<const Team> known_teams) {
  if (team.empty()) throw_invalid(path, "empty team id");
  if (known_teams.empty()) return;
  auto it = std::find_if(known_teams.begin(), known_teams.end(), [&](const Team& t) { return t.id == team; });
  if (it == known_teams.end()) throw_invalid(path, "unknown team \"" + team + "\"");
}

AssignmentFilter read_filter(const json& j, const std::string& path, std::span<const Team> known_teams) {
  AssignmentFilter f;
  ObjectReader r(j, path);
  r.required("kind", f.kind);
  switch (f.kind) {
    case FilterKind::team:
      if (r.optional("team", f.team, MaxLength{limits::id}))
        check_team(f.team, child(path, "team"), known_teams);
      break;
    case FilterKind::role:
      r.required("roles", f.roles, MaxItems{enum_count<Role>()});
      if (f.roles.empty()) throw_invalid(child(path, "roles"), "at least one role is required");
      break;
    case FilterKind::skills:
      r.required("skills", f.skills, MaxItems{limits::list}, MaxLength{limits::tag});
      if (f.skills.empty()) throw_invalid(child(path, "skills"), "at least one skill is required");
      break;
    case FilterKind::certification:
      read_from(r, f, "attributes.product");
      r.optional("keep_if_missing", f.keep_if_missing);
      break;
    case FilterKind::language:
      f.keep_if_missing = true;
      read_from(r, f, "attributes.language");
      r.optional("keep_if_missing", f.keep_if_missing);
      break;
    case FilterKind::seniority: r.required("at_least", f.at_least); break;
    case FilterKind::tier_affinity:
      if (const json* tiers = r.take("tiers"); tiers && !tiers->is_null()) {
        const std::string tiers_path = child(path, "tiers");
        ObjectReader t(*tiers, tiers_path);
        for (std::size_t i = 0; i < enum_count<CustomerTier>(); ++i)
          t.optional(to_string(static_cast<CustomerTier>(i)), f.tier_minimum[i]);
        t.finish();
      }
      break;
    case FilterKind::availability:
    case FilterKind::capacity: break;
  }
  r.finish();
  return f;
}

AssignmentStrategy read_strategy(const json& j, const std::string& path, std::span<const Team> known_teams) {
  AssignmentStrategy s;
  ObjectReader r(j, path);
  r.required("id", s.id, MaxLength{limits::id});
  r.optional("description", s.description, MaxLength{limits::text});
  if (const json* filters = r.take("filters"); filters && !filters->is_null()) {
    const std::string filters_path = child(path, "filters");
    if (!filters->is_array()) detail::json_read::wrong_type(*filters, filters_path, "array");
    if (filters->size() > limits::list) throw_invalid(filters_path, "too many filters");
    for (std::size_t i = 0; i < filters->size(); ++i)
      s.filters.push_back(read_filter((*filters)[i], child(filters_path, i), known_teams));
  }
  r.optional("chooser", s.chooser);
  r.optional("fallback", s.fallback, MaxLength{limits::id});
  r.finish();
  return s;
}

}  // namespace

AssignmentConfig AssignmentConfig::from_json_text(std::string_view text, std::span<const Team> known_teams) {
  const json doc = parse_json(text);
  AssignmentConfig config;
  ObjectReader r(doc, "");
  const json* list = r.take("strategies");
  if (!list) throw_invalid("/strategies", "missing required field");
  if (!list->is_array()) detail::json_read::wrong_type(*list, "/strategies", "array");
  if (list->size() > limits::list) throw_invalid("/strategies", "too many strategies");
  r.finish();

  std::set<std::string, std::less<>> ids;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string path = child("/strategies", i);
    AssignmentStrategy s = read_strategy((*list)[i], path, known_teams);
    if (!ids.insert(s.id).second) throw_invalid(child(path, "id"), "duplicate strategy id \"" + s.id + "\"");
    config.strategies_.push_back(std::move(s));
  }
  // Every fallback names a strategy, and no chain comes back to where it started.
  for (std::size_t i = 0; i < config.strategies_.size(); ++i) {
    const auto& fallback = config.strategies_[i].fallback;
    if (!fallback.empty() && !config.find(fallback))
      throw_invalid(child(child("/strategies", i), "fallback"), "unknown strategy \"" + fallback + "\"");
  }
  for (std::size_t i = 0; i < config.strategies_.size(); ++i) {
    const std::string path = child(child("/strategies", i), "fallback");
    const AssignmentStrategy* s = &config.strategies_[i];
    std::string chain = s->id;
    std::set<std::string_view> seen{s->id};
    while (!s->fallback.empty()) {
      const AssignmentStrategy* next = config.find(s->fallback);
      chain += " -> " + next->id;
      if (!seen.insert(next->id).second) throw_invalid(path, "fallback chain loops: " + chain);
      s = next;
    }
  }
  return config;
}

const AssignmentStrategy* AssignmentConfig::find(std::string_view id) const {
  for (const auto& s : strategies_)
    if (s.id == id) return &s;
  return nullptr;
}

}  // namespace ticketcore
