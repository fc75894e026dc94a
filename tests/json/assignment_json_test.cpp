// The JSON forms of assignment and escalation, against golden files, and the workload
// a host keeps between assignments read back strictly.
#include <catch2/catch.hpp>

#include "json/golden.hpp"
#include "json/json_fixtures.hpp"
#include "ticketcore/json.hpp"
#include "routing/presets.hpp"

using namespace ticketcore;
using namespace ticketcore::json_testing;

namespace {

Assignment run(const Desk& desk, std::string_view strategy, const Ticket& ticket, Workload workload) {
  static const AssignmentConfig config = detail::preset_assignment_config();
  const CalendarRegistry calendars;  // no calendars: nobody is limited by hours here
  return assign(config, strategy,
                AssignmentRequest{ticket, CustomerTier::normal, std::make_shared<const std::vector<Agent>>(desk.agents), desk.teams, calendars,
                                  at("2026-05-06T02:00:00Z")},
                std::move(workload));
}

Ticket technical(const char* product) {
  RoutingScene s;
  Ticket t = s.ticket;
  t.attributes["product"] = std::string(product);
  return t;
}

// The X200 ticket on a desk where ts-1 is away and ts-lead is full: ts-2 takes it.
Assignment technical_assignment() {
  Desk desk;
  desk.find("ts-1").away = true;
  Workload w;
  w.open_tickets = {{"ts-2", 2}, {"ts-lead", 3}};
  w.last_assigned = {{"technical_support", "ts-lead"}};
  return run(desk, "technical", technical("X200"), w);
}

// The error reading `text` as a workload, as "path: message".
std::string workload_error(const std::string& text) {
  try {
    from_json_text<Workload>(text);
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::invalid_input);
    return e.path() + ": " + e.message();
  }
  return "no error";
}

}  // namespace

TEST_CASE("assignment: the agent with every agent set aside named by id") {
  const Assignment a = technical_assignment();
  REQUIRE(a.agent == "ts-2");
  golden::check("assignment", to_json_text(a));
}

TEST_CASE("assignment: a fallback chain that ends in the team queue") {
  Desk desk;
  desk.find("cr-1").away = true;
  desk.find("cr-super").away = true;
  desk.find("boss").active = false;
  RoutingScene s;
  s.ticket.request_type = RequestType::complaint;
  const Assignment a = run(desk, "complaint", s.ticket, {});
  REQUIRE(a.queued());
  REQUIRE(a.steps.size() == 2);
  golden::check("assignment_queued", to_json_text(a));
}

TEST_CASE("assignment: rejections outlive the request and copies share their ids") {
  Assignment copy;
  {
    const Assignment a = technical_assignment();  // its desk is gone after this block
    copy = a;
  }
  REQUIRE_FALSE(copy.rejections.empty());
  CHECK(to_json_text(copy) == to_json_text(technical_assignment()));
}

TEST_CASE("workload: written and read back") {
  const Workload w = technical_assignment().workload;
  golden::check("workload", to_json_text(w));
  CHECK(from_json_text<Workload>(to_json_text(w)) == w);
  CHECK(from_json_text<Workload>("{}") == Workload{});
}

TEST_CASE("workload reading: unknown keys and wrong types and bad ids name the path") {
  CHECK(workload_error(R"({"open_tickets": {"ts-1": 2}, "last_assigned": {"technical_support": "ts-1"}})") ==
        "no error");
  CHECK(workload_error(R"({"open": {}})") == "/open: unknown field");
  CHECK(workload_error(R"({"open_tickets": []})") == "/open_tickets: expected object, got array");
  CHECK(workload_error(R"({"open_tickets": {"ts-1": "2"}})") == "/open_tickets/ts-1: expected integer, got string");
  CHECK(workload_error(R"({"open_tickets": {"ts-1": -1}})") ==
        "/open_tickets/ts-1: out of range: -1 (expected 0 to 9223372036854775807)");
  CHECK(workload_error(R"({"open_tickets": {"": 1}})") == "/open_tickets/: ids are 1 to 64 bytes of UTF-8");
  CHECK(workload_error(R"({"last_assigned": {"a/b": ""}})") == "/last_assigned/a~1b: must not be empty");
  CHECK(workload_error("[]") == ": expected object, got array");
}

TEST_CASE("escalation: levels passed over on the way to the manager") {
  Desk desk;
  desk.find("cr-super").active = false;
  const Escalation e = resolve_escalation(
      {"customer_relations", "cr-1", EscalationLevel::team_lead, EscalationReason::sla_breach}, desk.teams,
      desk.agents);
  REQUIRE(e.person == "boss");
  REQUIRE(e.skipped.size() == 2);
  golden::check("escalation", to_json_text(e));
}

TEST_CASE("escalation: when nobody answers no person is written") {
  const Desk desk;
  const Escalation e =
      resolve_escalation({"senior_specialists", "", EscalationLevel::supervisor, EscalationReason::manual},
                         desk.teams, desk.agents);
  REQUIRE_FALSE(e.resolved());
  const std::string text = to_json_text(e);
  CHECK(text.find("\"person\"") == std::string::npos);
  CHECK(text.find("\"resolved\":false") != std::string::npos);
}
