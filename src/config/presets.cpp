// The built-in desks: one document per priority scheme, assembled from the preset texts the
// older preset functions read (SLA, rules, assignment, escalation levels, teams), so that the
// two cannot disagree; loading the whole checks that the parts name each other's ids.
#include <nlohmann/json.hpp>

#include "sla/presets.hpp"
#include "ticketcore/config.hpp"
#include "ticketcore/model/json.hpp"
#include "routing/presets.hpp"

namespace ticketcore {

namespace {

using json = nlohmann::ordered_json;

// The preset's document; SlaConfig::preset_json_text throws Error{not_found} for another name.
std::string preset_text(std::string_view name) {
  json doc = {{"version", std::string(name) + "-2026.1"}};
  const json sla = json::parse(detail::config_preset_text(name));
  for (const auto& [key, value] : sla.items()) doc[key] = value;
  doc["escalation_levels"] = json::parse(detail::preset_escalation_json());
  doc["teams"] = nlohmann::json(detail::preset_teams());
  doc["agents"] = json::array();  // hosts add their people with with_people
  doc["rules"] = json::parse(detail::preset_rules_json(name));
  doc["assignment"] = json::parse(detail::preset_assignment_json());
  return doc.dump();
}

}  // namespace

DeskConfig DeskConfig::preset(std::string_view name) { return from_json_text(preset_text(name)); }

std::vector<std::string> DeskConfig::preset_names() {
  return {"standard", "urgent_important_general", "high_medium_low"};
}

}  // namespace ticketcore
