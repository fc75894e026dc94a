// to_json_text() writes exactly what from_json_text() reads, and with_people() is the same
// document with other teams and agents, checked again.
#include "config/desk_fixtures.hpp"
#include "routing/presets.hpp"

using namespace ticketcore;
using namespace ticketcore::config_test;

namespace {

void require_round_trip(const DeskConfig& c) {
  const std::string text = c.to_json_text();
  const DeskConfig again = DeskConfig::from_json_text(text);
  CHECK(again.to_json_text() == text);
  CHECK(again.version() == c.version());
  CHECK(again.teams() == c.teams());
  CHECK(again.agents() == c.agents());
  CHECK(again.escalation_levels() == c.escalation_levels());
  CHECK(again.rules().references() == c.rules().references());
  CHECK(again.retention() == c.retention());
}

Agent agent(const char* id, const char* team) {
  Agent a;
  a.id = id;
  a.name = id;
  a.team = team;
  return a;
}

}  // namespace

TEST_CASE("config round trip: every preset") {
  for (const std::string& name : DeskConfig::preset_names()) {
    INFO(name);
    require_round_trip(DeskConfig::preset(name));
  }
}

TEST_CASE("config round trip: the hand-written desk") {
  const DeskConfig c = DeskConfig::from_json_text(small_desk().dump());
  require_round_trip(c);
  // Defaults are written out: the customer number format the document left out, and every
  // escalation level of the team override that named one.
  const json written = json::parse(c.to_json_text());
  CHECK(written["numbers"] ==
        json{{"ticket", "T{yyyy}{mm}-{serial:4}"}, {"customer", "C{yyyy}{mm}{dd}{serial:3}"}});
  CHECK(written["escalation_levels"]["teams"]["support"] == json{{"sla_warning", 2}, {"sla_breach", 4}});
  CHECK(written["teams"][1]["lead"] == "");
  CHECK(written["retention"]["closed_ticket_days"] == 1500);
  // The sections other areas read are kept as given.
  CHECK(written["rules"] == small_desk()["rules"]);
  CHECK(written["policies"] == small_desk()["policies"]);
}

TEST_CASE("config round trip: a document without the optional sections gains their defaults") {
  json doc = small_desk();
  for (const char* key : {"escalation_levels", "agents", "numbers", "retention", "escalations"})
    doc.erase(key);
  doc["teams"][0].erase("lead");
  const DeskConfig c = DeskConfig::from_json_text(doc.dump());
  require_round_trip(c);
  CHECK(c.agents().empty());
  CHECK(c.retention().closed_ticket_days == 1096);
  CHECK(c.ticket_numbers().pattern() == "{yyyy}{mm}-{serial:3}");
  CHECK(c.escalation_levels() == EscalationPolicy{});
  const json written = json::parse(c.to_json_text());
  CHECK_FALSE(written.contains("escalations"));
  CHECK(written["agents"] == json::array());
}

TEST_CASE("config with_people: the preset with a desk's own teams and agents") {
  const DeskConfig preset = DeskConfig::preset("standard");
  std::vector<Team> teams = preset.teams();
  teams[1].lead = "t-lead";  // technical_support
  const std::vector<Agent> agents{agent("t-lead", "technical_support"), agent("t-01", "technical_support")};
  const DeskConfig desk = preset.with_people(teams, agents);

  CHECK(desk.version() == preset.version());
  CHECK(desk.agents() == agents);
  CHECK(desk.find_team("technical_support")->lead == "t-lead");
  CHECK(desk.find_agent("t-01")->team == "technical_support");
  CHECK(preset.agents().empty());  // the preset itself is unchanged
  require_round_trip(desk);
  // Everything but the people is the preset's.
  json a = json::parse(desk.to_json_text()), b = json::parse(preset.to_json_text());
  for (json* doc : {&a, &b}) {
    doc->erase("teams");
    doc->erase("agents");
  }
  CHECK(a == b);
  // And back to no people.
  CHECK(desk.with_people(preset.teams(), {}).to_json_text() == preset.to_json_text());
}

TEST_CASE("config with_people: the new people are checked against the rest of the document") {
  const DeskConfig preset = DeskConfig::preset("standard");
  std::vector<Team> teams = detail::preset_teams();
  teams.pop_back();  // supervisors, which the last rule sends the rest to
  try {
    (void)preset.with_people(teams, {});
    FAIL("accepted");
  } catch (const Error& e) {
    CHECK(e.path() == "/rules/rules/7/then/0/set_team");
  }
  try {
    (void)preset.with_people(preset.teams(), std::vector<Agent>{agent("x-01", "sales")});
    FAIL("accepted");
  } catch (const Error& e) {
    CHECK(e.path() == "/agents/0/team");
  }
  teams = preset.teams();
  teams[0].supervisor = "nobody";
  try {
    (void)preset.with_people(teams, {});
    FAIL("accepted");
  } catch (const Error& e) {
    CHECK(e.path() == "/teams/0/supervisor");
  }
  try {
    (void)preset.with_people({}, {});  // no teams at all: the first rule naming one is refused
    FAIL("accepted");
  } catch (const Error& e) {
    CHECK(e.path() == "/rules/rules/3/then/0/set_team");
  }
}
