#pragma once
// Small builders for assignment and escalation tests: agents, teams and tickets.

#include <string>
#include <vector>

#include "ticketcore/model/agent.hpp"
#include "ticketcore/model/ticket.hpp"
#include "ticketcore/routing/assignment.hpp"

namespace ticketcore::testing {

/// An active, present agent of a team with a generous capacity.
inline Agent agent(std::string id, std::string team, Seniority seniority = Seniority::regular) {
  Agent a;
  a.name = "Agent " + id;
  a.id = std::move(id);
  a.team = std::move(team);
  a.seniority = seniority;
  a.max_concurrent_tickets = 1000;
  a.languages = {"zh"};
  return a;
}

/// A team with escalation holders.
inline Team team(std::string id, std::string lead = "", std::string supervisor = "",
                 std::string manager = "") {
  Team t;
  t.name = "Team " + id;
  t.id = std::move(id);
  t.lead = std::move(lead);
  t.supervisor = std::move(supervisor);
  t.manager = std::move(manager);
  return t;
}

/// A new ticket of a request type in a team.
inline Ticket ticket(RequestType type, std::string team = "") {
  Ticket t;
  t.id = "202605-001";
  t.customer_id = "C20260501001";
  t.subject = "help";
  t.request_type = type;
  t.team = std::move(team);
  return t;
}

/// Wednesday 2026-05-06 10:00 in Shanghai (02:00 UTC): inside 09:00-18:00 working hours.
inline Instant weekday_morning() { return *parse_instant("2026-05-06T02:00:00Z"); }

}  // namespace ticketcore::testing
