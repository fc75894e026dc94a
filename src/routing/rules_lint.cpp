// Lint: warnings about rules that load fine but cannot work as meant. Decided on
// the conjunction of eq / in constraints (and identical comparisons) of each
// rule; anything beyond that is left alone rather than guessed. It reads the
// compiled rules, so values compare as the evaluator sees them (1 and 1.0 are one
// number, an instant is one instant whatever its offset).
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
using ValueSet = std::set<std::string>;

// One literal as comparable text, its kind first: the text "3" and the number 3 differ.
std::string canonical(const Literal& l) {
  std::string out;
  switch (l.kind) {
    case Value::Kind::text: return out.append("t").append(l.text);
    case Value::Kind::number: return out.append("n").append(json_read::json(l.number).dump());
    case Value::Kind::boolean: return l.boolean ? "b1" : "b0";
    default: return out.append("i").append(std::to_string(l.integer));  // enum index, Unix seconds
  }
}

// The field a comparison reads, with its parameter ("customer.tickets_opened/30").
std::string field_key(const Leaf& leaf) {
  switch (leaf.field.parameter) {
    case FieldParameter::none: break;
    case FieldParameter::days: return leaf.field_name + "/" + std::to_string(leaf.days);
    case FieldParameter::calendar: return leaf.field_name + "/" + leaf.calendar;
  }
  return leaf.field_name;
}

// A whole comparison as text, to find identical ones.
std::string comparison_key(const Leaf& leaf) {
  std::string key = field_key(leaf);
  key.append(" ").append(to_string(leaf.op));
  for (const Literal& l : leaf.literals) key.append(" ").append(canonical(l));
  return key;
}

// Whether a comparison is an eq / in constraint whose values form a set of allowed values.
bool is_set_constraint(const Leaf& leaf) {
  return (leaf.op == Op::eq || leaf.op == Op::in) && leaf.field.type != FieldType::tags;
}

// Whether a comparison excludes a set of values (ne / not_in).
bool is_exclusion(const Leaf& leaf) {
  return (leaf.op == Op::ne || leaf.op == Op::not_in) && leaf.field.type != FieldType::tags;
}

ValueSet values_of(const Leaf& leaf) {
  ValueSet out;
  for (const Literal& l : leaf.literals) out.insert(canonical(l));
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

class Linter {
 public:
  explicit Linter(const RuleSet::Impl& p) : p_(p) {}

  std::vector<LintWarning> run() {
    const std::size_t n = p_.rules.size();
    std::vector<std::optional<Conjunction>> conj(n);
    std::vector<Effects> effects(n);
    for (std::size_t i = 0; i < n; ++i) {
      conj[i] = conjunction(p_.rules[i].root);
      effects[i] = effects_of(p_.rules[i]);
    }
    auto id = [&](std::size_t i) -> const std::string& { return p_.rules[i].id; };

    for (std::size_t j = 0; j < n; ++j) {
      const Rule& rule = p_.rules[j];
      const std::string path = child("/rules", j);
      contradictions(rule.root, rule.id);
      if (!rule.enabled) continue;

      // Shadowed: an earlier enabled stop rule holds whenever this one does.
      if (conj[j] && !conj[j]->contradictory) {
        for (std::size_t i = 0; i < j; ++i) {
          if (!p_.rules[i].enabled || !p_.rules[i].stop || !conj[i] || !covers(*conj[i], *conj[j])) continue;
          out_.push_back({LintKind::shadowed, id(j), path,
                          "rule " + in_quotes(id(j)) + " never fires: the earlier stop rule " +
                              in_quotes(id(i)) + " matches every ticket it would"});
          break;
        }
      }

      // Undone: actions of this rule reverse an earlier rule's (or its own) when both may match.
      const Effects& later = effects[j];
      for (const auto& tag : later.added)
        if (later.removed.contains(tag))
          out_.push_back({LintKind::undoing_actions, id(j), path,
                          "rule " + in_quotes(id(j)) + " both adds and removes tag " + in_quotes(tag)});
      // The nearest earlier rule it undoes is reported, so warnings stay one per rule and cause.
      if (later.sets.empty() && later.added.empty() && later.removed.empty()) continue;
      for (std::size_t i = j; i-- > 0;) {
        if (!p_.rules[i].enabled || p_.rules[i].stop) continue;
        if (conj[i] && conj[j] && disjoint(*conj[i], *conj[j])) continue;
        const Effects& earlier = effects[i];
        std::vector<std::string> undone;
        for (const auto& [what, value] : later.sets)
          if (auto it = earlier.sets.find(what); it != earlier.sets.end() && it->second != value)
            undone.push_back(what + " " + in_quotes(it->second) + " then " + in_quotes(value));
        for (const auto& tag : later.removed)
          if (earlier.added.contains(tag)) undone.push_back("add_tag " + in_quotes(tag) + " then remove_tag");
        for (const auto& tag : later.added)
          if (earlier.removed.contains(tag))
            undone.push_back("remove_tag " + in_quotes(tag) + " then add_tag");
        for (const auto& u : undone)
          out_.push_back(
              {LintKind::undoing_actions, id(j), path,
               "rule " + in_quotes(id(j)) + " undoes the earlier rule " + in_quotes(id(i)) + ": " + u});
        if (!undone.empty()) break;
      }
    }
    return std::move(out_);
  }

 private:
  // The single-valued actions and tag changes of a rule, for the undo check.
  struct Effects {
    std::map<std::string, std::string> sets;  // "set_team" -> "a"
    std::set<std::string> added;
    std::set<std::string> removed;
  };

  static Effects effects_of(const Rule& rule) {
    Effects e;
    for (const Action& a : rule.actions) {
      switch (a.kind) {
        case Action::Kind::set_team:
        case Action::Kind::set_agent: e.sets[std::string(word_of(a.kind).word)] = a.value; break;
        case Action::Kind::add_tag: e.added.insert(a.value); break;
        case Action::Kind::remove_tag: e.removed.insert(a.value); break;
        default: break;
      }
    }
    return e;
  }

  const Leaf* leaf_of(std::uint32_t n) const {
    const Node& node = p_.nodes[n];
    return node.kind == Node::Kind::leaf ? &p_.leaves[node.first] : nullptr;
  }

  // Flattens nested `all`s into one conjunction; false on `any` or `not`, which are not judged.
  bool collect(std::uint32_t n, Conjunction& out) const {
    const Node& node = p_.nodes[n];
    if (node.kind == Node::Kind::all) {
      for (std::uint32_t i = 0; i < node.count; ++i)
        if (!collect(p_.children[node.first + i], out)) return false;
      return true;
    }
    const Leaf* leaf = leaf_of(n);
    if (!leaf) return false;
    if (is_set_constraint(*leaf)) {
      ValueSet values = values_of(*leaf);
      auto [it, fresh] = out.allowed.try_emplace(field_key(*leaf), values);
      if (!fresh) {
        it->second = intersect(it->second, values);
        if (it->second.empty()) out.contradictory = true;
      }
    } else {
      out.others.insert(comparison_key(*leaf));
    }
    return true;
  }

  std::optional<Conjunction> conjunction(std::uint32_t root) const {
    Conjunction c;
    if (!collect(root, c)) return std::nullopt;
    return c;
  }

  // Whether `earlier` holds whenever `later` does.
  static bool covers(const Conjunction& earlier, const Conjunction& later) {
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
  static bool disjoint(const Conjunction& a, const Conjunction& b) {
    for (const auto& [key, values] : a.allowed) {
      auto it = b.allowed.find(key);
      if (it != b.allowed.end() && intersect(values, it->second).empty()) return true;
    }
    return false;
  }

  // Self-contradiction inside each `all`: eq / in sets that do not meet, or that ne / not_in empties.
  void contradictions(std::uint32_t n, const std::string& rule_id) {
    const Node& node = p_.nodes[n];
    if (node.kind == Node::Kind::leaf) return;
    std::map<std::string, ValueSet> allowed;
    std::map<std::string, ValueSet> excluded;
    for (std::uint32_t i = 0; i < node.count; ++i) {
      const std::uint32_t kid = p_.children[node.first + i];
      contradictions(kid, rule_id);
      const Leaf* leaf = leaf_of(kid);
      if (node.kind != Node::Kind::all || !leaf) continue;
      if (is_set_constraint(*leaf)) {
        const ValueSet values = values_of(*leaf);
        auto [it, fresh] = allowed.try_emplace(field_key(*leaf), values);
        if (!fresh) it->second = intersect(it->second, values);
      } else if (is_exclusion(*leaf)) {
        const ValueSet values = values_of(*leaf);
        excluded[field_key(*leaf)].insert(values.begin(), values.end());
      }
    }
    for (const auto& [key, values] : allowed) {
      ValueSet left = values;
      if (auto ex = excluded.find(key); ex != excluded.end())
        for (const auto& v : ex->second) left.erase(v);
      if (left.empty())
        out_.push_back({LintKind::contradiction, rule_id, p_.node_paths[n],
                        "rule \"" + rule_id + "\": the conditions on \"" + key +
                            "\" contradict each other, so this \"all\" never holds"});
    }
  }

  const RuleSet::Impl& p_;
  std::vector<LintWarning> out_;
};

}  // namespace

std::vector<LintWarning> lint(const RuleSet::Impl& program) { return Linter(program).run(); }

}  // namespace ticketcore::detail
