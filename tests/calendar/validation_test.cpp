// Every kind of bad calendar config is refused with the JSON path of the offending field.
#include <catch2/catch.hpp>

#include "calendar_fixtures.hpp"
#include "ticketcore/error.hpp"

using namespace ticketcore;
using namespace ticketcore::testing;
using nlohmann::json;

namespace {

json base() {
  return {{"id", "t"},
          {"time_zone", "Europe/Berlin"},
          {"weekly_hours", week_of({"monday", "tuesday"}, {{{"from", "09:00"}, {"to", "18:00"}}})}};
}

// The path of the Error the config raises, or "(accepted)".
std::string error_path(const json& config, const std::string& at = "") {
  try {
    calendar_from_json(config, at);
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::invalid_input);
    CHECK_FALSE(e.message().empty());
    return e.path();
  }
  return "(accepted)";
}

}  // namespace

TEST_CASE("a valid config is accepted") { CHECK(error_path(base()) == "(accepted)"); }

TEST_CASE("overlapping ranges name the later one") {
  json c = base();
  c["weekly_hours"]["monday"] = ranges({{"13:00", "18:00"}, {"09:00", "12:00"}, {"11:00", "12:30"}});
  CHECK(error_path(c) == "/weekly_hours/monday/2");
  c["weekly_hours"]["monday"] = ranges({{"09:00", "12:00"}, {"12:00", "18:00"}});  // touching is fine
  CHECK(error_path(c) == "(accepted)");
  c["weekly_hours"]["monday"] = ranges({{"09:00", "18:00"}, {"10:00", "11:00"}});
  CHECK(error_path(c) == "/weekly_hours/monday/1");
}

TEST_CASE("an end before or at its start is refused") {
  json c = base();
  c["weekly_hours"]["tuesday"] = ranges({{"18:00", "09:00"}});
  CHECK(error_path(c) == "/weekly_hours/tuesday/0/to");
  c["weekly_hours"]["tuesday"] = ranges({{"09:00", "09:00"}});
  CHECK(error_path(c) == "/weekly_hours/tuesday/0/to");
  c = base();
  c["holidays"] = json::array({{{"from", "2026-10-07"}, {"to", "2026-10-01"}}});
  CHECK(error_path(c) == "/holidays/0/to");
}

TEST_CASE("malformed times are refused, and 24:00 is only an end") {
  for (const char* bad : {"9:00", "09:0", "0900", "25:00", "12:60", "24:01", "ab:cd", "", "09:00:00"}) {
    INFO(bad);
    json c = base();
    c["weekly_hours"]["monday"] = ranges({{bad, "18:00"}});
    CHECK(error_path(c) == "/weekly_hours/monday/0/from");
  }
  json c = base();
  c["weekly_hours"]["monday"] = ranges({{"24:00", "24:00"}});
  CHECK(error_path(c) == "/weekly_hours/monday/0/from");
  c["weekly_hours"]["monday"] = ranges({{"00:00", "24:00"}});
  CHECK(error_path(c) == "(accepted)");
  c["weekly_hours"]["monday"] = json::array({{{"from", 9}, {"to", "18:00"}}});
  CHECK(error_path(c) == "/weekly_hours/monday/0/from");
  c["weekly_hours"]["monday"] = json::array({{{"from", "09:00"}}});
  CHECK(error_path(c) == "/weekly_hours/monday/0/to");
}

TEST_CASE("an unknown time zone is refused") {
  json c = base();
  c["time_zone"] = "Mars/Olympus_Mons";
  CHECK(error_path(c) == "/time_zone");
  c.erase("time_zone");
  CHECK(error_path(c) == "/time_zone");
  c["time_zone"] = "America/New_York";
  CHECK(error_path(c) == "(accepted)");
}

TEST_CASE("an empty week is refused") {
  json c = base();
  c["weekly_hours"] = json::object();
  CHECK(error_path(c) == "/weekly_hours");
  c["weekly_hours"] = {{"monday", json::array()}, {"sunday", json::array()}};
  CHECK(error_path(c) == "/weekly_hours");
  c.erase("weekly_hours");
  CHECK(error_path(c) == "/weekly_hours");
}

TEST_CASE("unknown fields are refused") {
  json c = base();
  c["weekly_hours"]["mon"] = ranges({{"09:00", "18:00"}});
  CHECK(error_path(c) == "/weekly_hours/mon");
  c = base();
  c["colour"] = "blue";
  CHECK(error_path(c) == "/colour");
  c = base();
  c["holidays"] = json::array({{{"date", "2026-05-01"}, {"closes", "12:00"}}});
  CHECK(error_path(c) == "/holidays/0/closes");
}

TEST_CASE("holiday entries are checked") {
  json c = base();
  c["holidays"] = json::array({{{"name", "no date"}}});
  CHECK(error_path(c) == "/holidays/0/date");
  c["holidays"] = json::array({{{"from", "2026-05-01"}}});
  CHECK(error_path(c) == "/holidays/0/to");
  c["holidays"] = json::array({{{"date", "2026-05-01"}, {"from", "2026-05-01"}, {"to", "2026-05-02"}}});
  CHECK(error_path(c) == "/holidays/0/from");
  c["holidays"] = json::array({{{"date", "2026-02-30"}}});
  CHECK(error_path(c) == "/holidays/0/date");
  c["holidays"] = json::array({{{"date", "2026-05-01"},
                                {"hours", ranges({{"09:00", "12:00"}})},
                                {"closed", ranges({{"12:00", "18:00"}})}}});
  CHECK(error_path(c) == "/holidays/0/closed");
  c["holidays"] =
      json::array({{{"date", "2026-05-01"}, {"hours", ranges({{"09:00", "12:00"}, {"10:00", "11:00"}})}}});
  CHECK(error_path(c) == "/holidays/0/hours/1");
  c["holidays"] = json::array({{{"date", "2026-05-01"}, {"closed", ranges({{"15:00", "12:00"}})}}});
  CHECK(error_path(c) == "/holidays/0/closed/0/to");
  c["holidays"] = json::array({{{"from", "2026-01-01"}, {"to", "2027-06-01"}}});
  CHECK(error_path(c) == "/holidays/0/to");
  c["holidays"] = "2026-05-01";
  CHECK(error_path(c) == "/holidays");
}

TEST_CASE("a date listed twice is refused where it repeats") {
  json c = base();
  c["holidays"] = json::array({{{"from", "2026-10-01"}, {"to", "2026-10-07"}}, {{"date", "2026-10-03"}}});
  CHECK(error_path(c) == "/holidays/1/date");
  c["holidays"] = json::array({{{"date", "2026-10-03"}}, {{"from", "2026-10-01"}, {"to", "2026-10-07"}}});
  CHECK(error_path(c) == "/holidays/1/from");
  c["holidays"] = json::array({{{"date", "2026-10-03"}}});
  c["extra_working_days"] = json::array({{{"date", "2026-10-10"}}, {{"date", "2026-10-03"}}});
  CHECK(error_path(c) == "/extra_working_days/1/date");
  c["extra_working_days"] = json::array({{{"date", "2026-10-10"}}, {{"date", "2026-10-10"}}});
  CHECK(error_path(c) == "/extra_working_days/1/date");
}

TEST_CASE("extra working days are checked") {
  json c = base();
  c["extra_working_days"] = json::array({{{"date", "2026-10-10"}, {"weekday", "Sunday"}}});
  CHECK(error_path(c) == "/extra_working_days/0/weekday");
  c["extra_working_days"] = json::array({{{"date", "2026-10-10"}, {"weekday", "saturday"}}});
  CHECK(error_path(c) == "(accepted)");
  c["extra_working_days"] = json::array({{{"weekday", "Saturday"}}});
  CHECK(error_path(c) == "/extra_working_days/0/date");
  c["extra_working_days"] = json::array({{{"date", "2026-10-10"}, {"hours", ranges({{"10:00", "24:30"}})}}});
  CHECK(error_path(c) == "/extra_working_days/0/hours/0/to");
}

TEST_CASE("paths are relative to where the calendar sits in a larger document") {
  json c = base();
  c["weekly_hours"]["monday"] = ranges({{"18:00", "09:00"}});
  CHECK(error_path(c, "/calendars/2") == "/calendars/2/weekly_hours/monday/0/to");
  c = base();
  c["time_zone"] = "Nowhere/City";
  CHECK(error_path(c, "/calendars/0") == "/calendars/0/time_zone");
}

TEST_CASE("JSON text that does not parse is an Error") {
  CHECK_THROWS_AS(BusinessCalendar::from_json_text("{\"time_zone\": "), Error);
  CHECK_THROWS_AS(BusinessCalendar::from_json_text("[]"), Error);
}

TEST_CASE("a calendar holds at most 100000 special dates") {
  json c = base();
  c["holidays"] = json::array();
  auto day = std::chrono::sys_days{std::chrono::year{1900} / 1 / 1};
  for (int i = 0; i < 273; ++i, day += std::chrono::days{367})
    c["holidays"].push_back(
        {{"from", format_date(Date{day})}, {"to", format_date(Date{day + std::chrono::days{366}})}});
  CHECK(error_path(c) == "/holidays/272");
  c["holidays"].erase(272);
  CHECK(error_path(c) == "(accepted)");
}
