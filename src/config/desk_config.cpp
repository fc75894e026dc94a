// The DeskConfig handle: loading, writing, replacing the people, and the loaded parts.
#include "ticketcore/config.hpp"

#include <algorithm>

#include "config/config_read.hpp"
#include "ticketcore/model/json.hpp"

namespace ticketcore {

DeskConfig::DeskConfig(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

DeskConfig DeskConfig::from_json_text(std::string_view text) {
  return DeskConfig(detail::read_desk_config(text));
}

std::string DeskConfig::to_json_text() const { return impl_->text; }

DeskConfig DeskConfig::with_people(std::span<const Team> teams, std::span<const Agent> agents) const {
  // The whole document is read again, so every reference to a team or agent is checked anew.
  nlohmann::ordered_json doc = nlohmann::ordered_json::parse(impl_->text);
  doc["teams"] = nlohmann::json(std::vector<Team>(teams.begin(), teams.end()));
  doc["agents"] = nlohmann::json(std::vector<Agent>(agents.begin(), agents.end()));
  return from_json_text(doc.dump());
}

const std::string& DeskConfig::version() const { return impl_->version; }
const CalendarRegistry& DeskConfig::calendars() const { return impl_->sla.calendars; }
const Workflow& DeskConfig::workflow() const { return impl_->sla.workflow; }
const SlaConfig& DeskConfig::sla() const { return impl_->sla; }
const EscalationPolicy& DeskConfig::escalation_levels() const { return impl_->escalation_levels; }
const RuleSet& DeskConfig::rules() const { return impl_->rules; }
const AssignmentConfig& DeskConfig::assignment() const { return impl_->assignment; }
const std::vector<Team>& DeskConfig::teams() const { return impl_->teams; }
const std::vector<Agent>& DeskConfig::agents() const { return impl_->agents; }
std::shared_ptr<const std::vector<Agent>> DeskConfig::shared_agents() const {
  return {impl_, &impl_->agents};  // aliasing: no copy, the configuration stays alive
}
const NumberFormat& DeskConfig::ticket_numbers() const { return impl_->ticket_numbers; }
const NumberFormat& DeskConfig::customer_numbers() const { return impl_->customer_numbers; }
const Retention& DeskConfig::retention() const { return impl_->retention; }
const AccessPolicy& DeskConfig::access() const { return impl_->access.rights; }
const MaskingPolicy& DeskConfig::masking() const { return impl_->access.masking; }
const std::string& DeskConfig::default_region() const { return impl_->default_region; }
const TierRules& DeskConfig::tier_rules() const { return impl_->tier_rules; }
const TagTypes& DeskConfig::tag_types() const { return impl_->tag_types; }
const ProfileSettings& DeskConfig::profile_settings() const { return impl_->profile; }

const Team* DeskConfig::find_team(std::string_view id) const {
  auto it = std::find_if(impl_->teams.begin(), impl_->teams.end(), [&](const Team& t) { return t.id == id; });
  return it == impl_->teams.end() ? nullptr : &*it;
}

const Agent* DeskConfig::find_agent(std::string_view id) const {
  auto it =
      std::find_if(impl_->agents.begin(), impl_->agents.end(), [&](const Agent& a) { return a.id == id; });
  return it == impl_->agents.end() ? nullptr : &*it;
}

}  // namespace ticketcore
