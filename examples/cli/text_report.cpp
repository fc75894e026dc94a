#include "text_report.hpp"

#include <ostream>

#include "output.hpp"

namespace ticketcore::cli {

namespace {

std::string count(std::int64_t n) { return std::to_string(n); }

std::string seconds(const std::optional<std::int64_t>& s) { return s ? format_duration(*s) : "-"; }
std::string seconds(const std::optional<double>& s) {
  return s ? format_duration(static_cast<std::int64_t>(*s)) : "-";
}

const SlaCompliance& target_of(const ReportFigures& f, SlaTarget target) {
  return f.sla[static_cast<std::size_t>(target)];
}

// The mean of the three axes' means: one figure of satisfaction per group.
std::optional<double> mean_stars(const CsatFigures& c) {
  if (!c.efficiency.mean || !c.attitude.mean || !c.effectiveness.mean) return std::nullopt;
  return (*c.efficiency.mean + *c.attitude.mean + *c.effectiveness.mean) / 3;
}

void print_durations(const ReportFigures& f, std::ostream& out) {
  Table table({"", "count", "mean", "median", "p90", "business mean", "median", "p90"});
  auto row = [&](const char* name, const DurationFigures& d) {
    table.add({name, count(d.count), seconds(d.calendar.mean), seconds(d.calendar.median), seconds(d.calendar.p90),
               seconds(d.business.mean), seconds(d.business.median), seconds(d.business.p90)});
  };
  row("first response", f.first_response);
  row("resolution", f.resolution);
  table.print(out);
}

void print_sla(const ReportFigures& f, std::ostream& out) {
  Table table({"SLA target", "met", "breached", "pending", "compliance"});
  for (const SlaCompliance& c : f.sla)
    table.add({std::string(to_string(c.target)), count(c.met), count(c.breached), count(c.pending),
               format_percent(c.compliance)});
  table.print(out);
}

void print_csat(const CsatFigures& c, std::ostream& out) {
  Table table({"CSAT (" + count(c.rated) + " rated)", "mean", "1", "2", "3", "4", "5", "satisfied"});
  auto row = [&](const char* axis, const RatingFigures& r) {
    std::vector<std::string> cells{axis, format_number(r.mean)};
    for (std::int64_t n : r.distribution) cells.push_back(count(n));
    cells.push_back(format_percent(r.satisfied_share));
    table.add(std::move(cells));
  };
  row("efficiency", c.efficiency);
  row("attitude", c.attitude);
  row("effectiveness", c.effectiveness);
  table.print(out);
}

void print_groups(const Report& r, std::ostream& out) {
  std::vector<std::string> headers;
  for (GroupDimension d : r.query.group_by) headers.emplace_back(to_string(d));
  for (const char* h : {"in", "resolved", "open", "first response SLA", "resolution SLA", "CSAT stars", "complaints"})
    headers.emplace_back(h);
  Table table(headers);
  for (const GroupFigures& g : r.groups) {
    std::vector<std::string> cells;
    for (const std::string& value : g.key) cells.push_back(value.empty() ? "(none)" : value);
    const ReportFigures& f = g.figures;
    for (const std::string& cell :
         {count(f.tickets_in), count(f.resolved), count(f.open),
          format_percent(target_of(f, SlaTarget::first_response).compliance),
          format_percent(target_of(f, SlaTarget::resolution).compliance), format_number(mean_stars(f.csat)),
          count(f.complaints)})
      cells.push_back(cell);
    table.add(std::move(cells));
  }
  table.print(out);
}

void print_bottlenecks(const Report& r, std::ostream& out) {
  if (r.bottlenecks.empty()) {
    out << "bottlenecks: none (no subtype x team with at least " << r.query.bottleneck_min_tickets
        << " tickets stands out by " << format_number(r.query.bottleneck_factor) << " times the desk)\n";
    return;
  }
  Table table({"bottleneck", "subtype", "team", "tickets", "value", "desk", "ratio"});
  for (const Bottleneck& b : r.bottlenecks) {
    const bool rate = b.measure == BottleneckMeasure::breach_rate;
    table.add({std::string(to_string(b.measure)), or_dash(b.subtype), or_dash(b.team), count(b.count),
               rate ? format_percent(b.value) : format_duration(static_cast<std::int64_t>(b.value)),
               rate ? format_percent(b.desk_value) : format_duration(static_cast<std::int64_t>(b.desk_value)),
               format_number(b.ratio)});
  }
  table.print(out);
}

void print_agents(const Report& r, std::ostream& out) {
  Table table({"agent", "open", "due soon", "overdue"});
  for (const AgentLoad& a : r.agents) table.add({a.agent, count(a.open), count(a.due_soon), count(a.overdue)});
  if (table.empty()) return void(out << "agents' load: nobody holds an open ticket\n");
  table.print(out);
}

}  // namespace

std::string group_label(const std::vector<std::string>& key) {
  std::vector<std::string> values;
  for (const std::string& value : key) values.push_back(value.empty() ? "(none)" : value);
  return join(values, " / ");
}

void print_report_text(const Report& r, std::ostream& out) {
  const ReportFigures& d = r.desk;
  out << "Service report: tickets created from " << format_instant(r.query.from) << " to "
      << format_instant(r.query.to) << ", as of " << format_instant(r.query.as_of) << "\n\n";
  out << "tickets in " << d.tickets_in << ", resolved " << d.resolved << ", withdrawn " << d.withdrawn << ", open "
      << d.open << ", complaints " << d.complaints << '\n';
  out << "resolution rate " << format_percent(d.resolution_rate) << ", first-contact resolution "
      << format_percent(d.first_contact_resolution_rate) << ", reopen rate " << format_percent(d.reopen_rate) << '\n';
  out << "backlog by age: under 1 day " << d.backlog.under_1_day << ", 1-3 days " << d.backlog.from_1_to_3_days
      << ", 3-7 days " << d.backlog.from_3_to_7_days << ", over 7 days " << d.backlog.over_7_days << "\n\n";
  print_durations(d, out);
  out << '\n';
  print_sla(d, out);
  out << '\n';
  print_csat(d.csat, out);
  if (!r.query.group_by.empty()) {
    out << '\n';
    print_groups(r, out);
  }
  out << '\n';
  print_bottlenecks(r, out);
  out << '\n';
  print_agents(r, out);
}

}  // namespace ticketcore::cli
