#pragma once
// A time zone's UTC offsets as a table of intervals, built once per calendar, so hot
// paths find the offset with a binary search instead of a tz database lookup.

#include <cstdint>
#include <vector>

namespace date {
class time_zone;
}

namespace ticketcore {

/// The instants ticketcore supports, as RFC 3339 writes them: 0001-01-01T00:00:00Z up to
/// 9999-12-31T23:59:59Z (Unix seconds). The calendar refuses others as arguments and as results.
inline constexpr std::int64_t earliest_instant = -62135596800;
inline constexpr std::int64_t latest_instant = 253402300799;

/// A stretch of UTC time [begin, end) during which local time is UTC + offset (seconds).
struct OffsetSpan {
  std::int64_t begin;
  std::int64_t end;
  std::int64_t offset;
};

/// The offsets of one zone: a table over 1900-2200, the tz database outside it.
class ZoneOffsets {
 public:
  explicit ZoneOffsets(const date::time_zone* zone);

  /// The span holding the UTC instant u (Unix seconds); throws Error for u outside
  /// earliest_instant .. latest_instant.
  OffsetSpan at(std::int64_t u) const;
  /// UTC of a local time (seconds since 1970-01-01 local): a local time skipped by a
  /// DST gap maps to the end of the gap, a repeated one to its first occurrence, or to
  /// its second if `second_pass`.
  std::int64_t to_utc(std::int64_t local, bool second_pass = false) const;

 private:
  const date::time_zone* zone_;
  std::vector<OffsetSpan> spans_;  // contiguous, ascending, adjacent spans differ in offset
};

}  // namespace ticketcore
