#pragma once
// The test oracle and benchmark reference: a business calendar read straight from the
// same JSON form and evaluated the obvious way, one minute at a time. An instant is open
// when its local wall-clock time (from the tz database) lies in its local date's hours.
// Opening hours are whole minutes and the tested zones' offsets are whole minutes, so
// openness is constant within each UTC minute; the ends are counted to the second.

#include <date/tz.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace ticketcore::testing {

class NaiveCalendar {
 public:
  using Minutes = std::vector<std::pair<int, int>>;  // [from, to) in minutes after midnight

  explicit NaiveCalendar(const nlohmann::json& config)
      : zone_(date::locate_zone(config.at("time_zone").get<std::string>())) {
    static const char* keys[7] = {"monday", "tuesday",  "wednesday", "thursday",
                                  "friday", "saturday", "sunday"};
    for (int w = 0; w < 7; ++w)
      if (config.at("weekly_hours").contains(keys[w])) week_[w] = minutes(config["weekly_hours"][keys[w]]);
    const Minutes* default_hours = &week_[0];
    for (int w = 0; w < 7 && default_hours->empty(); ++w) default_hours = &week_[w];
    if (config.contains("holidays")) {
      for (const auto& h : config["holidays"]) {
        date::sys_days first = day(h.contains("date") ? h["date"] : h["from"]);
        date::sys_days last = day(h.contains("date") ? h["date"] : h["to"]);
        for (auto d = first; d <= last; d += date::days{1}) {
          if (h.contains("hours")) {
            days_[d] = minutes(h["hours"]);
          } else if (h.contains("closed")) {
            Minutes open;
            const Minutes closed = minutes(h["closed"]);
            for (auto [from, to] : week_[weekday(d)])
              for (int m = from; m < to; ++m) {
                bool shut = false;
                for (auto [cf, ct] : closed) shut = shut || (m >= cf && m < ct);
                if (!shut) open.push_back({m, m + 1});
              }
            days_[d] = open;
          } else {
            days_[d] = {};
          }
        }
      }
    }
    if (config.contains("extra_working_days"))
      for (const auto& e : config["extra_working_days"])
        days_[day(e["date"])] = e.contains("hours") ? minutes(e["hours"]) : *default_hours;
  }

  /// The hours of a local date.
  const Minutes& hours(date::sys_days d) const {
    auto it = days_.find(d);
    return it != days_.end() ? it->second : week_[weekday(d)];
  }

  /// Whether the instant's local wall-clock time is in its date's hours.
  bool open_at(date::sys_seconds u) const {
    if (!(u >= info_.begin && u < info_.end)) info_ = zone_->get_info(u);
    const auto local = u + info_.offset;
    const auto d = date::floor<date::days>(local);
    const int minute = static_cast<int>((local - d).count() / 60);
    for (auto [from, to] : hours(d))
      if (minute >= from && minute < to) return true;
    return false;
  }

  /// Minute by minute: the first instant with `business` open seconds since t (t for 0).
  date::sys_seconds add(date::sys_seconds t, std::int64_t business) const {
    auto u = t;
    while (business > 0) {
      const auto minute_end = date::floor<std::chrono::minutes>(u) + std::chrono::minutes{1};
      const std::int64_t step = (minute_end - u).count();
      if (open_at(u)) {
        if (business <= step) return u + std::chrono::seconds{business};
        business -= step;
      }
      u = minute_end;
    }
    return u;
  }

  /// Minute by minute: open seconds in [a, b), negative when b < a.
  std::int64_t between(date::sys_seconds a, date::sys_seconds b) const {
    if (b < a) return -between(b, a);
    std::int64_t total = 0;
    for (auto u = a; u < b;) {
      const date::sys_seconds next =
          std::min<date::sys_seconds>(b, date::floor<std::chrono::minutes>(u) + std::chrono::minutes{1});
      if (open_at(u)) total += (next - u).count();
      u = next;
    }
    return total;
  }

  const date::time_zone* zone() const { return zone_; }

 private:
  static int weekday(date::sys_days d) { return (date::weekday(d).c_encoding() + 6) % 7; }
  static date::sys_days day(const nlohmann::json& text) {
    const std::string s = text.get<std::string>();  // YYYY-MM-DD
    return date::sys_days(date::year{std::stoi(s.substr(0, 4))} / std::stoi(s.substr(5, 2)) /
                          std::stoi(s.substr(8, 2)));
  }
  static int clock(const nlohmann::json& text) {
    const std::string s = text.get<std::string>();
    return std::stoi(s.substr(0, 2)) * 60 + std::stoi(s.substr(3, 2));
  }
  static Minutes minutes(const nlohmann::json& list) {
    Minutes out;
    for (const auto& r : list) out.push_back({clock(r["from"]), clock(r["to"])});
    return out;
  }

  const date::time_zone* zone_;
  std::array<Minutes, 7> week_;
  std::map<date::sys_days, Minutes> days_;
  mutable date::sys_info info_{};  // the offset last looked up, reused while it applies
};

/// The naive calendar's answers over a window, from one minute-by-minute walk: cum_[i]
/// open seconds from the window's start to minute i. Cheap per query, so a test can ask
/// 100,000 questions; the walk itself is the naive definition.
class NaiveTimeline {
 public:
  NaiveTimeline(const NaiveCalendar& calendar, date::sys_seconds from, date::sys_seconds to)
      : calendar_(calendar), from_(date::floor<std::chrono::minutes>(from)) {
    const auto minutes = (to - from_).count() / 60 + 1;
    cum_.resize(minutes + 1);
    open_.resize(minutes);
    for (std::int64_t i = 0; i < minutes; ++i) {
      open_[i] = calendar.open_at(from_ + std::chrono::minutes{i});
      cum_[i + 1] = cum_[i] + (open_[i] ? 60 : 0);
    }
    next_open_.resize(minutes + 1);
    next_open_[minutes] = minutes;
    for (auto i = minutes - 1; i >= 0; --i) next_open_[i] = open_[i] ? i : next_open_[i + 1];
  }

  bool is_open(date::sys_seconds t) const { return open_[index(t)]; }

  /// Open seconds from the window's start to t.
  std::int64_t position(date::sys_seconds t) const {
    const auto i = index(t);
    return cum_[i] + (open_[i] ? (t - minute(i)).count() : 0);
  }

  std::int64_t between(date::sys_seconds a, date::sys_seconds b) const { return position(b) - position(a); }

  /// The first instant whose position reaches position(t) + business.
  date::sys_seconds add(date::sys_seconds t, std::int64_t business) const {
    if (business == 0) return t;
    const std::int64_t target = position(t) + business;
    const auto k = std::lower_bound(cum_.begin(), cum_.end(), target) - cum_.begin();
    require_inside(k < static_cast<std::int64_t>(cum_.size()));
    return minute(k - 1) + std::chrono::seconds{target - cum_[k - 1]};
  }

  /// The first instant from t on that is closed, searching at most `limit` ahead (else t).
  date::sys_seconds next_close(date::sys_seconds t, std::chrono::minutes limit) const {
    if (!is_open(t)) return t;
    const auto first = index(t);
    for (auto i = first + 1; i < first + limit.count() && i < static_cast<std::int64_t>(open_.size()); ++i)
      if (!open_[i]) return minute(i);
    return t;
  }

  date::sys_seconds next_open(date::sys_seconds t) const {
    if (is_open(t)) return t;
    const auto i = next_open_[index(t)];
    require_inside(i < static_cast<std::int64_t>(open_.size()));
    return minute(i);
  }

  /// Day by day: next_open(t), then the same local time n working days later (n < 0: earlier),
  /// with a local time skipped by a DST gap moved to the gap's end and a repeated one taken in
  /// the start's pass (the second if the start was in the second, else the first), then
  /// next_open; never before the start for n > 0, never after it for n < 0; the start for 0.
  date::sys_seconds add_working_days(date::sys_seconds t, int n) const {
    const auto start = next_open(t);
    if (n == 0) return start;
    const auto* zone = calendar_.zone();
    const auto local = zone->to_local(start);
    const auto start_info = zone->get_info(local);
    const bool second_pass =
        start_info.result == date::local_info::ambiguous &&
        start == date::sys_seconds{(local - start_info.second.offset).time_since_epoch()};
    auto d = date::floor<date::days>(local);
    const auto time_of_day = local - d;
    const date::days step{n > 0 ? 1 : -1};
    for (int found = 0; found < (n > 0 ? n : -n);) {
      d += step;
      if (!calendar_.hours(date::sys_days(d.time_since_epoch())).empty()) ++found;
    }
    const auto target = d + time_of_day;
    const auto info = zone->get_info(target);
    const auto offset =
        info.result == date::local_info::ambiguous && second_pass ? info.second.offset : info.first.offset;
    const auto u = info.result == date::local_info::nonexistent
                       ? info.first.end
                       : date::sys_seconds{(target - offset).time_since_epoch()};
    const auto result = next_open(u);
    return n > 0 ? std::max(result, start) : std::min(result, start);
  }

 private:
  static void require_inside(bool inside) {
    if (!inside) throw std::out_of_range("naive timeline: query outside its window");
  }
  std::int64_t index(date::sys_seconds t) const {
    const auto i = (t - from_).count() / 60;
    require_inside(t >= from_ && i < static_cast<std::int64_t>(open_.size()));
    return i;
  }
  date::sys_seconds minute(std::int64_t i) const { return from_ + std::chrono::minutes{i}; }

  const NaiveCalendar& calendar_;
  date::sys_seconds from_;
  std::vector<std::int64_t> cum_;
  std::vector<char> open_;
  std::vector<std::int64_t> next_open_;  // the first open minute from minute i on
};

}  // namespace ticketcore::testing
