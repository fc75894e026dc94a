#pragma once
// A service report (metrics/report.hpp) as text tables for a terminal.

#include <iosfwd>

#include "ticketcore/metrics/report.hpp"

namespace ticketcore::cli {

/// Writes the report: the desk's figures, SLA compliance, CSAT, the groups, the
/// bottlenecks and the agents' load, each as a table.
void print_report_text(const Report& report, std::ostream& out);

/// The label of a group key: the dimension values joined with " / ", "(none)" for "".
std::string group_label(const std::vector<std::string>& key);

}  // namespace ticketcore::cli
