#pragma once
// Ticket and customer numbers: pure functions of (date, serial) over a configurable format.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ticketcore/model/time.hpp"

namespace ticketcore {

/// A number format such as "{yyyy}{mm}-{serial:3}" (202405-001) or
/// "C{yyyy}{mm}{dd}{serial:3}" (C20240501001). Placeholders: {yyyy}, {yy}, {mm},
/// {dd} and exactly one {serial:N}, the serial zero-padded to N digits and
/// growing past them (202405-1000). Serials count within a period, the format's
/// date part, so numbers never repeat while the store keeps one counter per period.
class NumberFormat {
 public:
  /// Compiles a pattern; throws Error naming the pattern when it is malformed.
  explicit NumberFormat(std::string_view pattern);

  /// The number for a serial (>= 1) on a date; throws Error for serial < 1.
  std::string format(Date date, std::int64_t serial) const;
  /// The counter scope of a date: the date placeholders rendered ("202405").
  std::string period(Date date) const;
  /// The pattern as given.
  const std::string& pattern() const { return pattern_; }

  /// DOMAIN.md's ticket number: year + month + serial, "{yyyy}{mm}-{serial:3}".
  static NumberFormat ticket_default();
  /// DOMAIN.md's customer id: "C" + yyyymmdd + serial, "C{yyyy}{mm}{dd}{serial:3}".
  static NumberFormat customer_default();

 private:
  enum class Part : std::uint8_t { literal, year4, year2, month, day, serial };
  struct Piece {
    Part part;
    std::string text;  // literal text
  };
  std::string render(Date date, const std::int64_t* serial) const;

  std::string pattern_;
  std::vector<Piece> pieces_;
  int serial_width_ = 0;
};

}  // namespace ticketcore
