// The availability filter against working calendars: the agent's own, else the
// team's, else the desk's default.
#include <catch2/catch.hpp>

#include "routing/assignment_fixtures.hpp"
#include "ticketcore/routing/assignment.hpp"

using namespace ticketcore;
using namespace ticketcore;
using ticketcore::testing::agent;
using ticketcore::testing::team;
using ticketcore::testing::ticket;

namespace {

// Weekdays 09:00-18:00 in Shanghai; `late` works 14:00-23:00 instead.
BusinessCalendar shanghai(const std::string& id, const char* from, const char* to) {
  std::string hours = std::string(R"([{"from": ")") + from + R"(", "to": ")" + to + R"("}])";
  return BusinessCalendar::from_json_text(R"({"id": ")" + id +
                                          R"(", "time_zone": "Asia/Shanghai", "weekly_hours": {
    "monday": )" + hours + R"(, "tuesday": )" +
                                          hours + R"(, "wednesday": )" + hours + R"(, "thursday": )" + hours +
                                          R"(, "friday": )" + hours + "}}");
}

const char* kAvailable = R"({"strategies": [
  {"id": "avail", "filters": [{"kind": "availability"}], "chooser": "least_loaded"}]})";

}  // namespace

TEST_CASE("availability: closed on the agent's own calendar, else the team's, else the desk's") {
  const auto config = AssignmentConfig::from_json_text(kAvailable);
  CalendarRegistry calendars;
  calendars.by_id.emplace("day", shanghai("day", "09:00", "18:00"));
  calendars.by_id.emplace("late", shanghai("late", "14:00", "23:00"));
  std::vector<Team> teams = {team("t")};
  teams[0].calendar = "day";
  std::vector<Agent> agents = {agent("a-late", "t"), agent("b-team", "t"), agent("c-none", "")};
  agents[0].calendar = "late";
  const Ticket t = ticket(RequestType::other);
  auto run = [&](const char* when) {
    return assign(config, "avail",
                  AssignmentRequest{t, CustomerTier::normal, std::make_shared<const std::vector<Agent>>(agents), teams, calendars, *parse_instant(when)},
                  {});
  };

  // Wednesday 10:00 Shanghai: the day team works, the late agent does not yet.
  Assignment a = run("2026-05-06T02:00:00Z");
  CHECK(a.agent == "b-team");
  REQUIRE(a.rejections.size() == 1);
  CHECK(a.rejections[0].reason == RejectReason::off_calendar);
  CHECK(a.rejections[0].agent == "a-late");

  // Wednesday 20:00 Shanghai: only the late agent, and c, whom no calendar limits.
  a = run("2026-05-06T12:00:00Z");
  CHECK(a.agent == "a-late");
  CHECK(a.rejections.size() == 1);

  // The desk default covers the agent without a team calendar.
  calendars.default_id = "day";
  a = run("2026-05-06T12:00:00Z");
  CHECK(a.agent == "a-late");
  CHECK(a.rejections.size() == 2);

  // Saturday: nobody works; the ticket waits.
  CHECK(run("2026-05-09T03:00:00Z").queued());
}
