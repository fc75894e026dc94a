#pragma once
// A service report as one self-contained HTML page: figures as tables, charts drawn as
// inline SVG. No script, no style sheet, font or image from elsewhere: it opens offline
// and can be mailed as it is.

#include <string>

#include "ticketcore/metrics/report.hpp"

namespace ticketcore::cli {

/// The page: the desk's figures, SLA compliance by team (from `by_team`, the same query
/// grouped by team), backlog by age, the CSAT distribution, the bottlenecks and the
/// agents' load.
std::string report_html(const Report& report, const Report& by_team);

}  // namespace ticketcore::cli
