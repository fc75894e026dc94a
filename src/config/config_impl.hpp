#pragma once
// The loaded form behind DeskConfig (private to src/config): every part validated, every
// cross-reference checked, and the canonical document that to_json_text() returns.

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "config/access_json.hpp"
#include "ticketcore/config.hpp"

namespace ticketcore {

namespace detail {

/// The top-level keys SlaConfig::from_json_text reads, handed to it as they are (their paths are
/// the same, since they sit at top level), in the order the canonical document writes them.
inline constexpr std::array<std::string_view, 8> kSlaKeys = {"calendars",
                                                             "default_calendar",
                                                             "workflow",
                                                             "priority_scheme",
                                                             "policies",
                                                             "escalations",
                                                             "survey_after_resolution",
                                                             "auto_close_after_resolution"};

}  // namespace detail

struct DeskConfig::Impl {
  std::string version;
  SlaConfig sla;  // also the calendars and the workflow
  EscalationPolicy escalation_levels;
  RuleSet rules;
  AssignmentConfig assignment;
  std::vector<Team> teams;
  std::vector<Agent> agents;
  NumberFormat ticket_numbers;
  NumberFormat customer_numbers;
  Retention retention;
  detail::AccessSection access;  // rights and masking
  std::string default_region;    // ISO 3166, for phone numbers written without a country code
  TierRules tier_rules;          // "customers"."tiers"
  TagTypes tag_types;            // "customers"."tag_types"
  ProfileSettings profile;       // "customers"."profile", in the default calendar's time zone
  std::string text;              // the canonical document; kept since the configuration never changes
};

}  // namespace ticketcore
