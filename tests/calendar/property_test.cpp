// Randomized agreement with the naive minute-stepping oracle, and the algebra of add and
// between, on fixed-seed inputs: one TEST_CASE per calendar so CTest runs them in parallel.
#include <catch2/catch.hpp>

#include <chrono>
#include <random>
#include <set>
#include <sstream>
#include <vector>

#include "calendar_fixtures.hpp"
#include "naive_calendar.hpp"

using namespace ticketcore;
using namespace ticketcore::testing;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

constexpr int cases_per_calendar = 100000;

std::string clock_text(int half_hours) {
  const int h = half_hours / 2;
  return std::string{char('0' + h / 10), char('0' + h % 10), ':', half_hours % 2 ? '3' : '0', '0'};
}

// 1 to 3 ranges on a half-hour grid, some touching midnight.
json random_ranges(std::mt19937_64& rng) {
  const int count = 1 + static_cast<int>(rng() % 3);
  std::set<int> points;
  while (static_cast<int>(points.size()) < 2 * count) points.insert(static_cast<int>(rng() % 49));
  json out = json::array();
  for (auto it = points.begin(); it != points.end(); std::advance(it, 2))
    out.push_back({{"from", clock_text(*it)}, {"to", clock_text(*std::next(it))}});
  return out;
}

// Concatenates values as text.
template <class... T>
std::string cat(const T&... values) {
  std::ostringstream out;
  (out << ... << values);
  return out.str();
}

std::string date_text(std::chrono::sys_days d) { return format_date(Date{d}); }

// A random calendar: weekly hours, holidays (some on Fridays, some ranges, some partial)
// and extra working Sundays, in the given zone.
json random_calendar(std::uint64_t seed, const char* zone) {
  std::mt19937_64 rng(seed);
  static const char* keys[7] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  json week = json::object();
  for (int w = 0; w < 7; ++w)
    if (w == 0 || rng() % 4 != 0) week[keys[w]] = random_ranges(rng);
  const auto jan1 = std::chrono::sys_days{std::chrono::year{2026} / 1 / 1};  // a Thursday
  std::set<std::chrono::sys_days> used;
  json holidays = json::array(), extra = json::array();
  auto day_in_2026 = [&](int weekday_from_thursday) {
    return jan1 + std::chrono::days{7 * static_cast<int>(rng() % 52) + weekday_from_thursday};
  };
  for (int i = 0; i < 12; ++i) {
    const auto d = i < 4 ? day_in_2026(1) : jan1 + std::chrono::days{rng() % 365};  // 4 Fridays
    if (!used.insert(d).second) continue;
    json h = {{"date", date_text(d)}};
    if (i % 5 == 3) h["hours"] = random_ranges(rng);
    if (i % 5 == 4) h["closed"] = random_ranges(rng);
    holidays.push_back(h);
  }
  for (int i = 0; i < 2; ++i) {
    const auto from = jan1 + std::chrono::days{rng() % 350};
    const auto to = from + std::chrono::days{1 + rng() % 8};
    bool free = true;
    for (auto d = from; d <= to; d += std::chrono::days{1}) free = free && !used.contains(d);
    if (!free) continue;
    for (auto d = from; d <= to; d += std::chrono::days{1}) used.insert(d);
    holidays.push_back({{"from", date_text(from)}, {"to", date_text(to)}, {"name", "break"}});
  }
  for (int i = 0; i < 4; ++i) {
    const auto d = day_in_2026(3);  // Sundays
    if (!used.insert(d).second) continue;
    json e = {{"date", date_text(d)}, {"weekday", "Sunday"}};
    if (i % 2) e["hours"] = random_ranges(rng);
    extra.push_back(e);
  }
  return {{"id", "random-" + std::to_string(seed)},
          {"time_zone", zone},
          {"weekly_hours", week},
          {"holidays", holidays},
          {"extra_working_days", extra}};
}

// Compares the calendar with the oracle on random instants and durations spread over 2026.
void check_against_oracle(const json& config, std::uint64_t seed) {
  const BusinessCalendar calendar = calendar_from_json(config);
  const NaiveCalendar naive(config);
  const auto window_from = date::sys_days{date::year{2025} / 12 / 1};
  const auto window_to = date::sys_days{date::year{2027} / 6 / 1};
  const NaiveTimeline oracle(naive, window_from, window_to);
  const auto year_from = at("2026-01-01T00:00:00Z");
  const std::int64_t year_seconds = 365 * 86400;
  // Long durations reach about six weeks of this calendar's open time.
  const std::int64_t six_weeks = oracle.between(at("2026-03-02T00:00:00Z"), at("2026-04-13T00:00:00Z"));
  std::mt19937_64 rng(seed);
  auto uniform = [&](std::int64_t n) { return n <= 0 ? 0 : static_cast<std::int64_t>(rng() % n); };

  std::int64_t mismatches = 0;
  std::string first;
  // The message is built only for the first mismatch: formatting instants is slow.
  auto expect = [&](bool ok, const auto& describe) {
    if (!ok && mismatches++ == 0) first = describe();
  };
  auto text = [](Instant t) { return format_instant(t); };

  for (int i = 0; i < cases_per_calendar; ++i) {
    Instant t = year_from + Seconds{uniform(year_seconds)};
    switch (i % 6) {
      case 1: t = std::chrono::floor<std::chrono::minutes>(t); break;
      case 2: t = oracle.next_open(t); break;  // exactly at an opening
      case 3: {                                // exactly at a closing
        t = oracle.next_close(oracle.next_open(t), std::chrono::days{14});
        break;
      }
      default: break;
    }
    std::int64_t d = 0;
    switch (uniform(10)) {
      case 0: d = 0; break;
      case 1:
      case 2:
      case 3:
      case 4: d = 1 + uniform(8 * 3600); break;
      case 5:
      case 6: d = 60 * (1 + uniform(3 * 24 * 60)); break;
      case 7:
      case 8: d = 1 + uniform(45 * 3600); break;
      default: d = 1 + uniform(six_weeks); break;
    }
    const Instant due = calendar.add(t, Seconds{d});
    expect(calendar.is_open(t) == oracle.is_open(t), [&] { return cat("is_open(", text(t), ")"); });
    expect(due == oracle.add(t, d), [&] {
      return cat("add(", text(t), ", ", d, ") = ", text(due), ", oracle ", text(oracle.add(t, d)));
    });
    expect(calendar.next_open(t) == oracle.next_open(t), [&] { return cat("next_open(", text(t), ")"); });
    expect(calendar.business_seconds_between(t, due) == Seconds{d},
           [&] { return cat("between(", text(t), ", add(", d, "))"); });
    const std::int64_t part = uniform(d + 1);
    expect(calendar.add(calendar.add(t, Seconds{part}), Seconds{d - part}) == due,
           [&] { return cat("add(add(", text(t), ", ", part, "), ", d - part, ")"); });
    const Instant other = t + Seconds{uniform(40 * 86400) - 20 * 86400};
    expect(calendar.business_seconds_between(t, other) == Seconds{oracle.between(t, other)},
           [&] { return cat("between(", text(t), ", ", text(other), ")"); });
    if (i % 10 == 0) {
      const int n = static_cast<int>(uniform(21)) - 10;
      expect(calendar.add_working_days(t, n) == oracle.add_working_days(t, n), [&] {
        return cat("add_working_days(", text(t), ", ", n, ") = ", text(calendar.add_working_days(t, n)),
                   ", oracle ", text(oracle.add_working_days(t, n)));
      });
    }
    if (i % 2000 == 0) {  // the timeline answers as the minute-stepping calendar does
      const std::int64_t short_d = uniform(30 * 3600);
      expect(naive.add(t, short_d) == oracle.add(t, short_d),
             [&] { return cat("naive add(", text(t), ", ", short_d, ")"); });
      expect(naive.between(t, other) == oracle.between(t, other),
             [&] { return cat("naive between(", text(t), ")"); });
    }
  }
  // add_working_days from every 5 minutes of the two days around each offset change of 2026,
  // where a local time may be skipped or repeated on the start's day or the target's.
  std::vector<date::sys_seconds> changes;
  for (auto info = naive.zone()->get_info(year_from); info.end < at("2027-01-01T00:00:00Z");
       info = naive.zone()->get_info(info.end))
    changes.push_back(info.end);
  for (const auto change : changes)
    for (auto t = change - 26h; t < change + 26h; t += 5min)
      for (const int n : {-2, -1, 0, 1, 2, 5}) {
        const Instant got = calendar.add_working_days(t, n);
        expect(got == oracle.add_working_days(t, n), [&] {
          return cat("add_working_days(", text(t), ", ", n, ") = ", text(got), ", oracle ",
                     text(oracle.add_working_days(t, n)));
        });
      }
  INFO(config.dump());
  INFO("first mismatch: " << first);
  CHECK(mismatches == 0);
}

}  // namespace

TEST_CASE("oracle: standard Shanghai calendar with China's 2026 holidays") {
  check_against_oracle(cn_standard_json(), 1);
}

TEST_CASE("oracle: New York with a lunch break, Friday holidays and worked DST Sundays") {
  json c = {
      {"id", "ny-lunch"},
      {"time_zone", "America/New_York"},
      {"weekly_hours", week_of({"monday", "tuesday", "wednesday", "thursday", "friday"},
                               ranges({{"09:00", "12:00"}, {"13:00", "18:00"}}))},
      {"holidays", json::array({{{"date", "2026-07-03"}},
                                {{"from", "2026-11-26"}, {"to", "2026-11-27"}},
                                {{"date", "2026-12-24"}, {"hours", ranges({{"09:00", "13:00"}})}},
                                {{"date", "2026-12-25"}},
                                {{"date", "2026-04-10"}, {"closed", ranges({{"11:00", "15:00"}})}}})},
      {"extra_working_days", json::array({{{"date", "2026-03-08"}, {"hours", ranges({{"00:00", "24:00"}})}},
                                          {{"date", "2026-11-01"}, {"hours", ranges({{"00:30", "03:00"}})}},
                                          {{"date", "2026-06-14"}}})}};
  check_against_oracle(c, 2);
}

TEST_CASE("oracle: Berlin with night ranges across the DST changes") {
  json c = {
      {"id", "berlin-nights"},
      {"time_zone", "Europe/Berlin"},
      {"weekly_hours", week_of({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday"},
                               ranges({{"00:00", "03:30"}, {"08:00", "12:00"}, {"22:00", "24:00"}}))},
      {"holidays", json::array({{{"date", "2026-04-03"}},
                                {{"from", "2026-12-24"}, {"to", "2026-12-26"}},
                                {{"date", "2026-10-30"}, {"closed", ranges({{"10:00", "11:00"}})}}})},
      {"extra_working_days", json::array({{{"date", "2026-03-29"}, {"hours", ranges({{"01:00", "04:00"}})}},
                                          {{"date", "2026-10-25"}, {"hours", ranges({{"01:30", "03:30"}})}},
                                          {{"date", "2026-05-03"}}})}};
  c["weekly_hours"]["sunday"] = ranges({{"02:00", "03:00"}});
  check_against_oracle(c, 3);
}

TEST_CASE("oracle: 24x7 in New York") {
  json c = {
      {"time_zone", "America/New_York"},
      {"weekly_hours", week_of({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"},
                               ranges({{"00:00", "24:00"}}))},
      {"holidays", json::array({{{"date", "2026-12-25"}}})}};
  check_against_oracle(c, 4);
}

TEST_CASE("oracle: random calendar in Australia/Sydney") {
  check_against_oracle(random_calendar(11, "Australia/Sydney"), 5);
}

TEST_CASE("oracle: random calendar in America/St_Johns") {
  check_against_oracle(random_calendar(12, "America/St_Johns"), 6);
}

TEST_CASE("oracle: random calendar in Asia/Kolkata") {
  check_against_oracle(random_calendar(13, "Asia/Kolkata"), 7);
}

TEST_CASE("oracle: random calendar in Europe/Berlin") {
  check_against_oracle(random_calendar(14, "Europe/Berlin"), 8);
}
