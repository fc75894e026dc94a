// BusinessCalendar: compiling a config into day schedules and ledgers, and the
// operations, each a few binary searches and some arithmetic whatever the span.
#include "ticketcore/calendar/business_calendar.hpp"

#include <date/tz.h>

#include <algorithm>
#include <chrono>

#include "calendar/calendar_impl.hpp"
#include "calendar/calendar_json.hpp"
#include "model/json_read.hpp"
#include "ticketcore/error.hpp"
#include "ticketcore/model/json.hpp"

namespace ticketcore {

namespace {

constexpr std::int64_t day_seconds = 86400;
// Longer than any SLA (about 31,000 years), and far from overflowing the ledgers.
constexpr std::int64_t max_business = 1'000'000'000'000;
constexpr int max_working_days = 100'000;

std::int64_t day_number(Date d) { return std::chrono::sys_days(d).time_since_epoch().count(); }

const date::time_zone* locate(const std::string& name, const std::string& path) {
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    throw_invalid(detail::json_read::child(path, "time_zone"), "unknown time zone \"" + name + "\"");
  }
}

DaySchedule make_schedule(const std::vector<CalendarTimeRange>& ranges) {
  DaySchedule s;
  for (const auto& r : ranges) {
    if (!s.ranges.empty() && s.ranges.back().to == r.from)
      s.ranges.back().to = r.to;  // touching ranges are one stretch of open time
    else
      s.ranges.push_back({r.from, r.to});
    s.total += r.to - r.from;
  }
  return s;
}

// The normal hours minus the closed ranges (both sorted, non-overlapping).
std::vector<CalendarTimeRange> subtract(const std::vector<CalendarTimeRange>& hours,
                                        const std::vector<CalendarTimeRange>& closed) {
  std::vector<CalendarTimeRange> out;
  for (auto r : hours) {
    for (const auto& c : closed) {
      if (c.to <= r.from || c.from >= r.to) continue;
      if (c.from > r.from) out.push_back({r.from, c.from});
      r.from = c.to;
      if (r.from >= r.to) break;
    }
    if (r.from < r.to) out.push_back(r);
  }
  return out;
}

std::int64_t seconds_of(Instant t) { return t.time_since_epoch().count(); }

// The first second past the supported range (10000-01-01T00:00:00Z).
constexpr std::int64_t beyond_latest = latest_instant + 1;

[[noreturn]] void refuse_after() {
  throw_invalid(
      "", "the result would fall after 9999-12-31T23:59:59Z: instants are limited to the years 0001 to 9999");
}

// Every instant an operation computes comes out through here: one outside the years 0001 to
// 9999 (which RFC 3339 cannot write, so parse_instant would not read it back) is an Error.
Instant result_instant(std::int64_t u) {
  if (u > latest_instant) refuse_after();
  if (u < earliest_instant)
    throw_invalid(
        "",
        "the result would fall before 0001-01-01T00:00:00Z: instants are limited to the years 0001 to 9999");
  return Instant{Seconds{u}};
}

// The first UTC second u' with `rest` (> 0) open seconds in [u, u'), at most beyond_latest;
// refuses when fewer remain before it. Offset span by offset span: within one, open time
// is local open time shifted.
std::int64_t reach(const BusinessCalendar::Impl& c, std::int64_t u, std::int64_t rest) {
  for (;;) {
    const OffsetSpan span = c.offsets.at(u);
    const std::int64_t stop = std::min(span.end, beyond_latest);
    const std::int64_t start = c.cumulative(u + span.offset);
    const std::int64_t end = c.cumulative(stop + span.offset);
    if (rest <= end - start) return c.local_reaching(start + rest) - span.offset;
    if (stop == beyond_latest) refuse_after();
    rest -= end - start;
    u = stop;
  }
}

}  // namespace

BusinessCalendar::Impl::Impl(CalendarConfig c, const std::string& path)
    : config(std::move(c)), offsets(locate(config.time_zone, path)) {
  std::array<std::int64_t, 7> week_seconds{}, week_working{};
  for (int w = 0; w < 7; ++w) {
    week[w] = make_schedule(config.week[w]);
    week_seconds[w] = week[w].total;
    week_working[w] = week[w].total > 0;
  }
  std::vector<std::pair<std::int64_t, DaySchedule>> days;
  for (const auto& h : config.holidays) {
    for (auto d = day_number(h.first()); d <= day_number(h.last()); ++d) {
      if (h.hours)
        days.emplace_back(d, make_schedule(*h.hours));
      else if (h.closed)
        days.emplace_back(d, make_schedule(subtract(config.week[weekday_index(d)], *h.closed)));
      else
        days.emplace_back(d, DaySchedule{});
    }
  }
  for (const auto& e : config.extra_working_days)
    days.emplace_back(day_number(e.date), make_schedule(e.hours ? *e.hours : default_working_hours(config)));
  std::sort(days.begin(), days.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::int64_t> day_seconds_list, day_working_list;
  for (auto& [d, s] : days) {
    special_days.push_back(d);
    day_seconds_list.push_back(s.total);
    day_working_list.push_back(s.total > 0);
    special.push_back(std::move(s));
  }
  seconds = DayLedger(week_seconds, special_days, day_seconds_list);
  working = DayLedger(week_working, special_days, day_working_list);
}

std::int64_t BusinessCalendar::Impl::cumulative(std::int64_t local) const {
  const std::int64_t day = floor_div(local, day_seconds);
  const std::int64_t tod = local - day * day_seconds;
  const std::size_t index = seconds.exception_index(day);
  std::int64_t c = seconds.before(day, index);
  for (const auto& r : schedule(day, index).ranges) {
    if (tod <= r.from) break;
    c += std::min<std::int64_t>(tod, r.to) - r.from;
  }
  return c;
}

std::int64_t BusinessCalendar::Impl::local_reaching(std::int64_t target) const {
  const std::int64_t day = seconds.day_reaching(target);
  const std::size_t index = seconds.exception_index(day);
  std::int64_t rest = target - seconds.before(day, index);  // 1 .. the day's total
  for (const auto& r : schedule(day, index).ranges) {
    if (rest <= r.to - r.from) return day * day_seconds + r.from + rest;
    rest -= r.to - r.from;
  }
  throw Error(ErrorCode::internal, "", "business calendar ledger out of step");
}

bool BusinessCalendar::Impl::open_local(std::int64_t local) const {
  const std::int64_t day = floor_div(local, day_seconds);
  const std::int64_t tod = local - day * day_seconds;
  for (const auto& r : schedule(day).ranges)
    if (tod >= r.from && tod < r.to) return true;
  return false;
}

BusinessCalendar::BusinessCalendar(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

BusinessCalendar BusinessCalendar::from_json_text(std::string_view text) {
  return calendar_from_json(parse_json(text), "");
}

BusinessCalendar BusinessCalendar::always_open() {
  CalendarConfig c;
  c.id = "24x7";
  c.time_zone = "UTC";
  for (auto& day : c.week) day = {{0, 86400}};
  return BusinessCalendar(std::make_shared<const Impl>(std::move(c), ""));
}

const std::string& BusinessCalendar::id() const { return impl_->config.id; }
const std::string& BusinessCalendar::time_zone() const { return impl_->config.time_zone; }

bool BusinessCalendar::is_open(Instant t) const {
  const std::int64_t u = seconds_of(t);
  return impl_->open_local(u + impl_->offsets.at(u).offset);
}

Instant BusinessCalendar::next_open(Instant t) const {
  if (is_open(t)) return t;
  // The first open second ends one business second after t.
  return result_instant(reach(*impl_, seconds_of(t), 1) - 1);
}

Instant BusinessCalendar::add(Instant t, Seconds business) const {
  std::int64_t rest = business.count();
  if (rest < 0) throw_invalid("business", "a business duration cannot be negative");
  if (rest > max_business) throw_invalid("business", "a business duration is at most 10^12 seconds");
  if (rest == 0) return t;
  return result_instant(reach(*impl_, seconds_of(t), rest));
}

Seconds BusinessCalendar::business_seconds_between(Instant a, Instant b) const {
  if (b < a) return -business_seconds_between(b, a);
  const Impl& c = *impl_;
  std::int64_t u = seconds_of(a), total = 0;
  const std::int64_t last = seconds_of(b);
  while (u < last) {
    const OffsetSpan span = c.offsets.at(u);
    const std::int64_t end = std::min(span.end, last);
    total += c.cumulative(end + span.offset) - c.cumulative(u + span.offset);
    u = end;
  }
  return Seconds{total};
}

Instant BusinessCalendar::add_working_days(Instant t, int n) const {
  if (n > max_working_days || n < -max_working_days)
    throw_invalid("n", "at most 100000 working days either way");
  const Impl& c = *impl_;
  const Instant from = next_open(t);
  if (n == 0) return from;
  const std::int64_t start = seconds_of(from);
  const std::int64_t local = start + c.offsets.at(start).offset;
  // A start in the second pass of a repeated local time lands in the second pass too.
  const bool second_pass = c.offsets.to_utc(local) != start;
  const std::int64_t day = floor_div(local, day_seconds);
  const std::int64_t tod = local - day * day_seconds;
  // The working day n working days away: the first day whose end reaches that count.
  const std::int64_t target = n >= 0 ? c.working.before(day + 1) + n : c.working.before(day) + n + 1;
  const std::int64_t to_day = c.working.day_reaching(target);
  const Instant landed = next_open(result_instant(c.offsets.to_utc(to_day * day_seconds + tod, second_pass)));
  // Only a zone turning its clocks back by a day could map a later date before the start.
  return n > 0 ? std::max(landed, from) : std::min(landed, from);
}

bool BusinessCalendar::is_working_day(Date d) const { return impl_->schedule(day_number(d)).total > 0; }

Date BusinessCalendar::local_date(Instant t) const {
  const std::int64_t u = to_unix(t);
  const std::int64_t local = u + impl_->offsets.at(u).offset;
  const std::int64_t day = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  return Date{std::chrono::sys_days{std::chrono::days{day}}};
}

std::string BusinessCalendar::to_json_text() const { return calendar_to_json(*this).dump(2); }

/// Builds calendars for src/calendar without widening the public constructor.
struct CalendarAccess {
  static BusinessCalendar make(std::shared_ptr<const BusinessCalendar::Impl> impl) {
    return BusinessCalendar(std::move(impl));
  }
  static const BusinessCalendar::Impl& impl(const BusinessCalendar& c) { return *c.impl_; }
};

BusinessCalendar calendar_from_json(const nlohmann::json& j, const std::string& path) {
  return CalendarAccess::make(
      std::make_shared<const BusinessCalendar::Impl>(read_calendar_config(j, path), path));
}

nlohmann::json calendar_to_json(const BusinessCalendar& calendar) {
  return write_calendar_config(CalendarAccess::impl(calendar).config);
}

}  // namespace ticketcore
