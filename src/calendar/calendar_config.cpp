// Reading and validating a calendar's JSON form; every error names the offending field.
#include "calendar/calendar_config.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <map>
#include <numeric>

#include "model/json_read.hpp"
#include "ticketcore/error.hpp"

namespace ticketcore {

using detail::json_read::child;
using detail::json_read::ObjectReader;
using nlohmann::json;

std::optional<int> parse_clock(std::string_view text, bool allow_end_of_day) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  for (int i : {0, 1, 3, 4})
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
  const int hours = (text[0] - '0') * 10 + (text[1] - '0');
  const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (minutes > 59) return std::nullopt;
  if (hours == 24 && minutes == 0 && allow_end_of_day) return 86400;
  if (hours > 23) return std::nullopt;
  return hours * 3600 + minutes * 60;
}

std::string format_clock(int seconds) {
  const int h = seconds / 3600, m = seconds / 60 % 60;
  std::string out(5, ':');
  out[0] = static_cast<char>('0' + h / 10);
  out[1] = static_cast<char>('0' + h % 10);
  out[3] = static_cast<char>('0' + m / 10);
  out[4] = static_cast<char>('0' + m % 10);
  return out;
}

const std::vector<CalendarTimeRange>& default_working_hours(const CalendarConfig& c) {
  for (const auto& day : c.week)
    if (!day.empty()) return day;
  return c.week[0];
}

namespace {

std::string range_text(const CalendarTimeRange& r) { return format_clock(r.from) + "-" + format_clock(r.to); }

int read_clock(const json& j, const std::string& path, bool is_end) {
  if (!j.is_string()) detail::json_read::wrong_type(j, path, "string (HH:MM)");
  const auto& text = j.get_ref<const std::string&>();
  auto value = parse_clock(text, is_end);
  if (!value)
    throw_invalid(path, "malformed time \"" + text + "\" (expected HH:MM from 00:00 to 23:59" +
                            (is_end ? std::string(", or 24:00") : std::string()) + ")");
  return *value;
}

}  // namespace

void read(const json& j, const std::string& path, CalendarTimeRange& out) {
  ObjectReader r(j, path);
  const json* from = r.take("from");
  const json* to = r.take("to");
  r.finish();
  if (!from) throw_invalid(child(path, "from"), "missing required field");
  if (!to) throw_invalid(child(path, "to"), "missing required field");
  out.from = read_clock(*from, child(path, "from"), false);
  out.to = read_clock(*to, child(path, "to"), true);
  if (out.to <= out.from)
    throw_invalid(child(path, "to"),
                  "end " + format_clock(out.to) + " is not after the start " + format_clock(out.from));
}

namespace {

// A day's ranges, sorted; ranges may touch but not overlap.
std::vector<CalendarTimeRange> read_ranges(const json& j, const std::string& path) {
  std::vector<CalendarTimeRange> ranges;
  detail::json_read::read(j, path, ranges, detail::json_read::MaxItems{48});
  std::vector<std::size_t> order(ranges.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return ranges[a].from < ranges[b].from; });
  for (std::size_t k = 1; k < order.size(); ++k) {
    const auto& prev = ranges[order[k - 1]];
    const auto& cur = ranges[order[k]];
    if (cur.from < prev.to) {
      const std::size_t later = std::max(order[k - 1], order[k]);
      const std::size_t earlier = std::min(order[k - 1], order[k]);
      throw_invalid(child(path, later), range_text(ranges[later]) + " overlaps " +
                                            range_text(ranges[earlier]) + " (" + child(path, earlier) + ")");
    }
  }
  std::vector<CalendarTimeRange> sorted;
  for (auto i : order) sorted.push_back(ranges[i]);
  return sorted;
}

std::chrono::sys_days day_of(Date d) { return std::chrono::sys_days(d); }

std::string weekday_name(Date d) {
  static constexpr std::array<const char*, 7> names = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                       "Thursday", "Friday", "Saturday"};
  return names[std::chrono::weekday(day_of(d)).c_encoding()];
}

bool same_word(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

CalendarHoliday read_holiday(const json& j, const std::string& path) {
  CalendarHoliday h;
  ObjectReader r(j, path);
  r.optional("date", h.date);
  r.optional("from", h.from);
  r.optional("to", h.to);
  r.optional("name", h.name);
  if (const json* v = r.take("hours")) h.hours = read_ranges(*v, child(path, "hours"));
  if (const json* v = r.take("closed")) h.closed = read_ranges(*v, child(path, "closed"));
  r.finish();
  if (h.date && (h.from || h.to))
    throw_invalid(child(path, h.from ? "from" : "to"), "give either \"date\" or \"from\" and \"to\"");
  if (!h.date) {
    if (!h.from && !h.to)
      throw_invalid(child(path, "date"), "missing required field (or \"from\" and \"to\")");
    if (!h.from) throw_invalid(child(path, "from"), "missing required field");
    if (!h.to) throw_invalid(child(path, "to"), "missing required field");
    if (*h.to < *h.from)
      throw_invalid(child(path, "to"),
                    "end " + format_date(*h.to) + " is before the start " + format_date(*h.from));
    if ((day_of(*h.to) - day_of(*h.from)).count() > 366)
      throw_invalid(child(path, "to"), "a holiday range spans at most 367 days");
  }
  if (h.hours && h.closed) throw_invalid(child(path, "closed"), "give either \"hours\" or \"closed\"");
  return h;
}

CalendarExtraDay read_extra_day(const json& j, const std::string& path) {
  CalendarExtraDay e;
  ObjectReader r(j, path);
  r.required("date", e.date);
  r.optional("weekday", e.weekday);
  r.optional("for", e.for_holiday);
  r.optional("name", e.name);
  if (const json* v = r.take("hours")) e.hours = read_ranges(*v, child(path, "hours"));
  r.finish();
  if (e.weekday && !same_word(*e.weekday, weekday_name(e.date)))
    throw_invalid(child(path, "weekday"),
                  format_date(e.date) + " is a " + weekday_name(e.date) + ", not a " + *e.weekday);
  return e;
}

}  // namespace

CalendarConfig read_calendar_config(const json& j, const std::string& path) {
  CalendarConfig c;
  ObjectReader r(j, path);
  r.optional("id", c.id);
  r.optional("name", c.name);
  r.required("time_zone", c.time_zone);
  const json* week = r.take("weekly_hours");
  const json* holidays = r.take("holidays");
  const json* extra = r.take("extra_working_days");
  r.finish();

  const std::string week_path = child(path, "weekly_hours");
  if (!week) throw_invalid(week_path, "missing required field");
  ObjectReader wr(*week, week_path);
  for (std::size_t d = 0; d < 7; ++d)
    if (const json* v = wr.take(weekday_keys[d]); v && !v->is_null())
      c.week[d] = read_ranges(*v, child(week_path, weekday_keys[d]));
  wr.finish();
  if (std::all_of(c.week.begin(), c.week.end(), [](const auto& day) { return day.empty(); }))
    throw_invalid(week_path, "the week has no opening hours");

  // Each date is special at most once, so the order of the lists never matters.
  std::map<std::chrono::sys_days, std::string> special;
  auto claim = [&](Date d, const std::string& item_path, const std::string& field_path) {
    // Bounds the compiled calendar's size: about 270 years of daily exceptions.
    if (special.size() >= 100000) throw_invalid(item_path, "more than 100000 special dates in one calendar");
    auto [it, inserted] = special.emplace(day_of(d), item_path);
    if (!inserted) throw_invalid(field_path, format_date(d) + " is already listed at " + it->second);
  };
  if (holidays && !holidays->is_null()) {
    const std::string list_path = child(path, "holidays");
    if (!holidays->is_array()) detail::json_read::wrong_type(*holidays, list_path, "array");
    if (holidays->size() > 10000) throw_invalid(list_path, "too many items (at most 10000)");
    for (std::size_t i = 0; i < holidays->size(); ++i) {
      const std::string item_path = child(list_path, i);
      c.holidays.push_back(read_holiday((*holidays)[i], item_path));
      const auto& h = c.holidays.back();
      for (auto d = day_of(h.first()); d <= day_of(h.last()); d += std::chrono::days{1})
        claim(Date{d}, item_path, child(item_path, h.date ? "date" : "from"));
    }
  }
  if (extra && !extra->is_null()) {
    const std::string list_path = child(path, "extra_working_days");
    if (!extra->is_array()) detail::json_read::wrong_type(*extra, list_path, "array");
    if (extra->size() > 10000) throw_invalid(list_path, "too many items (at most 10000)");
    for (std::size_t i = 0; i < extra->size(); ++i) {
      const std::string item_path = child(list_path, i);
      c.extra_working_days.push_back(read_extra_day((*extra)[i], item_path));
      claim(c.extra_working_days.back().date, item_path, child(item_path, "date"));
    }
  }
  return c;
}

namespace {

json write_ranges(const std::vector<CalendarTimeRange>& ranges) {
  json out = json::array();
  for (const auto& r : ranges) out.push_back({{"from", format_clock(r.from)}, {"to", format_clock(r.to)}});
  return out;
}

}  // namespace

json write_calendar_config(const CalendarConfig& c) {
  json out = json::object();
  if (!c.id.empty()) out["id"] = c.id;
  if (!c.name.empty()) out["name"] = c.name;
  out["time_zone"] = c.time_zone;
  json week = json::object();
  for (std::size_t d = 0; d < 7; ++d)
    if (!c.week[d].empty()) week[weekday_keys[d]] = write_ranges(c.week[d]);
  out["weekly_hours"] = std::move(week);
  if (!c.holidays.empty()) {
    json list = json::array();
    for (const auto& h : c.holidays) {
      json item = json::object();
      if (h.date) {
        item["date"] = format_date(*h.date);
      } else {
        item["from"] = format_date(*h.from);
        item["to"] = format_date(*h.to);
      }
      if (!h.name.empty()) item["name"] = h.name;
      if (h.hours) item["hours"] = write_ranges(*h.hours);
      if (h.closed) item["closed"] = write_ranges(*h.closed);
      list.push_back(std::move(item));
    }
    out["holidays"] = std::move(list);
  }
  if (!c.extra_working_days.empty()) {
    json list = json::array();
    for (const auto& e : c.extra_working_days) {
      json item = {{"date", format_date(e.date)}};
      if (e.weekday) item["weekday"] = *e.weekday;
      if (!e.for_holiday.empty()) item["for"] = e.for_holiday;
      if (!e.name.empty()) item["name"] = e.name;
      if (e.hours) item["hours"] = write_ranges(*e.hours);
      list.push_back(std::move(item));
    }
    out["extra_working_days"] = std::move(list);
  }
  return out;
}

}  // namespace ticketcore
