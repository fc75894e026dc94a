#include "ticketcore/sla/priority.hpp"

#include <algorithm>
#include <set>

#include "model/json_read.hpp"
#include "ticketcore/error.hpp"
#include "ticketcore/model/json.hpp"

namespace ticketcore {

using json = nlohmann::json;
using namespace detail::json_read;

namespace {

constexpr std::size_t kUrgencies = enum_count<Urgency>();
const MaxItems kLevels{16};
const MaxItems kItems{limits::list};

}  // namespace

void read(const json& j, const std::string& path, PriorityLevel& level) {
  ObjectReader r(j, path);
  r.required("id", level.id, MaxLength{limits::id});
  if (level.id.empty()) throw_invalid(child(path, "id"), "must not be empty");
  r.optional("name", level.name);
  r.finish();
}

void read(const json& j, const std::string& path, ImpactClass& c) {
  ObjectReader r(j, path);
  r.required("id", c.id, MaxLength{limits::id});
  if (c.id.empty()) throw_invalid(child(path, "id"), "must not be empty");
  r.required("min_users_affected", c.min_users_affected, Range{0, std::numeric_limits<std::int64_t>::max()});
  r.finish();
}

void read(const json& j, const std::string& path, PriorityCondition& w) {
  ObjectReader r(j, path);
  r.optional("users_affected_at_least", w.users_affected_at_least,
             Range{0, std::numeric_limits<std::int64_t>::max()});
  if (const json* loss = r.take("estimated_loss_above"); loss && !loss->is_null()) {
    Money m;
    read(*loss, child(path, "estimated_loss_above"), m);
    w.estimated_loss_above = m;
  }
  r.optional("core_business_down", w.core_business_down);
  r.optional("request_types", w.request_types, kItems);
  r.optional("subtypes", w.subtypes, kItems, MaxLength{limits::name});
  r.optional("any_tag", w.any_tag, kItems, MaxLength{limits::tag});
  r.optional("in_warranty", w.in_warranty);
  r.finish();
  if (!w.users_affected_at_least && !w.estimated_loss_above && !w.core_business_down &&
      w.request_types.empty() && w.subtypes.empty() && w.any_tag.empty() && !w.in_warranty)
    throw_invalid(path, "a rule needs at least one condition");
}

void read(const json& j, const std::string& path, PriorityRule& rule) {
  ObjectReader r(j, path);
  r.required("id", rule.id, MaxLength{limits::id});
  if (rule.id.empty()) throw_invalid(child(path, "id"), "must not be empty");
  r.required("when", rule.when);
  r.required("at_least", rule.at_least, MaxLength{limits::id});
  r.finish();
}

std::optional<std::size_t> PriorityScheme::rank(std::string_view level) const {
  for (std::size_t i = 0; i < levels_.size(); ++i)
    if (levels_[i].id == level) return i;
  return std::nullopt;
}

PriorityScheme PriorityScheme::from_json_text(std::string_view text) {
  const json j = parse_json(text);
  PriorityScheme s;
  ObjectReader r(j, "");
  r.required("levels", s.levels_, kLevels);
  if (s.levels_.empty()) throw_invalid("/levels", "needs at least one level");
  for (std::size_t i = 0; i < s.levels_.size(); ++i)
    for (std::size_t k = 0; k < i; ++k)
      if (s.levels_[k].id == s.levels_[i].id)
        throw_invalid(child(child("/levels", i), "id"), "duplicate level " + in_quotes(s.levels_[i].id));

  r.required("impact_classes", s.impact_classes_, kLevels);
  if (s.impact_classes_.empty()) throw_invalid("/impact_classes", "needs at least one impact class");
  if (s.impact_classes_.front().min_users_affected != 0)
    throw_invalid("/impact_classes/0/min_users_affected", "the first band must start at 0");
  for (std::size_t i = 1; i < s.impact_classes_.size(); ++i) {
    const std::string at = child("/impact_classes", i);
    if (s.impact_classes_[i].min_users_affected <= s.impact_classes_[i - 1].min_users_affected)
      throw_invalid(child(at, "min_users_affected"), "bands must be in increasing order");
    for (std::size_t k = 0; k < i; ++k)
      if (s.impact_classes_[k].id == s.impact_classes_[i].id)
        throw_invalid(child(at, "id"), "duplicate impact class " + in_quotes(s.impact_classes_[i].id));
  }

  // The matrix: one object per impact class, one level per urgency word; complete.
  const json* matrix = r.take("matrix");
  if (!matrix) throw_invalid("/matrix", "missing required field");
  if (!matrix->is_object()) wrong_type(*matrix, "/matrix", "object");
  for (const auto& [key, row] : matrix->items())
    if (!std::any_of(s.impact_classes_.begin(), s.impact_classes_.end(),
                     [&key = key](const ImpactClass& c) { return c.id == key; }))
      throw_invalid(child("/matrix", key), "unknown impact class " + in_quotes(key));
  for (const ImpactClass& c : s.impact_classes_) {
    const std::string row_path = child("/matrix", c.id);
    auto it = matrix->find(c.id);
    if (it == matrix->end()) throw_invalid(row_path, "missing the row of impact class " + in_quotes(c.id));
    ObjectReader row(*it, row_path);
    std::array<std::string, 4> cells;
    for (std::size_t u = 0; u < kUrgencies; ++u) {
      const auto word = to_string(static_cast<Urgency>(u));
      row.required(word, cells[u], MaxLength{limits::id});
      if (!s.rank(cells[u])) throw_invalid(child(row_path, word), "unknown level " + in_quotes(cells[u]));
    }
    row.finish();
    s.matrix_.push_back(cells);
  }

  r.optional("rules", s.rules_, MaxItems{100});
  for (std::size_t i = 0; i < s.rules_.size(); ++i) {
    const std::string at = child("/rules", i);
    if (!s.rank(s.rules_[i].at_least))
      throw_invalid(child(at, "at_least"), "unknown level " + in_quotes(s.rules_[i].at_least));
    for (std::size_t k = 0; k < i; ++k)
      if (s.rules_[k].id == s.rules_[i].id)
        throw_invalid(child(at, "id"), "duplicate rule " + in_quotes(s.rules_[i].id));
  }

  if (const json* tiers = r.take("tier_steps"); tiers && !tiers->is_null()) {
    ObjectReader tr(*tiers, "/tier_steps");
    const int top = int(s.levels_.size()) - 1;
    for (std::size_t t = 0; t < enum_count<CustomerTier>(); ++t)
      tr.optional(to_string(static_cast<CustomerTier>(t)), s.tier_steps_[t], Range{0, top});
    tr.finish();
  }
  r.finish();
  return s;
}

std::string PriorityScheme::to_json_text() const {
  json j;
  j["levels"] = json::array();
  for (const auto& l : levels_) j["levels"].push_back({{"id", l.id}, {"name", l.name}});
  j["impact_classes"] = json::array();
  for (const auto& c : impact_classes_)
    j["impact_classes"].push_back({{"id", c.id}, {"min_users_affected", c.min_users_affected}});
  j["matrix"] = json::object();
  for (std::size_t c = 0; c < impact_classes_.size(); ++c)
    for (std::size_t u = 0; u < kUrgencies; ++u)
      j["matrix"][impact_classes_[c].id][std::string(to_string(static_cast<Urgency>(u)))] = matrix_[c][u];
  j["rules"] = json::array();
  for (const auto& rule : rules_) {
    json w = json::object();
    if (rule.when.users_affected_at_least) w["users_affected_at_least"] = *rule.when.users_affected_at_least;
    if (rule.when.estimated_loss_above)
      w["estimated_loss_above"] = {{"amount", rule.when.estimated_loss_above->amount},
                                   {"currency", rule.when.estimated_loss_above->currency}};
    if (rule.when.core_business_down) w["core_business_down"] = *rule.when.core_business_down;
    if (!rule.when.request_types.empty()) {
      w["request_types"] = json::array();
      for (auto t : rule.when.request_types) w["request_types"].push_back(std::string(to_string(t)));
    }
    if (!rule.when.subtypes.empty()) w["subtypes"] = rule.when.subtypes;
    if (!rule.when.any_tag.empty()) w["any_tag"] = rule.when.any_tag;
    if (rule.when.in_warranty) w["in_warranty"] = *rule.when.in_warranty;
    j["rules"].push_back({{"id", rule.id}, {"when", w}, {"at_least", rule.at_least}});
  }
  for (std::size_t t = 0; t < enum_count<CustomerTier>(); ++t)
    j["tier_steps"][std::string(to_string(static_cast<CustomerTier>(t)))] = tier_steps_[t];
  return j.dump();
}

const ImpactClass& PriorityScheme::impact_class(const Impact& impact) const {
  if (impact_classes_.empty()) throw_invalid("/impact_classes", "the priority scheme has no impact classes");
  const ImpactClass* found = &impact_classes_.front();
  for (const ImpactClass& c : impact_classes_)
    if (impact.users_affected >= c.min_users_affected) found = &c;
  return *found;
}

const std::string& PriorityScheme::cell(std::string_view impact_class, Urgency urgency) const {
  for (std::size_t c = 0; c < impact_classes_.size(); ++c)
    if (impact_classes_[c].id == impact_class) return matrix_[c][static_cast<std::size_t>(urgency)];
  throw_invalid("/impact_class", "unknown impact class " + in_quotes(impact_class));
}

bool rule_applies(const PriorityCondition& w, const Ticket& t, const CustomerStanding& customer) {
  if (w.in_warranty && customer.in_warranty != *w.in_warranty) return false;
  if (w.users_affected_at_least && t.impact.users_affected < *w.users_affected_at_least) return false;
  if (w.estimated_loss_above) {
    const auto& loss = t.impact.estimated_loss;
    // No exchange rates in the core: a loss in another currency does not match.
    if (!loss || loss->currency != w.estimated_loss_above->currency ||
        !(loss->amount > w.estimated_loss_above->amount))
      return false;
  }
  if (w.core_business_down && t.impact.core_business_down != *w.core_business_down) return false;
  if (!w.request_types.empty() &&
      std::find(w.request_types.begin(), w.request_types.end(), t.request_type) == w.request_types.end())
    return false;
  if (!w.subtypes.empty() && std::find(w.subtypes.begin(), w.subtypes.end(), t.subtype) == w.subtypes.end())
    return false;
  if (!w.any_tag.empty() && std::none_of(w.any_tag.begin(), w.any_tag.end(), [&](const std::string& tag) {
        return std::find(t.tags.begin(), t.tags.end(), tag) != t.tags.end();
      }))
    return false;
  return true;
}

PriorityDecision PriorityScheme::compute(const Ticket& ticket, const CustomerStanding& customer) const {
  const CustomerTier tier = customer.tier;
  if (levels_.empty()) throw_invalid("/levels", "the priority scheme has no levels");
  PriorityDecision d;
  const ImpactClass& impact = impact_class(ticket.impact);
  d.impact_class = impact.id;
  const std::string urgency(to_string(ticket.urgency));
  std::size_t level = *rank(cell(impact.id, ticket.urgency));
  d.reasons.push_back({PriorityReasonKind::matrix, impact.id + "/" + urgency, "", levels_[level].id,
                       "impact " + impact.id + " (" + std::to_string(ticket.impact.users_affected) +
                           " users affected) x urgency " + urgency + " gives " + levels_[level].id});

  for (const PriorityRule& rule : rules_) {
    if (!rule_applies(rule.when, ticket, customer)) continue;
    const std::size_t floor = *rank(rule.at_least);
    const std::string from = levels_[level].id;
    if (floor < level) level = floor;
    d.reasons.push_back({PriorityReasonKind::rule, rule.id, from, levels_[level].id,
                         "rule " + rule.id + " sets at least " + rule.at_least +
                             (from == levels_[level].id ? " (already " + from + ")"
                                                        : ": " + from + " -> " + levels_[level].id)});
  }

  const int steps = tier_steps(tier);
  if (steps > 0) {
    const std::string from = levels_[level].id;
    const bool capped = std::size_t(steps) > level;
    level = capped ? 0 : level - std::size_t(steps);
    d.reasons.push_back({PriorityReasonKind::tier, std::string(to_string(tier)), from, levels_[level].id,
                         "customer tier " + std::string(to_string(tier)) + " moves " + std::to_string(steps) +
                             " level(s) up: " + from + " -> " + levels_[level].id +
                             (capped ? " (capped at the top level)" : "")});
  }
  d.level = d.computed_level = levels_[level].id;
  return d;
}

PriorityDecision PriorityScheme::override_with(PriorityDecision d, std::string_view level,
                                               std::string_view reason) const {
  if (!rank(level)) throw_invalid("/priority", "unknown level " + in_quotes(level));
  if (reason.empty()) throw_invalid("/reason", "a manual override needs a reason");
  const std::string from = d.level;
  d.level = std::string(level);
  d.overridden = true;
  d.override_reason = std::string(reason);
  d.reasons.push_back({PriorityReasonKind::override_, "manual", from, d.level,
                       "set by hand from " + from + " to " + d.level + ": " + std::string(reason)});
  return d;
}

}  // namespace ticketcore
