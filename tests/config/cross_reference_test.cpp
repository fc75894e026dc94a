// Every id one section of a desk document names must exist where it is defined: each wrong
// one is refused with its exact JSON path.
#include "config/desk_fixtures.hpp"

using namespace ticketcore;
using namespace ticketcore::config_test;

TEST_CASE("config: the hand-written desk loads") {
  const DeskConfig c = DeskConfig::from_json_text(small_desk().dump());
  CHECK(c.version() == "acme-2026.3");
  CHECK(c.teams().size() == 2);
  CHECK(c.agents().size() == 2);
  CHECK(c.rules().version() == "acme-rules-7");
}

TEST_CASE("config: a rule naming an unknown team or agent is refused at its path") {
  json doc = small_desk();
  doc["rules"]["rules"][0]["then"][0]["set_team"] = "ghosts";
  require_refused(doc, "/rules/rules/0/then/0/set_team", "unknown team \"ghosts\"");

  doc = small_desk();
  doc["rules"]["rules"][1]["then"].push_back({{"set_agent", "bob"}});
  require_refused(doc, "/rules/rules/1/then/2/set_agent", "unknown agent \"bob\"");

  doc = small_desk();
  doc["rules"]["rules"][1]["when"] = {{"field", "team"}, {"op", "in"}, {"value", {"support", "ghosts"}}};
  require_refused(doc, "/rules/rules/1/when/value/1", "unknown team \"ghosts\"");
}

TEST_CASE("config: a rule naming an unknown assignment strategy is refused at its path") {
  json doc = small_desk();
  doc["rules"]["rules"][1]["then"][1]["assign_by"] = "nobody";
  require_refused(doc, "/rules/rules/1/then/1/assign_by",
                  "rule \"rest\": unknown assignment strategy \"nobody\"");
}

TEST_CASE("config: a rule naming an unknown SLA policy is refused at its path") {
  json doc = small_desk();
  doc["rules"]["rules"][0]["then"][2]["set_sla_policy"] = "vip";
  require_refused(doc, "/rules/rules/0/then/2/set_sla_policy", "unknown SLA policy \"vip\"");
}

TEST_CASE("config: a rule naming an unknown priority level is refused at its path") {
  json doc = small_desk();
  doc["rules"]["rules"][0]["then"][1]["set_priority"]["level"] = "P1";
  require_refused(doc, "/rules/rules/0/then/1/set_priority/level", "unknown priority level \"P1\"");

  // A condition comparing the priority with a level the scheme lacks could never match.
  doc = small_desk();
  doc["rules"]["rules"][0]["when"] = {{"field", "priority"}, {"op", "eq"}, {"value", "urgent"}};
  require_refused(doc, "/rules/rules/0/when/value", "unknown priority level \"urgent\"");
}

TEST_CASE("config: an SLA escalation to an unknown team is refused at its path") {
  json doc = small_desk();
  doc["escalations"][0]["team"] = "technical_support";
  require_refused(doc, "/escalations/0/team", "unknown team \"technical_support\"");
}

TEST_CASE("config: an escalation level override for an unknown team is refused at its path") {
  json doc = small_desk();
  doc["escalation_levels"]["teams"]["ghosts"] = {{"sla_warning", 3}};
  require_refused(doc, "/escalation_levels/teams/ghosts", "unknown team \"ghosts\"");
}

TEST_CASE("config: an assignment filter naming an unknown team is refused at its path") {
  json doc = small_desk();
  doc["assignment"]["strategies"][0]["filters"][0]["team"] = "ghosts";
  require_refused(doc, "/assignment/strategies/0/filters/0/team", "unknown team \"ghosts\"");
}

TEST_CASE("config: a policy duration on an unknown calendar is refused at its path") {
  json doc = small_desk();
  doc["policies"][1]["targets"]["first_response"]["calendar"] = "moon";
  require_refused(doc, "/policies/1/targets/first_response/calendar", "unknown calendar \"moon\"");
}

TEST_CASE("config: an agent or a team on an unknown calendar is refused at its path") {
  json doc = small_desk();
  doc["agents"][1]["calendar"] = "moon";
  require_refused(doc, "/agents/1/calendar", "unknown calendar \"moon\"");
  doc = small_desk();
  doc["teams"][0]["calendar"] = "moon";
  require_refused(doc, "/teams/0/calendar", "unknown calendar \"moon\"");
}

TEST_CASE("config: an agent in an unknown team is refused at its path") {
  json doc = small_desk();
  doc["agents"][1]["team"] = "ghosts";
  require_refused(doc, "/agents/1/team", "unknown team \"ghosts\"");
}

TEST_CASE("config: a team whose lead or supervisor or manager is not an agent is refused at its path") {
  for (const char* level : {"lead", "supervisor", "manager"}) {
    json doc = small_desk();
    doc["teams"][1][level] = "zoe";
    require_refused(doc, std::string("/teams/1/") + level, "unknown agent \"zoe\"");
  }
}

TEST_CASE("config: duplicate team or agent ids are refused at the second one") {
  json doc = small_desk();
  doc["teams"].push_back({{"id", "support"}, {"name", "Support again"}});
  require_refused(doc, "/teams/2/id", "duplicate team \"support\"");
  doc = small_desk();
  doc["agents"].push_back({{"id", "ann"}, {"name", "Ann again"}});
  require_refused(doc, "/agents/2/id", "duplicate agent \"ann\"");
}

TEST_CASE("config: an empty team list is checked like any other") {
  json doc = small_desk();
  doc["teams"] = json::array();
  doc["agents"] = json::array();
  doc["rules"]["rules"] = json::array();
  doc["escalation_levels"].erase("teams");
  // The assignment loader skips its team check without teams: the desk does not.
  require_refused(doc, "/escalations/0/team", "unknown team \"support\"");
  doc.erase("escalations");
  require_refused(doc, "/assignment/strategies/0/filters/0/team", "unknown team \"support\"");
  doc["assignment"]["strategies"][0]["filters"].erase(0);
  CHECK(DeskConfig::from_json_text(doc.dump()).teams().empty());
}

TEST_CASE("config: errors inside a section carry the section's path") {
  json doc = small_desk();
  doc["teams"][1].erase("name");
  require_refused(doc, "/teams/1/name", "missing required field");
  doc = small_desk();
  doc["agents"][0]["max_concurrent_tickets"] = 0;
  require_refused(doc, "/agents/0/max_concurrent_tickets", "out of range");
  doc = small_desk();
  doc["rules"]["rules"][0]["when"]["field"] = "mood";
  require_refused(doc, "/rules/rules/0/when/field", "unknown field \"mood\"");
  doc = small_desk();
  doc["assignment"]["strategies"][0]["chooser"] = "random";
  require_refused(doc, "/assignment/strategies/0/chooser", "unknown value \"random\"");
  doc = small_desk();
  doc["escalation_levels"]["sla_breach"] = 5;
  require_refused(doc, "/escalation_levels/sla_breach", "out of range");
  doc = small_desk();
  doc["numbers"]["customer"] = "C{yyyy}";
  require_refused(doc, "/numbers/customer", "exactly one {serial:N}");
  doc = small_desk();
  doc["retention"]["closed_ticket_days"] = 0;
  require_refused(doc, "/retention/closed_ticket_days", "out of range");
  doc = small_desk();
  doc["policies"][0]["priority"] = "P2";
  require_refused(doc, "/policies/0/priority", "unknown priority level \"P2\"");
}

TEST_CASE("config: unknown keys are refused at every level") {
  json doc = small_desk();
  doc["colour"] = "blue";
  require_refused(doc, "/colour", "unknown field");
  // A misspelt section is reported as unknown, not as the missing one it was meant to be.
  doc = small_desk();
  doc["rule"] = doc["rules"];
  doc.erase("rules");
  require_refused(doc, "/rule", "unknown field");
  doc = small_desk();
  doc["numbers"]["invoice"] = "I{serial:3}";
  require_refused(doc, "/numbers/invoice", "unknown field");
  doc = small_desk();
  doc["retention"]["open_ticket_days"] = 10;
  require_refused(doc, "/retention/open_ticket_days", "unknown field");
  doc = small_desk();
  doc["teams"][0]["colour"] = "blue";
  require_refused(doc, "/teams/0/colour", "unknown field");
  doc = small_desk();
  doc["escalation_levels"]["sla_near_breach"] = 2;
  require_refused(doc, "/escalation_levels/sla_near_breach", "unknown field");
}

TEST_CASE("config: the version and the sections a desk needs are required") {
  for (const char* key : {"version", "priority_scheme", "policies", "teams", "rules", "assignment"}) {
    json doc = small_desk();
    doc.erase(key);
    require_refused(doc, std::string("/") + key, "missing required field");
  }
  json doc = small_desk();
  doc["version"] = "";
  require_refused(doc, "/version", "must not be empty");
  doc["version"] = std::string(65, 'v');
  require_refused(doc, "/version", "too long");
}

TEST_CASE("config: JSON that is not a document is an invalid_input error") {
  for (const char* text : {"", "[]", "{\"version\": ", "42"}) {
    INFO(text);
    try {
      (void)DeskConfig::from_json_text(text);
      FAIL("accepted");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::invalid_input);
    }
  }
}
