// The JSON forms: the query read strictly and written back, the report written.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "ticketcore/metrics/report_json.hpp"

using namespace ticketcore;

namespace {

const char* kQuery = R"({"from": "2026-03-01T00:00:00+08:00", "to": "2026-04-01T00:00:00+08:00",
  "group_by": ["team", "priority"], "as_of": "2026-04-02T09:00:00Z", "due_soon_seconds": 7200,
  "bottleneck_min_tickets": 20, "bottleneck_factor": 2})";

// The error path of reading `text`, or "no error".
std::string refused_at(const std::string& text) {
  try {
    (void)from_json_text<ReportQuery>(text);
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::invalid_input);
    return e.path();
  }
  return "no error";
}

// kQuery with one field replaced (or removed, for a null value).
std::string with(const char* key, nlohmann::json value) {
  nlohmann::json j = nlohmann::json::parse(kQuery);
  if (value.is_null())
    j.erase(key);
  else
    j[key] = std::move(value);
  return j.dump();
}

}  // namespace

TEST_CASE("report query: read with offsets and written back in the form it reads") {
  const ReportQuery q = from_json_text<ReportQuery>(kQuery);
  CHECK(q.from == *parse_instant("2026-02-28T16:00:00Z"));
  CHECK(q.to == *parse_instant("2026-03-31T16:00:00Z"));
  CHECK(q.group_by == std::vector<GroupDimension>{GroupDimension::team, GroupDimension::priority});
  CHECK(q.due_soon_seconds == 7200);
  CHECK(q.bottleneck_min_tickets == 20);
  CHECK(q.bottleneck_factor == 2.0);
  const std::string text = to_json_text(q);
  CHECK(
      text ==
      R"({"from":"2026-02-28T16:00:00Z","to":"2026-03-31T16:00:00Z","group_by":["team","priority"],)"
      R"("as_of":"2026-04-02T09:00:00Z","due_soon_seconds":7200,"bottleneck_min_tickets":20,"bottleneck_factor":2.0})");
  CHECK(from_json_text<ReportQuery>(text) == q);
}

TEST_CASE("report query: defaults for what is left out") {
  const ReportQuery q = from_json_text<ReportQuery>(
      R"({"from": "2026-03-01T00:00:00Z", "to": "2026-04-01T00:00:00Z", "as_of": "2026-04-01T00:00:00Z"})");
  CHECK(q.group_by.empty());
  CHECK(q.due_soon_seconds == 4 * 3600);
  CHECK(q.bottleneck_min_tickets == 10);
  CHECK(q.bottleneck_factor == 1.5);
}

TEST_CASE("report query: bad input refused with the path of the field") {
  CHECK(refused_at(with("group_by", {"team", "colour"})) == "/group_by/1");
  CHECK(refused_at(with("group_by", {"team", "agent", "team"})) == "/group_by/2");
  CHECK(refused_at(with("group_by", "team")) == "/group_by");
  CHECK(refused_at(with("colour", "blue")) == "/colour");
  CHECK(refused_at(with("as_of", nullptr)) == "/as_of");
  CHECK(refused_at(with("from", "yesterday")) == "/from");
  CHECK(refused_at(with("to", "2026-03-01T00:00:00+08:00")) == "/to");  // not after from
  CHECK(refused_at(with("due_soon_seconds", -1)) == "/due_soon_seconds");
  CHECK(refused_at(with("bottleneck_min_tickets", 0)) == "/bottleneck_min_tickets");
  CHECK(refused_at(with("bottleneck_factor", 0.5)) == "/bottleneck_factor");
  CHECK(refused_at(with("bottleneck_factor", "high")) == "/bottleneck_factor");
  CHECK(refused_at("[1, 2]") == "");
  CHECK(refused_at("{") == "");
}

TEST_CASE("report JSON: the query - group keys by dimension - undefined values left out") {
  ReportQuery q = from_json_text<ReportQuery>(kQuery);
  ReportBuilder b(q);
  TicketFacts f;
  f.id = "202603-001";
  f.created_at = *parse_instant("2026-03-09T02:00:00Z");
  f.team = "technical_support";
  f.assignee = "t-01";
  f.priority = "P2";
  f.open = true;
  f.status = Status::assigned;
  f.sla[1] = {SlaOutcome::pending, *parse_instant("2026-04-02T10:00:00Z")};
  f.next_due_at = f.sla[1].due_at;
  b.add(f);
  const nlohmann::json j = nlohmann::json::parse(to_json_text(b.finish()));

  CHECK(j["query"] == nlohmann::json::parse(to_json_text(q)));
  CHECK(j["desk"]["tickets_in"] == 1);
  CHECK(j["desk"]["backlog"]["over_7_days"] == 1);
  CHECK(j["desk"]["first_response"]["count"] == 0);
  CHECK(j["desk"]["first_response"]["calendar_seconds"] == nlohmann::json::object());
  CHECK(j["desk"]["resolution_rate"] == 0.0);                        // 0 resolved of 1
  CHECK_FALSE(j["desk"].contains("first_contact_resolution_rate"));  // of 0 resolved: undefined
  CHECK(j["desk"]["sla"][1] ==
        nlohmann::json::parse(R"({"target":"first_response","met":0,"breached":0,"pending":1})"));
  CHECK(j["desk"]["csat"]["efficiency"] ==
        nlohmann::json::parse(R"({"distribution":[0,0,0,0,0],"satisfied":0})"));
  REQUIRE(j["groups"].size() == 1);
  CHECK(j["groups"][0]["group"] == nlohmann::json::parse(R"({"team":"technical_support","priority":"P2"})"));
  CHECK(j["groups"][0]["tickets_in"] == 1);
  CHECK(j["bottlenecks"] == nlohmann::json::array());
  CHECK(j["agents"] == nlohmann::json::parse(R"([{"agent":"t-01","open":1,"due_soon":1,"overdue":0}])"));
}
