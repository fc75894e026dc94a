// The semantics of docs/sla.md "Business calendars", one rule at a time, and the
// scenarios of DOMAIN.md on the standard Shanghai calendar.
#include <catch2/catch.hpp>

#include <chrono>

#include "calendar_fixtures.hpp"
#include "ticketcore/error.hpp"

using namespace ticketcore;
using namespace ticketcore::testing;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

const std::initializer_list<const char*> weekdays = {"monday", "tuesday", "wednesday", "thursday", "friday"};
const std::initializer_list<const char*> all_days = {"monday", "tuesday",  "wednesday", "thursday",
                                                     "friday", "saturday", "sunday"};

BusinessCalendar calendar(const char* zone, const json& week, json extra = json::object()) {
  json c = {{"time_zone", zone}, {"weekly_hours", week}};
  c.update(extra);
  return calendar_from_json(c);
}

}  // namespace

TEST_CASE("scenario: P2 created 17:00 Friday 2026-03-06 in Shanghai, 2 business hours") {
  const auto cal = cn_standard();
  CHECK(cal.add(at("2026-03-06T17:00:00+08:00"), 2h) == at("2026-03-09T10:00:00+08:00"));
  CHECK(cal.business_seconds_between(at("2026-03-06T17:00:00+08:00"), at("2026-03-09T10:00:00+08:00")) == 2h);
}

TEST_CASE("scenario: resolve within 3 working days across National Day lands on the make-up Saturday") {
  const auto cal = cn_standard();
  CHECK(cal.add_working_days(at("2026-09-30T10:00:00+08:00"), 3) == at("2026-10-10T10:00:00+08:00"));
  CHECK(cal.add_working_days(at("2026-09-30T10:00:00+08:00"), 1) == at("2026-10-08T10:00:00+08:00"));
  CHECK(cal.add_working_days(at("2026-09-30T10:00:00+08:00"), 0) == at("2026-09-30T10:00:00+08:00"));
  CHECK(cal.add_working_days(at("2026-10-10T10:00:00+08:00"), -3) == at("2026-09-30T10:00:00+08:00"));
  // 27 business hours, the same span counted in hours.
  CHECK(cal.add(at("2026-09-30T10:00:00+08:00"), 27h) == at("2026-10-10T10:00:00+08:00"));
}

TEST_CASE("add_working_days starts from the next opening and lands inside hours") {
  const auto cal = cn_standard();
  // After hours on Friday: counts from Monday 09:00.
  CHECK(cal.add_working_days(at("2026-03-06T20:00:00+08:00"), 1) == at("2026-03-10T09:00:00+08:00"));
  // Before hours: from 09:00 that day.
  CHECK(cal.add_working_days(at("2026-03-06T07:00:00+08:00"), 1) == at("2026-03-09T09:00:00+08:00"));
  // On a holiday: from the first opening after it.
  CHECK(cal.add_working_days(at("2026-10-03T12:00:00+08:00"), 2) == at("2026-10-10T09:00:00+08:00"));
  // A lunch break moves the result to the afternoon opening.
  const auto lunch =
      calendar("Asia/Shanghai", week_of(weekdays, ranges({{"09:00", "12:00"}, {"13:00", "18:00"}})));
  CHECK(lunch.add_working_days(at("2026-03-06T17:00:00+08:00"), 1) == at("2026-03-09T17:00:00+08:00"));
  CHECK(lunch.add_working_days(at("2026-03-06T12:30:00+08:00"), 1) == at("2026-03-09T13:00:00+08:00"));
  // On a Sunday: from Monday 09:00 (biz would say Monday 12:00, see docs/sla.md).
  CHECK(cal.add_working_days(at("2026-03-08T12:00:00+08:00"), 1) == at("2026-03-10T09:00:00+08:00"));
}

TEST_CASE("a start outside hours counts from the next opening") {
  const auto cal = cn_standard();
  CHECK(cal.add(at("2026-03-09T07:00:00+08:00"), 1h) == at("2026-03-09T10:00:00+08:00"));
  CHECK(cal.add(at("2026-03-09T20:00:00+08:00"), 1h) == at("2026-03-10T10:00:00+08:00"));
  CHECK(cal.add(at("2026-03-07T12:00:00+08:00"), 30min) == at("2026-03-09T09:30:00+08:00"));
}

TEST_CASE("a duration ending exactly at closing is due at closing") {
  const auto cal = cn_standard();
  CHECK(cal.add(at("2026-03-06T10:00:00+08:00"), 8h) == at("2026-03-06T18:00:00+08:00"));
  CHECK(cal.add(at("2026-03-06T10:00:00+08:00"), 8h + 1s) == at("2026-03-09T09:00:01+08:00"));
  CHECK(cal.add(at("2026-03-06T07:00:00+08:00"), 9h) == at("2026-03-06T18:00:00+08:00"));
  // Before a holiday week: due at the last closing, not at the next opening a week later.
  CHECK(cal.add(at("2026-09-30T10:00:00+08:00"), 8h) == at("2026-09-30T18:00:00+08:00"));
}

TEST_CASE("a zero duration is due at the start itself, open or not") {
  const auto cal = cn_standard();
  for (const char* t : {"2026-03-06T10:00:00+08:00", "2026-03-06T18:00:00+08:00", "2026-03-07T12:00:00+08:00",
                        "2026-10-01T10:00:00+08:00"}) {
    INFO(t);
    CHECK(cal.add(at(t), 0s) == at(t));
    CHECK(cal.business_seconds_between(at(t), at(t)) == 0s);
  }
}

TEST_CASE("a start on a holiday counts from the first opening after it") {
  const auto cal = cn_standard();
  CHECK(cal.add(at("2026-10-01T10:00:00+08:00"), 1h) == at("2026-10-08T10:00:00+08:00"));
  CHECK(cal.add(at("2026-02-15T10:00:00+08:00"), 9h) == at("2026-02-24T18:00:00+08:00"));
  CHECK(cal.next_open(at("2026-10-01T10:00:00+08:00")) == at("2026-10-08T09:00:00+08:00"));
}

TEST_CASE("is_open includes a range's start, not its end") {
  const auto cal = cn_standard();
  CHECK(cal.is_open(at("2026-03-06T09:00:00+08:00")));
  CHECK(cal.is_open(at("2026-03-06T17:59:59+08:00")));
  CHECK_FALSE(cal.is_open(at("2026-03-06T08:59:59+08:00")));
  CHECK_FALSE(cal.is_open(at("2026-03-06T18:00:00+08:00")));
  CHECK_FALSE(cal.is_open(at("2026-03-07T10:00:00+08:00")));  // Saturday
  CHECK(cal.is_open(at("2026-10-10T10:00:00+08:00")));        // the make-up Saturday
  CHECK_FALSE(cal.is_open(at("2026-10-05T10:00:00+08:00")));  // National Day, a Monday
}

TEST_CASE("next_open") {
  const auto cal = cn_standard();
  CHECK(cal.next_open(at("2026-03-06T10:00:00+08:00")) == at("2026-03-06T10:00:00+08:00"));
  CHECK(cal.next_open(at("2026-03-06T18:00:00+08:00")) == at("2026-03-09T09:00:00+08:00"));
  CHECK(cal.next_open(at("2026-10-09T18:00:00+08:00")) == at("2026-10-10T09:00:00+08:00"));
  CHECK(cal.next_open(at("2026-12-31T18:00:00+08:00")) == at("2027-01-01T09:00:00+08:00"));
}

TEST_CASE("between counts from a up to b, negative backwards, with no 30-day limit") {
  const auto cal = cn_standard();
  const auto a = at("2026-03-06T17:00:00+08:00"), b = at("2026-03-09T10:00:00+08:00");
  CHECK(cal.business_seconds_between(a, b) == 2h);
  CHECK(cal.business_seconds_between(b, a) == -2h);
  CHECK(cal.business_seconds_between(at("2026-03-07T00:00:00+08:00"), at("2026-03-08T23:00:00+08:00")) == 0s);
  // 261 weekdays in 2026, 19 of them holidays, 6 make-up days: 248 working days of 9 hours.
  CHECK(cal.business_seconds_between(at("2026-01-01T00:00:00+08:00"), at("2027-01-01T00:00:00+08:00")) ==
        248 * 9h);
  const auto year_later = cal.add(at("2026-01-01T00:00:00+08:00"), 248 * 9h);
  CHECK(year_later == at("2026-12-31T18:00:00+08:00"));
}

TEST_CASE("China 2026: every listed holiday is closed and every make-up day worked") {
  const auto cal = cn_standard();
  const auto cn = cn_holidays_2026();
  int working = 0;
  for (auto d = std::chrono::sys_days{std::chrono::year{2026} / 1 / 1};
       d < std::chrono::sys_days{std::chrono::year{2027} / 1 / 1}; d += std::chrono::days{1})
    working += cal.is_working_day(Date{d});
  CHECK(working == 248);
  for (const auto& h : cn["holidays"]) {
    for (auto d = std::chrono::sys_days{*parse_date(h["from"].get<std::string>())};
         d <= std::chrono::sys_days{*parse_date(h["to"].get<std::string>())}; d += std::chrono::days{1}) {
      INFO(format_date(Date{d}));
      CHECK_FALSE(cal.is_working_day(Date{d}));
    }
  }
  for (const auto& e : cn["extra_working_days"]) {
    const Date d = *parse_date(e["date"].get<std::string>());
    INFO(format_date(d));
    CHECK(cal.is_working_day(d));
    CHECK(cal.is_open(at(format_date(d) + "T09:00:00+08:00")));
  }
}

TEST_CASE("lunch breaks, partial holidays and extra days with their own hours") {
  json extra = {
      {"holidays",
       json::array(
           {{{"date", "2026-12-24"}, {"name", "Christmas Eve"}, {"hours", ranges({{"09:00", "12:00"}})}},
            {{"date", "2026-12-31"}, {"closed", ranges({{"15:00", "18:00"}})}},
            {{"date", "2026-12-25"}}})},
      {"extra_working_days",
       json::array(
           {{{"date", "2026-12-27"}}, {{"date", "2026-12-20"}, {"hours", ranges({{"10:00", "11:00"}})}}})}};
  const auto cal =
      calendar("Europe/Berlin", week_of(weekdays, ranges({{"09:00", "12:00"}, {"13:00", "18:00"}})), extra);
  CHECK(cal.add(at("2026-12-21T11:00:00+01:00"), 2h) == at("2026-12-21T14:00:00+01:00"));
  CHECK(cal.add(at("2026-12-21T11:00:00+01:00"), 1h) == at("2026-12-21T12:00:00+01:00"));
  CHECK_FALSE(cal.is_open(at("2026-12-21T12:30:00+01:00")));
  // Christmas Eve only until noon, Christmas closed, the extra Sunday worked with Monday's hours.
  CHECK(cal.add(at("2026-12-24T11:00:00+01:00"), 2h) == at("2026-12-27T10:00:00+01:00"));
  CHECK(cal.business_seconds_between(at("2026-12-27T00:00:00+01:00"), at("2026-12-28T00:00:00+01:00")) == 8h);
  CHECK(cal.business_seconds_between(at("2026-12-20T00:00:00+01:00"), at("2026-12-21T00:00:00+01:00")) == 1h);
  // New Year's Eve closes at 15:00.
  CHECK(cal.business_seconds_between(at("2026-12-31T00:00:00+01:00"), at("2027-01-01T00:00:00+01:00")) == 5h);
  CHECK(cal.add(at("2026-12-31T14:00:00+01:00"), 2h) == at("2027-01-01T10:00:00+01:00"));
}

TEST_CASE("DST in New York: a 09:00-18:00 day holding the change is still 9 hours") {
  const auto cal = calendar("America/New_York", week_of(all_days, ranges({{"09:00", "18:00"}})));
  // 2026-03-08 springs forward at 02:00, 2026-11-01 falls back at 02:00.
  CHECK(cal.business_seconds_between(at("2026-03-08T00:00:00-05:00"), at("2026-03-09T00:00:00-04:00")) == 9h);
  CHECK(cal.business_seconds_between(at("2026-11-01T00:00:00-04:00"), at("2026-11-02T00:00:00-05:00")) == 9h);
  CHECK(cal.add(at("2026-03-07T17:00:00-05:00"), 2h) == at("2026-03-08T10:00:00-04:00"));
  CHECK(cal.add(at("2026-10-31T17:00:00-04:00"), 2h) == at("2026-11-01T10:00:00-05:00"));
  const auto weekdays_only = calendar("America/New_York", week_of(weekdays, ranges({{"09:00", "18:00"}})));
  CHECK(weekdays_only.add(at("2026-03-06T17:00:00-05:00"), 2h) == at("2026-03-09T10:00:00-04:00"));
  CHECK(weekdays_only.add_working_days(at("2026-03-06T10:00:00-05:00"), 1) ==
        at("2026-03-09T10:00:00-04:00"));
}

TEST_CASE("DST in Berlin: 24x7 days of 23 and 25 hours, 09:00-18:00 still 9") {
  const auto around = calendar("Europe/Berlin", week_of(all_days, ranges({{"00:00", "24:00"}})));
  CHECK(around.business_seconds_between(at("2026-03-29T00:00:00+01:00"), at("2026-03-30T00:00:00+02:00")) ==
        23h);
  CHECK(around.business_seconds_between(at("2026-10-25T00:00:00+02:00"), at("2026-10-26T00:00:00+01:00")) ==
        25h);
  CHECK(around.add(at("2026-03-29T01:00:00+01:00"), 2h) == at("2026-03-29T04:00:00+02:00"));
  const auto office = calendar("Europe/Berlin", week_of(all_days, ranges({{"09:00", "18:00"}})));
  CHECK(office.business_seconds_between(at("2026-03-29T00:00:00+01:00"), at("2026-03-30T00:00:00+02:00")) ==
        9h);
  CHECK(office.business_seconds_between(at("2026-10-25T00:00:00+02:00"), at("2026-10-26T00:00:00+01:00")) ==
        9h);
}

TEST_CASE("hours in a DST gap or a repeated hour follow the wall clock") {
  // New York, Sunday 2026-03-08: the wall clock jumps from 02:00 to 03:00.
  const auto gap =
      calendar("America/New_York", week_of({"sunday"}, ranges({{"01:00", "02:30"}, {"02:45", "05:00"}})));
  CHECK(gap.business_seconds_between(at("2026-03-08T00:00:00-05:00"), at("2026-03-09T00:00:00-04:00")) == 3h);
  CHECK(gap.is_open(at("2026-03-08T01:59:59-05:00")));
  CHECK(gap.is_open(at("2026-03-08T03:00:00-04:00")));
  CHECK(gap.add(at("2026-03-08T01:30:00-05:00"), 1h) == at("2026-03-08T03:30:00-04:00"));
  const auto late = calendar("America/New_York", week_of({"sunday"}, ranges({{"02:30", "05:00"}})));
  CHECK(late.next_open(at("2026-03-08T00:00:00-05:00")) == at("2026-03-08T03:00:00-04:00"));
  // Sunday 2026-11-01: the wall clock shows 01:00-02:00 twice; both are open.
  const auto twice = calendar("America/New_York", week_of({"sunday"}, ranges({{"01:00", "02:00"}})));
  CHECK(twice.business_seconds_between(at("2026-11-01T00:00:00-04:00"), at("2026-11-02T00:00:00-05:00")) ==
        2h);
  CHECK(twice.is_open(at("2026-11-01T01:30:00-05:00")));
  // An opening inside the repeated hour opens at its first occurrence; the wall clock
  // showing the time before it again closes the desk until it shows the opening again.
  const auto mid = calendar("America/New_York", week_of({"sunday"}, ranges({{"01:30", "04:00"}})));
  CHECK(mid.next_open(at("2026-11-01T00:00:00-04:00")) == at("2026-11-01T01:30:00-04:00"));
  CHECK_FALSE(mid.is_open(at("2026-11-01T01:10:00-05:00")));
  CHECK(mid.business_seconds_between(at("2026-11-01T00:00:00-04:00"), at("2026-11-02T00:00:00-05:00")) == 3h);
  // A local time skipped by the gap is moved to the gap's end by add_working_days.
  const auto around = calendar("America/New_York", week_of(all_days, ranges({{"00:00", "24:00"}})));
  CHECK(around.add_working_days(at("2026-03-07T02:30:00-05:00"), 1) == at("2026-03-08T03:00:00-04:00"));
  CHECK(around.add_working_days(at("2026-10-31T01:30:00-04:00"), 1) == at("2026-11-01T01:30:00-04:00"));
}

TEST_CASE("24x7 is just a calendar") {
  const auto cal = BusinessCalendar::always_open();
  CHECK(cal.time_zone() == "UTC");
  const auto t = at("2026-03-07T03:04:05Z");
  CHECK(cal.is_open(t));
  CHECK(cal.add(t, 100h + 7s) == t + 100h + 7s);
  CHECK(cal.business_seconds_between(t, t + 1000h) == 1000h);
  CHECK(cal.add_working_days(t, 2) == t + 48h);
  CHECK(cal.next_open(t) == t);
}

TEST_CASE("a negative or absurdly long duration is refused") {
  CHECK_THROWS_AS(cn_standard().add(at("2026-03-06T10:00:00+08:00"), -1s), Error);
  CHECK_THROWS_AS(cn_standard().add(at("2026-03-06T10:00:00+08:00"), Seconds{1'000'000'000'001}), Error);
  // Ten years of business hours still work: 2,480 working days of 9 hours, holidays as in 2026 only.
  const auto t = at("2026-03-06T10:00:00+08:00");
  const auto due = cn_standard().add(t, 2480 * 9h);
  CHECK(cn_standard().business_seconds_between(t, due) == 2480 * 9h);
}

TEST_CASE("instants and counts beyond the supported range are refused") {
  const auto cal = cn_standard();
  CHECK_THROWS_AS(cal.add_working_days(at("2026-03-06T10:00:00+08:00"), 100001), Error);
  CHECK_THROWS_AS(cal.add_working_days(at("2026-03-06T10:00:00+08:00"), -100001), Error);
  CHECK(cal.add_working_days(at("2026-03-06T10:00:00+08:00"), 100000) > at("2300-01-01T00:00:00Z"));
  CHECK_THROWS_AS(cal.is_open(from_unix(253402300800)), Error);  // year 10000
  CHECK_FALSE(cal.is_open(at("9999-12-31T23:59:59Z")));
}

// The operation throws ticketcore::Error{invalid_input} naming the supported range.
template <class F>
void require_out_of_range(F&& operation) {
  try {
    (void)operation();
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::invalid_input);
    CHECK_THAT(e.message(), Catch::Contains("0001") && Catch::Contains("9999"));
  }
}

TEST_CASE("add refuses a result after 9999-12-31T23:59:59Z") {
  const auto berlin = calendar("Europe/Berlin", week_of(weekdays, ranges({{"09:00", "18:00"}})));
  const auto t = at("9999-06-01T10:00:00Z");
  require_out_of_range([&] { return berlin.add(t, 3 * 365 * 24h); });
  require_out_of_range([&] { return berlin.add(t, Seconds{1'000'000'000'000}); });
  CHECK(berlin.business_seconds_between(t, berlin.add(t, 1000h)) == 1000h);
  // The last business second of 9999 (Friday 9999-12-31, 18:00 CET) is the last reachable.
  const auto last_day = at("9999-12-31T09:00:00+01:00");
  CHECK(berlin.add(last_day, 9h) == at("9999-12-31T18:00:00+01:00"));
  require_out_of_range([&] { return berlin.add(last_day, 9h + 1s); });
  const auto utc = BusinessCalendar::always_open();
  CHECK(utc.add(at("9999-12-31T23:59:58Z"), 1s) == at("9999-12-31T23:59:59Z"));
  require_out_of_range([&] { return utc.add(at("9999-12-31T23:59:58Z"), 2s); });  // 10000-01-01T00:00:00Z
  require_out_of_range([&] { return utc.add(at("2026-03-06T10:00:00Z"), Seconds{1'000'000'000'000}); });
}

TEST_CASE("next_open refuses an opening after 9999-12-31T23:59:59Z") {
  const auto berlin = calendar("Europe/Berlin", week_of(weekdays, ranges({{"09:00", "18:00"}})));
  require_out_of_range([&] { return berlin.next_open(at("9999-12-31T18:30:00+01:00")); });
  CHECK(berlin.next_open(at("9999-12-31T08:00:00+01:00")) == at("9999-12-31T09:00:00+01:00"));
  // An opening in the last minute of 9999 is still reachable.
  const auto late = calendar("UTC", week_of({"friday"}, ranges({{"23:59", "24:00"}})));
  CHECK(late.next_open(at("9999-12-31T12:00:00Z")) == at("9999-12-31T23:59:00Z"));
  CHECK(late.add(at("9999-12-31T12:00:00Z"), 59s) == at("9999-12-31T23:59:59Z"));
  require_out_of_range([&] { return late.add(at("9999-12-31T12:00:00Z"), 60s); });
  CHECK(late.next_open(at("9999-12-31T23:59:59Z")) == at("9999-12-31T23:59:59Z"));
}

TEST_CASE("add_working_days refuses a result outside the years 0001 to 9999") {
  const auto berlin = calendar("Europe/Berlin", week_of(weekdays, ranges({{"09:00", "18:00"}})));
  CHECK(berlin.add_working_days(at("9999-12-30T10:00:00+01:00"), 1) == at("9999-12-31T10:00:00+01:00"));
  require_out_of_range([&] { return berlin.add_working_days(at("9999-12-30T10:00:00+01:00"), 2); });
  require_out_of_range([&] { return berlin.add_working_days(at("9999-12-31T18:30:00+01:00"), 0); });
  require_out_of_range([&] { return berlin.add_working_days(at("9700-01-04T10:00:00+01:00"), 100000); });
  const auto utc =
      calendar("UTC", week_of(weekdays, ranges({{"09:00", "18:00"}})));  // 0001-01-01 is a Monday
  CHECK(utc.add_working_days(at("0001-01-02T10:00:00Z"), -1) == at("0001-01-01T10:00:00Z"));
  require_out_of_range([&] { return utc.add_working_days(at("0001-01-02T10:00:00Z"), -2); });
  require_out_of_range([&] { return utc.add_working_days(at("0300-01-03T10:00:00Z"), -100000); });
}

TEST_CASE("add_working_days with n = 0 is next_open even in the second pass of a repeated hour") {
  const auto around = calendar("Europe/Berlin", week_of(all_days, ranges({{"00:00", "24:00"}})));
  const auto second = at("2026-10-25T01:30:00Z");  // 02:30 CET, the wall clock's second 02:30
  const auto first = at("2026-10-25T00:30:00Z");   // 02:30 CEST, its first
  REQUIRE(around.next_open(second) == second);
  CHECK(around.add_working_days(second, 0) == second);
  CHECK(around.add_working_days(first, 0) == first);
  const auto night = calendar("Europe/Berlin", week_of({"sunday"}, ranges({{"02:00", "03:00"}})));
  CHECK(night.add_working_days(second, 0) == second);
  CHECK(night.add_working_days(at("2026-10-25T01:00:00Z"), 0) == at("2026-10-25T01:00:00Z"));
}

TEST_CASE("add_working_days keeps the pass of a repeated hour and never goes back past its start") {
  const auto around = calendar("Europe/Berlin", week_of(all_days, ranges({{"00:00", "24:00"}})));
  const auto second = at("2026-10-25T01:30:00Z");  // 02:30 CET, the second pass
  const auto first = at("2026-10-25T00:30:00Z");   // 02:30 CEST, the first pass
  // A later day has one 02:30.
  CHECK(around.add_working_days(second, 1) == at("2026-10-26T02:30:00+01:00"));
  CHECK(around.add_working_days(first, 1) == at("2026-10-26T02:30:00+01:00"));
  // Into the repeated hour from a day without one: its first pass (before the start's day ends).
  CHECK(around.add_working_days(at("2026-10-24T02:30:00+02:00"), 1) == first);
  CHECK(around.add_working_days(at("2026-10-26T02:30:00+01:00"), -1) == first);
  // From one repeated hour to another (2025-10-26, 364 days earlier): the same pass.
  CHECK(around.add_working_days(at("2025-10-26T01:30:00Z"), 364) == second);
  CHECK(around.add_working_days(at("2025-10-26T00:30:00Z"), 364) == first);
  CHECK(around.add_working_days(second, -364) == at("2025-10-26T01:30:00Z"));
  CHECK(around.add_working_days(first, -364) == at("2025-10-26T00:30:00Z"));
  // Open only in that hour on Sundays: 52 working days apart.
  const auto night = calendar("Europe/Berlin", week_of({"sunday"}, ranges({{"02:00", "03:00"}})));
  CHECK(night.add_working_days(at("2025-10-26T01:30:00Z"), 52) == second);
  CHECK(night.add_working_days(at("2025-10-26T00:30:00Z"), 52) == first);
  // Whatever the zone does, n > 0 never lands before the start, n < 0 never after it.
  for (auto t = at("2026-10-24T00:00:00Z"); t < at("2026-10-27T00:00:00Z"); t += 10min)
    for (int n : {1, 2, 7}) {
      CHECK(around.add_working_days(t, n) > t);
      CHECK(around.add_working_days(t, -n) < t);
      CHECK(around.add_working_days(t, n) - t >= Seconds{n * 86400 - 3600});
    }
}

TEST_CASE("an extra working day takes the first working weekday's hours when Monday is closed") {
  const auto cal =
      calendar("Europe/Berlin",
               {{"tuesday", ranges({{"08:00", "12:00"}})}, {"saturday", ranges({{"10:00", "20:00"}})}},
               {{"extra_working_days", json::array({{{"date", "2026-03-08"}}})}});
  CHECK(cal.business_seconds_between(at("2026-03-08T00:00:00+01:00"), at("2026-03-09T00:00:00+01:00")) == 4h);
  CHECK(cal.next_open(at("2026-03-07T21:00:00+01:00")) == at("2026-03-08T08:00:00+01:00"));
}

TEST_CASE("instants far from today still compute, through the tz database") {
  const auto cal = calendar("America/New_York", week_of(weekdays, ranges({{"09:00", "18:00"}})));
  const auto early = at("1880-03-05T12:00:00-04:56");  // a Friday, local mean time (-4:56:02) before 1883
  CHECK(cal.business_seconds_between(early, cal.add(early, 100h)) == 100h);
  CHECK(cal.business_seconds_between(early, at("1880-03-06T00:00:00-04:56")) == 6h + 2s);
  const auto shanghai = cn_standard();
  const auto late = at("2250-07-03T17:00:00+08:00");  // a Wednesday
  CHECK(shanghai.add(late, 2h) == at("2250-07-04T10:00:00+08:00"));
  CHECK(shanghai.business_seconds_between(late, shanghai.add(late, 1000h)) == 1000h);
}

TEST_CASE("the JSON round trip keeps the config and the behaviour") {
  const auto cal = cn_standard();
  CHECK(cal.id() == "cn-standard");
  CHECK(cal.time_zone() == "Asia/Shanghai");
  const std::string text = cal.to_json_text();
  const auto again = BusinessCalendar::from_json_text(text);
  CHECK(again.to_json_text() == text);
  const json j = json::parse(text);
  CHECK(j["holidays"][6]["name"] == "National Day");
  CHECK(j["extra_working_days"][5]["weekday"] == "Saturday");
  CHECK(j["weekly_hours"]["monday"][0]["from"] == "09:00");
  for (const char* t :
       {"2026-03-06T17:00:00+08:00", "2026-09-30T10:00:00+08:00", "2026-02-13T12:00:00+08:00"}) {
    CHECK(again.add(at(t), 20h) == cal.add(at(t), 20h));
    CHECK(again.add_working_days(at(t), 5) == cal.add_working_days(at(t), 5));
  }
  json partial = {
      {"time_zone", "Europe/Berlin"},
      {"name", "Berlin office"},
      {"weekly_hours", week_of({"monday"}, ranges({{"09:00", "12:00"}, {"12:00", "24:00"}}))},
      {"holidays", json::array({{{"date", "2026-12-31"}, {"closed", ranges({{"15:00", "18:00"}})}}})},
      {"extra_working_days",
       json::array({{{"date", "2026-12-27"}, {"for", "x"}, {"hours", ranges({{"10:00", "11:00"}})}}})}};
  const auto p = calendar_from_json(partial);
  CHECK(calendar_to_json(p) == partial);
}
