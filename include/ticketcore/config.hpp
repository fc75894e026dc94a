#pragma once
// DeskConfig: the one JSON document a desk runs on (docs/config.md), validated as a
// whole on load, every cross-reference checked; and the built-in presets.

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ticketcore/access/masking.hpp"
#include "ticketcore/access/rights.hpp"
#include "ticketcore/calendar/calendar_registry.hpp"
#include "ticketcore/customers/profile.hpp"
#include "ticketcore/customers/tags.hpp"
#include "ticketcore/customers/tiers.hpp"
#include "ticketcore/model/agent.hpp"
#include "ticketcore/model/ids.hpp"
#include "ticketcore/routing/assignment.hpp"
#include "ticketcore/routing/escalation.hpp"
#include "ticketcore/routing/rules.hpp"
#include "ticketcore/sla/config.hpp"
#include "ticketcore/workflow/workflow.hpp"

namespace ticketcore {

/// How long closed tickets are kept before a purge may remove them (DOMAIN.md: at least 3 years).
struct Retention {
  std::int64_t closed_ticket_days = 1096;  ///< days after closing, 1 to 36600

  friend bool operator==(const Retention&, const Retention&) = default;
};

/// A desk's whole configuration: calendars, workflow, priority scheme, SLA policies and
/// time-based escalations, escalation levels of SLA signals, routing rules, assignment
/// strategies, teams and agents, number formats, survey, auto-close, retention, and the customers
/// section (phone region, tag types, tier rules, profile window).
/// Immutable once loaded; copies share the loaded form; safe to share across threads.
/// The document, its checks and the presets are written down in docs/config.md.
class DeskConfig {
 public:
  /// Reads and validates a whole document; every reference (team, agent, strategy, SLA
  /// policy, priority level, calendar) is checked, and errors name the JSON path
  /// ("/rules/rules/3/then/1/assign_by"). Throws Error{invalid_input}.
  static DeskConfig from_json_text(std::string_view text);
  /// A built-in configuration: "standard" (DOMAIN.md's P1-P4 table), "urgent_important_general"
  /// or "high_medium_low"; throws Error{not_found} for another name.
  static DeskConfig preset(std::string_view name);
  /// The names preset() knows, "standard" first.
  static std::vector<std::string> preset_names();

  /// The document, in the form from_json_text reads (from_json_text(to_json_text()) is equal):
  /// canonical, every default of the desk's own sections written out, laid out for reading.
  std::string to_json_text() const;
  /// The same document with other teams and agents (the host's directory), read and checked
  /// again; throws Error like from_json_text when something names a team or agent now missing.
  DeskConfig with_people(std::span<const Team> teams, std::span<const Agent> agents) const;

  /// The configuration's version id ("standard-2026.1"), recorded by decisions and stored versions.
  const std::string& version() const;
  /// Calendars by id, with the desk's default: the one registry every area reads.
  const CalendarRegistry& calendars() const;
  /// Statuses, transitions, stages and which statuses pause SLA clocks.
  const Workflow& workflow() const;
  /// The priority scheme, SLA policies, time-based escalations, survey and auto-close.
  const SlaConfig& sla() const;
  /// Which escalation level SLA warnings and breaches go to.
  const EscalationPolicy& escalation_levels() const;
  /// The routing rules, compiled.
  const RuleSet& rules() const;
  /// The assignment strategies rules name with assign_by.
  const AssignmentConfig& assignment() const;
  /// The teams.
  const std::vector<Team>& teams() const;
  /// The agents, supervisors and admins.
  const std::vector<Agent>& agents() const;
  /// The same agents, sharing this configuration's ownership (what AssignmentRequest takes).
  std::shared_ptr<const std::vector<Agent>> shared_agents() const;
  /// The team with this id, or nullptr.
  const Team* find_team(std::string_view id) const;
  /// The agent with this id, or nullptr.
  const Agent* find_agent(std::string_view id) const;
  /// The ticket number format ("{yyyy}{mm}-{serial:3}").
  const NumberFormat& ticket_numbers() const;
  /// The customer id format ("C{yyyy}{mm}{dd}{serial:3}").
  const NumberFormat& customer_numbers() const;
  /// How long closed tickets are kept.
  const Retention& retention() const;
  /// Each role's scope and permissions (docs/access.md).
  const AccessPolicy& access() const;
  /// What each role is shown of customers (docs/access.md, "Masking").
  const MaskingPolicy& masking() const;
  /// The region (ISO 3166, "CN") of phone numbers written without a country code.
  const std::string& default_region() const;
  /// When purchases raise a customer to vip or strategic (docs/customers.md, "Tiers").
  const TierRules& tier_rules() const;
  /// The types customers' "type:value" tags must belong to (docs/customers.md, "Tag types").
  const TagTypes& tag_types() const;
  /// The window of customer profiles, in the default calendar's time zone (docs/customers.md, "Profile").
  const ProfileSettings& profile_settings() const;

  struct Impl;  ///< the loaded configuration (src/config)

 private:
  explicit DeskConfig(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

}  // namespace ticketcore
