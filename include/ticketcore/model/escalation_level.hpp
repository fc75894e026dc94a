#pragma once
// The escalation levels of DOMAIN.md section 3: the one type SLA escalations, due
// actions, routing decisions, approvals and the escalation ladder share.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ticketcore {

/// Who a ticket goes up to; the numbers are the levels people speak of (JSON carries them as 1-4).
enum class EscalationLevel : std::uint8_t {
  handler = 1,     ///< the ticket's assignee
  team_lead = 2,   ///< Team::lead
  supervisor = 3,  ///< Team::supervisor
  manager = 4,     ///< Team::manager
};

/// The level's number, 1-4.
constexpr int level_number(EscalationLevel level) { return static_cast<int>(level); }

/// The level's lower-case word ("team_lead").
constexpr std::string_view to_string(EscalationLevel level) {
  switch (level) {
    case EscalationLevel::handler: return "handler";
    case EscalationLevel::team_lead: return "team_lead";
    case EscalationLevel::supervisor: return "supervisor";
    case EscalationLevel::manager: return "manager";
  }
  return "unknown";
}

/// The level named by a word ("supervisor"); nullopt for any other word.
constexpr std::optional<EscalationLevel> escalation_level_from_word(std::string_view word) {
  for (int n = 1; n <= 4; ++n)
    if (to_string(static_cast<EscalationLevel>(n)) == word) return static_cast<EscalationLevel>(n);
  return std::nullopt;
}

/// The level numbered n (1-4); throws Error (invalid_input) at `path` for any other number.
EscalationLevel escalation_level(int n, const std::string& path = "");

}  // namespace ticketcore
