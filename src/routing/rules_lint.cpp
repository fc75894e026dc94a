// Lint: warnings about rules that load fine but cannot work as meant. Decided on
// the conjunction of eq / in constraints (and identical comparisons) of each
// rule; anything beyond that is left alone rather than guessed.
#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "model/json_read.hpp"
#include "routing/rules_program.hpp"

namespace ticketcore::detail {

namespace {

using detail::json_read::child;
using detail::json_read::in_quotes;
using detail::json_read::json;
using ValueSet = std::set<std::string>;

// One value as comparable text: numbers as doubles, so 1 and 1.0 are one value.
std::string canonical(const json& v) { return v.is_number() ? json(v.get<double>()).dump() : v.dump(); }

// The field a comparison reads, with its parameters ("customer.tickets_opened/30").
std::string field_key(const json& leaf) {
  std::string key = leaf["field"].get<std::string>();
  if (leaf.contains("days")) key.append("/").append(leaf["days"].dump());
  if (leaf.contains("calendar")) key.append("/").append(leaf["calendar"].get<std::string>());
  return key;
}

// Whether a comparison is an eq / in constraint whose values form a set of allowed values.
bool is_set_constraint(const json& leaf) {
  const std::string op = leaf["op"].get<std::string>();
  if (op != "eq" && op != "in") return false;
  auto field = resolve_field(leaf["field"].get<std::string>());
  return field && field->type != FieldType::tags;
}

ValueSet values_of(const json& leaf) {
  ValueSet out;
  const json& v = leaf["value"];
  if (v.is_array())
    for (const auto& x : v) out.insert(canonical(x));
  else
    out.insert(canonical(v));
  return out;
}

ValueSet intersect(const ValueSet& a, const ValueSet& b) {
  ValueSet out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.end()));
  return out;
}

// A rule's condition as a conjunction: allowed values per field, plus other comparisons as text.
struct Conjunction {
  std::map<std::string, ValueSet> allowed;
  std::set<std::string> others;
  bool contradictory = false;
};

bool collect(const json& c, Conjunction& out) {
  if (c.contains("all")) {
    for (const auto& x : c["all"])
      if (!collect(x, out)) return false;
    return true;
  }
  if (c.contains("any") || c.contains("not")) return false;
  if (is_set_constraint(c)) {
    const std::string key = field_key(c);
    ValueSet values = values_of(c);
    auto it = out.allowed.find(key);
    if (it == out.allowed.end()) {
      out.allowed.emplace(key, std::move(values));
    } else {
      it->second = intersect(it->second, values);
      if (it->second.empty()) out.contradictory = true;
    }
  } else {
    out.others.insert(c.dump());
  }
  return true;
}

std::optional<Conjunction> conjunction(const json& when) {
  Conjunction c;
  if (!collect(when, c)) return std::nullopt;
  return c;
}

// Whether `earlier` holds whenever `later` does.
bool covers(const Conjunction& earlier, const Conjunction& later) {
  for (const auto& [key, values] : earlier.allowed) {
    auto it = later.allowed.find(key);
    if (it == later.allowed.end()) return false;
    if (!std::includes(values.begin(), values.end(), it->second.begin(), it->second.end())) return false;
  }
  for (const auto& o : earlier.others)
    if (!later.others.contains(o)) return false;
  return true;
}

// Whether two conjunctions can never hold together.
bool disjoint(const Conjunction& a, const Conjunction& b) {
  for (const auto& [key, values] : a.allowed) {
    auto it = b.allowed.find(key);
    if (it != b.allowed.end() && intersect(values, it->second).empty()) return true;
  }
  return false;
}

// Self-contradiction inside each `all`: eq / in sets that do not meet, or that ne / not_in empties.
void contradictions(const json& c, const std::string& path, const std::string& rule_id,
                    std::vector<LintWarning>& out) {
  for (const char* group : {"all", "any"}) {
    if (!c.contains(group)) continue;
    const json& kids = c[group];
    std::map<std::string, ValueSet> allowed;
    std::map<std::string, ValueSet> excluded;
    for (std::size_t i = 0; i < kids.size(); ++i) {
      contradictions(kids[i], child(child(path, group), i), rule_id, out);
      if (std::string(group) != "all" || !kids[i].contains("field")) continue;
      const json& leaf = kids[i];
      const std::string op = leaf["op"].get<std::string>();
      if (is_set_constraint(leaf)) {
        const std::string key = field_key(leaf);
        auto it = allowed.find(key);
        if (it == allowed.end())
          allowed.emplace(key, values_of(leaf));
        else
          it->second = intersect(it->second, values_of(leaf));
      } else if ((op == "ne" || op == "not_in") &&
                 resolve_field(leaf["field"].get<std::string>())->type != FieldType::tags) {
        const ValueSet v = values_of(leaf);
        excluded[field_key(leaf)].insert(v.begin(), v.end());
      }
    }
    for (const auto& [key, values] : allowed) {
      ValueSet left = values;
      if (auto ex = excluded.find(key); ex != excluded.end())
        for (const auto& v : ex->second) left.erase(v);
      if (left.empty())
        out.push_back({LintKind::contradiction, rule_id, path,
                       "rule \"" + rule_id + "\": the conditions on \"" + key +
                           "\" contradict each other, so this \"all\" never holds"});
    }
  }
  if (c.contains("not")) contradictions(c["not"], child(path, "not"), rule_id, out);
}

// The single-valued actions and tag changes of a rule, for the undo check.
struct Effects {
  std::map<std::string, std::string> sets;  // "set_team" -> "a"
  std::set<std::string> added;
  std::set<std::string> removed;
};

Effects effects_of(const json& then) {
  Effects e;
  for (const auto& a : then) {
    const std::string& key = a.begin().key();
    if (key == "set_team" || key == "set_agent")
      e.sets[key] = a.begin().value().get<std::string>();
    else if (key == "add_tag")
      e.added.insert(a.begin().value().get<std::string>());
    else if (key == "remove_tag")
      e.removed.insert(a.begin().value().get<std::string>());
  }
  return e;
}

}  // namespace

std::vector<LintWarning> lint(const json& rules) {
  std::vector<LintWarning> out;
  const std::size_t n = rules.size();
  std::vector<std::optional<Conjunction>> conj(n);
  std::vector<Effects> effects(n);
  for (std::size_t i = 0; i < n; ++i) {
    conj[i] = conjunction(rules[i]["when"]);
    effects[i] = effects_of(rules[i]["then"]);
  }
  std::vector<bool> enabled_flags(n), stop_flags(n);
  std::vector<std::string> ids(n);
  for (std::size_t i = 0; i < n; ++i) {
    enabled_flags[i] = rules[i].value("enabled", true);
    stop_flags[i] = rules[i].value("stop", false);
    ids[i] = rules[i]["id"].get<std::string>();
  }
  auto enabled = [&](std::size_t i) { return enabled_flags[i]; };
  auto stops = [&](std::size_t i) { return stop_flags[i]; };
  auto id = [&](std::size_t i) -> const std::string& { return ids[i]; };

  for (std::size_t j = 0; j < n; ++j) {
    const std::string path = child("/rules", j);
    contradictions(rules[j]["when"], child(path, "when"), id(j), out);
    if (!enabled(j)) continue;

    // Shadowed: an earlier enabled stop rule holds whenever this one does.
    if (conj[j] && !conj[j]->contradictory) {
      for (std::size_t i = 0; i < j; ++i) {
        if (!enabled(i) || !stops(i) || !conj[i] || !covers(*conj[i], *conj[j])) continue;
        out.push_back({LintKind::shadowed, id(j), path,
                       "rule " + in_quotes(id(j)) + " never fires: the earlier stop rule " +
                           in_quotes(id(i)) + " matches every ticket it would"});
        break;
      }
    }

    // Undone: actions of this rule reverse an earlier rule's (or its own) when both may match.
    const Effects& later = effects[j];
    for (const auto& tag : later.added)
      if (later.removed.contains(tag))
        out.push_back({LintKind::undoing_actions, id(j), path,
                       "rule " + in_quotes(id(j)) + " both adds and removes tag " + in_quotes(tag)});
    // The nearest earlier rule it undoes is reported, so warnings stay one per rule and cause.
    if (later.sets.empty() && later.added.empty() && later.removed.empty()) continue;
    for (std::size_t i = j; i-- > 0;) {
      if (!enabled(i) || stops(i)) continue;
      if (conj[i] && conj[j] && disjoint(*conj[i], *conj[j])) continue;
      const Effects& earlier = effects[i];
      std::vector<std::string> undone;
      for (const auto& [what, value] : later.sets)
        if (auto it = earlier.sets.find(what); it != earlier.sets.end() && it->second != value)
          undone.push_back(what + " " + in_quotes(it->second) + " then " + in_quotes(value));
      for (const auto& tag : later.removed)
        if (earlier.added.contains(tag)) undone.push_back("add_tag " + in_quotes(tag) + " then remove_tag");
      for (const auto& tag : later.added)
        if (earlier.removed.contains(tag)) undone.push_back("remove_tag " + in_quotes(tag) + " then add_tag");
      for (const auto& u : undone)
        out.push_back(
            {LintKind::undoing_actions, id(j), path,
             "rule " + in_quotes(id(j)) + " undoes the earlier rule " + in_quotes(id(i)) + ": " + u});
      if (!undone.empty()) break;
    }
  }
  return out;
}

}  // namespace ticketcore::detail
