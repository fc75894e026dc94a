#pragma once
// The people who handle tickets and the teams they work in.

#include <cstdint>
#include <string>
#include <vector>

#include "ticketcore/model/enums.hpp"

namespace ticketcore {

/// A support agent, supervisor or administrator.
struct Agent {
  std::string id;    ///< required
  std::string name;  ///< required
  Role role = Role::agent;
  std::string team;                         ///< team id; empty for none
  std::vector<std::string> skills;          ///< "hardware", "billing"
  std::vector<std::string> certifications;  ///< product certifications
  std::vector<std::string> languages;       ///< "zh", "en"
  Seniority seniority = Seniority::regular;
  std::int64_t max_concurrent_tickets = 10;  ///< >= 1
  std::string calendar;                      ///< the agent's own working calendar id; empty: the team's
  bool away = false;                         ///< temporarily unavailable (leave, break)
  bool active = true;                        ///< false once the agent has left

  friend bool operator==(const Agent&, const Agent&) = default;
};

/// A team, with the people escalation goes to (levels 2-4; level 1 is the handler).
struct Team {
  std::string id;    ///< required
  std::string name;  ///< required
  std::string description;
  std::string calendar;    ///< business calendar id; empty: the desk's default
  std::string lead;        ///< agent id of the team lead (escalation level 2)
  std::string supervisor;  ///< agent id of the supervisor (level 3)
  std::string manager;     ///< agent id of the manager (level 4)

  friend bool operator==(const Team&, const Team&) = default;
};

}  // namespace ticketcore
