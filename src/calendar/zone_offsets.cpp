// The offset table of a zone, from date/tz over the OS tz database.
#include "calendar/zone_offsets.hpp"

#include <date/tz.h>

#include <algorithm>

#include "ticketcore/error.hpp"

namespace ticketcore {

namespace {

constexpr std::int64_t table_begin = -2208988800;  // 1900-01-01T00:00:00Z
constexpr std::int64_t table_end = 7258118400;     // 2200-01-01T00:00:00Z

OffsetSpan span_from_info(const date::sys_info& info) {
  return {info.begin.time_since_epoch().count(), info.end.time_since_epoch().count(), info.offset.count()};
}

}  // namespace

ZoneOffsets::ZoneOffsets(const date::time_zone* zone) : zone_(zone) {
  std::int64_t t = table_begin;
  while (t < table_end) {
    OffsetSpan s = span_from_info(zone_->get_info(date::sys_seconds{std::chrono::seconds{t}}));
    s.begin = t;
    s.end = std::min(s.end, table_end);
    if (!spans_.empty() && spans_.back().offset == s.offset)
      spans_.back().end = s.end;  // a change of abbreviation or of DST rules only
    else
      spans_.push_back(s);
    t = s.end;
  }
}

OffsetSpan ZoneOffsets::at(std::int64_t u) const {
  if (u >= table_begin && u < table_end) {
    auto it = std::upper_bound(spans_.begin(), spans_.end(), u,
                               [](std::int64_t v, const OffsetSpan& s) { return v < s.begin; });
    return *(it - 1);
  }
  // date/tz covers years -32767 .. 32767; ticketcore keeps to 0001 .. 9999 as RFC 3339 does.
  if (u < earliest_instant || u > latest_instant) throw_invalid("", "instant outside the years 0001 to 9999");
  return span_from_info(zone_->get_info(date::sys_seconds{std::chrono::seconds{u}}));
}

std::int64_t ZoneOffsets::to_utc(std::int64_t local, bool second_pass) const {
  const auto info = zone_->get_info(date::local_seconds{std::chrono::seconds{local}});
  switch (info.result) {
    case date::local_info::nonexistent: return info.first.end.time_since_epoch().count();
    case date::local_info::ambiguous:
      return local - (second_pass ? info.second.offset : info.first.offset).count();
    default: return local - info.first.offset.count();
  }
}

}  // namespace ticketcore
