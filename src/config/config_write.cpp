#include "config/config_write.hpp"

#include "config/access_json.hpp"
#include "config/json_layout.hpp"
#include "ticketcore/model/json.hpp"

namespace ticketcore::detail {

namespace {

using json = nlohmann::ordered_json;

json levels_json(const EscalationPolicy::Levels& levels) {
  return {{"sla_warning", level_number(levels.on_warning)}, {"sla_breach", level_number(levels.on_breach)}};
}

json escalation_levels_json(const EscalationPolicy& policy) {
  json out = levels_json(policy.desk);
  out["teams"] = json::object();
  for (const auto& [team, levels] : policy.teams) out["teams"][team] = levels_json(levels);
  return out;
}

// A team or agent in the model's JSON mapping, its id and name first for the reader.
template <class Person>
json people_json(const std::vector<Person>& people) {
  json out = json::array();
  for (const Person& p : people) {
    json person = {{"id", p.id}, {"name", p.name}};
    const nlohmann::json mapped = p;
    for (const auto& [key, value] : mapped.items())
      if (key != "id" && key != "name") person[key] = value;
    out.push_back(std::move(person));
  }
  return out;
}

}  // namespace

std::string canonical_text(const DeskConfig::Impl& c, const nlohmann::ordered_json& input) {
  json out = {{"version", c.version}};
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
  out["customers"] = {{"default_region", c.default_region}};
  out["access"] = access_json(c.access);
  return layout(out);
}

}  // namespace ticketcore::detail
