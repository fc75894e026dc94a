#pragma once
// JSON forms of service reports (docs/metrics.md): the report is written, the query is
// written and read back strictly (unknown keys and group names refused, the path in errors).
// Same names as the other forms (ticketcore/json.hpp), without bringing in nlohmann/json.

#include <string>
#include <string_view>

#include "ticketcore/metrics/report.hpp"

namespace ticketcore {

/// A report as compact JSON text.
std::string to_json_text(const Report& report);
/// A report query as compact JSON text, in the form from_json_text<ReportQuery> reads.
std::string to_json_text(const ReportQuery& query);

/// Reads a value from JSON text (declared with the other forms in ticketcore/json.hpp).
template <class T>
T from_json_text(std::string_view text);

/// Reads a report query; throws Error naming the field ("/group_by/1: unknown value").
template <>
ReportQuery from_json_text<ReportQuery>(std::string_view text);

}  // namespace ticketcore
