#pragma once
// Instants and dates: an instant is UTC seconds; text is RFC 3339 with 'Z' on output.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace ticketcore {

/// A point in time, UTC, to the second.
using Instant = std::chrono::sys_seconds;
/// A length of time in seconds.
using Seconds = std::chrono::seconds;
/// A calendar date without a time zone (a birth date, a holiday).
using Date = std::chrono::year_month_day;

/// "2026-05-01T09:30:00Z".
std::string format_instant(Instant t);
/// Parses RFC 3339 ("2026-05-01T09:30:00Z", "2026-05-01T17:30:00+08:00", fractions
/// dropped); nullopt when the text is not a valid instant.
std::optional<Instant> parse_instant(std::string_view text);

/// "2026-05-01".
std::string format_date(Date d);
/// Parses "YYYY-MM-DD"; nullopt when it is not a valid date.
std::optional<Date> parse_date(std::string_view text);

/// The instant from Unix seconds (the C ABI's representation).
constexpr Instant from_unix(long long seconds) { return Instant{Seconds{seconds}}; }
/// Unix seconds of an instant.
constexpr long long to_unix(Instant t) { return t.time_since_epoch().count(); }

}  // namespace ticketcore
