#pragma once
// The standard preset with a small desk of people, as a CRM would hand it over.

#include <vector>

#include "ticketcore/config.hpp"
#include "ticketcore/model/time.hpp"

namespace fixture {

using namespace ticketcore;

inline Instant at(const char* rfc3339) { return *parse_instant(rfc3339); }

inline DeskConfig standard_desk() {
  std::vector<Team> teams;
  auto team = [&](const char* id, const char* lead, const char* supervisor) {
    teams.push_back(Team{id, id, "", "cn-standard", lead, supervisor, "m-01"});
  };
  team("product_specialists", "p-01", "s-01");
  team("technical_support", "t-lead", "s-01");
  team("customer_relations", "c-01", "s-02");
  team("senior_specialists", "v-01", "s-02");
  team("supervisors", "s-01", "m-01");
  std::vector<Agent> agents;
  auto agent = [&](const char* id, const char* team_id, Role role, Seniority seniority,
                   std::vector<std::string> certifications) {
    Agent a;
    a.id = id;
    a.name = id;
    a.team = team_id;
    a.role = role;
    a.seniority = seniority;
    a.certifications = std::move(certifications);
    a.languages = {"zh", "en"};
    agents.push_back(std::move(a));
  };
  agent("p-01", "product_specialists", Role::agent, Seniority::regular, {});
  agent("t-lead", "technical_support", Role::agent, Seniority::expert, {"erp"});
  agent("t-01", "technical_support", Role::agent, Seniority::regular, {"erp"});
  agent("t-02", "technical_support", Role::agent, Seniority::regular, {"crm"});
  agent("c-01", "customer_relations", Role::agent, Seniority::regular, {});
  agent("v-01", "senior_specialists", Role::agent, Seniority::senior, {"erp"});
  agent("s-01", "supervisors", Role::supervisor, Seniority::expert, {});
  agent("s-02", "supervisors", Role::supervisor, Seniority::expert, {});
  agent("m-01", "supervisors", Role::admin, Seniority::expert, {});
  return DeskConfig::preset("standard").with_people(teams, agents);
}

}  // namespace fixture
