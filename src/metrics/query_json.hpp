#pragma once
// The report query's JSON value, for the report's form, which holds it.

#include "json/json_write.hpp"
#include "ticketcore/metrics/report.hpp"

namespace ticketcore::detail::json_write {

/// A report query's form (every field written, defaults included).
json value_of(const ReportQuery& query);

}  // namespace ticketcore::detail::json_write
