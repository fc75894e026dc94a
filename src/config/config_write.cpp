#include "config/config_write.hpp"

#include <cmath>
#include <cstdint>

#include "config/access_json.hpp"
#include "config/json_layout.hpp"
#include "ticketcore/model/json.hpp"

namespace ticketcore::detail {

namespace {

using nlohmann::ordered_json;

ordered_json levels_json(const EscalationPolicy::Levels& levels) {
  return {{"sla_warning", level_number(levels.on_warning)}, {"sla_breach", level_number(levels.on_breach)}};
}

ordered_json escalation_levels_json(const EscalationPolicy& policy) {
  ordered_json out = levels_json(policy.desk);
  out["teams"] = ordered_json::object();
  for (const auto& [team, levels] : policy.teams) out["teams"][team] = levels_json(levels);
  return out;
}

// A team or agent in the model's JSON mapping, its id and name first for the reader.
template <class Person>
ordered_json people_json(const std::vector<Person>& people) {
  ordered_json out = ordered_json::array();
  for (const Person& p : people) {
    ordered_json person = {{"id", p.id}, {"name", p.name}};
    const nlohmann::json mapped = p;
    for (const auto& [key, value] : mapped.items())
      if (key != "id" && key != "name") person[key] = value;
    out.push_back(std::move(person));
  }
  return out;
}

// An amount as the document gives it: a whole amount without a fraction ("50000", not "50000.0").
ordered_json money_json(const Money& m) {
  const double whole = std::trunc(m.amount);
  ordered_json amount = m.amount;
  if (whole == m.amount && std::fabs(whole) < 9.0e15) amount = static_cast<std::int64_t>(whole);
  return {{"amount", amount}, {"currency", m.currency}};
}

ordered_json threshold_json(const TierThreshold& t) {
  ordered_json out = ordered_json::object();
  if (t.purchases) out["purchases"] = *t.purchases;
  if (t.amount) out["amount"] = money_json(*t.amount);
  return out;
}

// An unset threshold is left out: "tiers": {"window_days": 365} reads back as no automatic tiers.
ordered_json tiers_json(const TierRules& rules) {
  ordered_json out = {{"window_days", rules.window_days}};
  if (rules.vip) out["vip"] = threshold_json(*rules.vip);
  if (rules.strategic) out["strategic"] = threshold_json(*rules.strategic);
  return out;
}

ordered_json tag_types_json(const TagTypes& types) {
  ordered_json out = ordered_json::array();
  for (const TagType& t : types.types)
    out.push_back({{"id", t.id}, {"name", t.name}, {"values", t.values}, {"single", t.single}});
  return out;
}

// The time zone is not written: it is the default calendar's.
ordered_json customers_json(const DeskConfig::Impl& c) {
  return {{"default_region", c.default_region},
          {"tag_types", tag_types_json(c.tag_types)},
          {"tiers", tiers_json(c.tier_rules)},
          {"profile", {{"recent_days", c.profile.recent_days}}}};
}

}  // namespace

std::string canonical_text(const DeskConfig::Impl& c, const nlohmann::ordered_json& input) {
  ordered_json out = {{"version", c.version}};
  for (std::string_view key : kSlaKeys)
    if (auto it = input.find(std::string(key)); it != input.end() && !it->is_null())
      out[std::string(key)] = *it;
  out["escalation_levels"] = escalation_levels_json(c.escalation_levels);
  out["teams"] = people_json(c.teams);
  out["agents"] = people_json(c.agents);
  out["rules"] = input.at("rules");
  out["assignment"] = input.at("assignment");
  out["numbers"] = {{"ticket", c.ticket_numbers.pattern()}, {"customer", c.customer_numbers.pattern()}};
  out["retention"] = {{"closed_ticket_days", c.retention.closed_ticket_days}};
  out["customers"] = customers_json(c);
  out["access"] = access_json(c.access);
  return layout(out);
}

}  // namespace ticketcore::detail
