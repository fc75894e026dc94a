#include "html_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <optional>
#include <sstream>
#include <vector>

#include "output.hpp"
#include "text_report.hpp"

namespace ticketcore::cli {

namespace {

std::string escaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string number(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", v);
  return text;
}

// ---- one chart kind for every chart: grouped vertical bars ----

struct Series {
  std::string name;                          // shown in the legend
  std::string colour;                        // fill
  std::vector<std::optional<double>> values;  // one per category; absent: no bar, "n/a"
};

struct BarChart {
  std::string title;
  std::vector<std::string> categories;
  std::vector<Series> series;
  std::optional<double> top;                       // the axis maximum; absent: from the data
  std::function<std::string(double)> label;       // a bar's value as text
};

std::string svg_bar_chart(const BarChart& chart) {
  constexpr double kLeft = 48, kTop = 40, kPlot = 180, kBottom = 56, kBar = 28, kGap = 18;
  // Each category is as wide as its bars or its label (about 6.2 px a column at 11 px).
  double group = std::max(72.0, kBar * static_cast<double>(chart.series.size()) + kGap);
  for (const std::string& category : chart.categories)
    group = std::max(group, 6.2 * static_cast<double>(display_width(category)) + 12);
  const double width = kLeft + group * static_cast<double>(std::max<std::size_t>(chart.categories.size(), 1)) + 16;
  double top = chart.top.value_or(0);
  if (!chart.top)
    for (const Series& s : chart.series)
      for (const auto& v : s.values) top = std::max(top, v.value_or(0));
  // Up to a multiple of 4, so that the quarter grid lines fall on whole values (counts).
  if (!chart.top) top = std::max(4.0, std::ceil(top / 4) * 4);

  std::ostringstream svg;
  svg << "<svg role=\"img\" width=\"" << number(width) << "\" height=\"" << number(kTop + kPlot + kBottom)
      << "\" viewBox=\"0 0 " << number(width) << ' ' << number(kTop + kPlot + kBottom) << "\" font-size=\"11\">"
      << "<title>" << escaped(chart.title) << "</title>";
  // Grid lines and the axis labels at quarters of the maximum.
  for (int q = 0; q <= 4; ++q) {
    const double y = kTop + kPlot - kPlot * q / 4;
    svg << "<line x1=\"" << kLeft << "\" x2=\"" << number(width - 8) << "\" y1=\"" << number(y) << "\" y2=\""
        << number(y) << "\" stroke=\"#ddd\"/>"
        << "<text x=\"" << kLeft - 4 << "\" y=\"" << number(y + 4) << "\" text-anchor=\"end\" fill=\"#555\">"
        << escaped(chart.label(top * q / 4)) << "</text>";
  }
  // The legend, when there is more than one series.
  if (chart.series.size() > 1)
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
      const double x = kLeft + 130.0 * static_cast<double>(s);
      svg << "<rect x=\"" << number(x) << "\" y=\"8\" width=\"12\" height=\"12\" fill=\"" << chart.series[s].colour
          << "\"/><text x=\"" << number(x + 16) << "\" y=\"18\">" << escaped(chart.series[s].name) << "</text>";
    }
  for (std::size_t c = 0; c < chart.categories.size(); ++c) {
    const double bars = kBar * static_cast<double>(chart.series.size());
    const double x0 = kLeft + group * static_cast<double>(c) + (group - bars) / 2;  // the bars, centred
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
      const double x = x0 + kBar * static_cast<double>(s);
      const auto& value = chart.series[s].values[c];
      const double h = value ? kPlot * std::clamp(*value / top, 0.0, 1.0) : 0;
      if (value)
        svg << "<rect x=\"" << number(x) << "\" y=\"" << number(kTop + kPlot - h) << "\" width=\"" << kBar - 2
            << "\" height=\"" << number(h) << "\" fill=\"" << chart.series[s].colour << "\"><title>"
            << escaped(chart.series[s].name + " " + chart.categories[c] + ": " + chart.label(*value))
            << "</title></rect>";
      svg << "<text x=\"" << number(x + (kBar - 2) / 2) << "\" y=\"" << number(kTop + kPlot - h - 3)
          << "\" text-anchor=\"middle\" font-size=\"9\">" << escaped(value ? chart.label(*value) : "n/a") << "</text>";
    }
    svg << "<text x=\"" << number(x0 + bars / 2) << "\" y=\""
        << number(kTop + kPlot + 16) << "\" text-anchor=\"middle\">" << escaped(chart.categories[c]) << "</text>";
  }
  svg << "</svg>";
  return svg.str();
}

// ---- the charts of a report ----

const char* const kBlue = "#4e79a7";
const char* const kOrange = "#f28e2b";
const char* const kGreen = "#59a14f";

// Whole percents: a label must fit over its bar (the tables below give the exact figures).
std::string percent_label(double share) { return std::to_string(static_cast<long long>(std::lround(share * 100))) + "%"; }
std::string count_label(double n) { return std::to_string(static_cast<long long>(n + 0.5)); }

std::string sla_by_team_chart(const Report& by_team) {
  BarChart chart{"SLA compliance by team", {}, {}, 1.0, percent_label};
  Series first{"first response", kBlue, {}}, resolution{"resolution", kOrange, {}};
  for (const GroupFigures& g : by_team.groups) {
    chart.categories.push_back(group_label(g.key));
    first.values.push_back(g.figures.sla[static_cast<std::size_t>(SlaTarget::first_response)].compliance);
    resolution.values.push_back(g.figures.sla[static_cast<std::size_t>(SlaTarget::resolution)].compliance);
  }
  chart.series = {first, resolution};
  return svg_bar_chart(chart);
}

std::string backlog_chart(const BacklogAges& b) {
  return svg_bar_chart({"Backlog by age",
                        {"under 1 day", "1-3 days", "3-7 days", "over 7 days"},
                        {{"open tickets", kBlue,
                          {double(b.under_1_day), double(b.from_1_to_3_days), double(b.from_3_to_7_days),
                           double(b.over_7_days)}}},
                        std::nullopt,
                        count_label});
}

std::string csat_chart(const CsatFigures& c) {
  auto series = [](const char* name, const char* colour, const RatingFigures& r) {
    Series s{name, colour, {}};
    for (std::int64_t n : r.distribution) s.values.push_back(double(n));
    return s;
  };
  return svg_bar_chart({"CSAT distribution",
                        {"1 star", "2 stars", "3 stars", "4 stars", "5 stars"},
                        {series("efficiency", kBlue, c.efficiency), series("attitude", kOrange, c.attitude),
                         series("effectiveness", kGreen, c.effectiveness)},
                        std::nullopt,
                        count_label});
}

std::string bottleneck_chart(const Report& r) {
  BarChart chart{"Bottlenecks: times the desk's value", {}, {{"ratio", kOrange, {}}}, std::nullopt,
                 [](double v) { return format_number(v) + "x"; }};
  for (const Bottleneck& b : r.bottlenecks) {
    chart.categories.push_back(or_dash(b.subtype) + " / " + or_dash(b.team));
    chart.series[0].values.push_back(b.ratio);
  }
  return svg_bar_chart(chart);
}

// ---- tables ----

std::string table(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows) {
  std::string html = "<table><tr>";
  for (const auto& h : headers) html += "<th>" + escaped(h) + "</th>";
  html += "</tr>";
  for (const auto& row : rows) {
    html += "<tr>";
    for (const auto& cell : row) html += "<td>" + escaped(cell) + "</td>";
    html += "</tr>";
  }
  return html + "</table>";
}

std::string headline(const ReportFigures& d) {
  auto n = [](std::int64_t v) { return std::to_string(v); };
  auto d_or_dash = [](const std::optional<std::int64_t>& s) { return s ? format_duration(*s) : std::string("-"); };
  return table({"tickets in", "resolved", "withdrawn", "open", "resolution rate", "first-contact resolution",
                "reopen rate", "complaints", "first response median", "resolution median"},
               {{n(d.tickets_in), n(d.resolved), n(d.withdrawn), n(d.open), format_percent(d.resolution_rate),
                 format_percent(d.first_contact_resolution_rate), format_percent(d.reopen_rate), n(d.complaints),
                 d_or_dash(d.first_response.calendar.median), d_or_dash(d.resolution.calendar.median)}});
}

std::string bottleneck_table(const Report& r) {
  std::vector<std::vector<std::string>> rows;
  for (const Bottleneck& b : r.bottlenecks)
    rows.push_back({std::string(to_string(b.measure)), or_dash(b.subtype), or_dash(b.team), std::to_string(b.count),
                    format_number(b.value), format_number(b.desk_value), format_number(b.ratio)});
  return table({"measure", "subtype", "team", "tickets", "value", "desk", "ratio"}, rows);
}

std::string agents_table(const Report& r) {
  std::vector<std::vector<std::string>> rows;
  for (const AgentLoad& a : r.agents)
    rows.push_back({a.agent, std::to_string(a.open), std::to_string(a.due_soon), std::to_string(a.overdue)});
  return table({"agent", "open", "due soon", "overdue"}, rows);
}

}  // namespace

std::string report_html(const Report& r, const Report& by_team) {
  const std::string period = format_instant(r.query.from) + " to " + format_instant(r.query.to);
  std::string html =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Service report</title><style>"
      "body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:.5em 0}"
      "td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}th{background:#f4f4f4}"
      "section{display:inline-block;vertical-align:top;margin:0 2em 2em 0}</style></head><body>\n";
  html += "<h1>Service report</h1><p>Tickets created from " + escaped(period) + ", as of " +
          escaped(format_instant(r.query.as_of)) + ".</p>\n";
  html += headline(r.desk) + "\n";
  html += "<section><h2>SLA compliance by team</h2>" + sla_by_team_chart(by_team) + "</section>\n";
  html += "<section><h2>Backlog by age</h2>" + backlog_chart(r.desk.backlog) + "</section>\n";
  html += "<section><h2>CSAT distribution</h2><p>" + std::to_string(r.desk.csat.rated) + " rated tickets</p>" +
          csat_chart(r.desk.csat) + "</section>\n";
  html += "<section><h2>Bottlenecks</h2>";
  if (r.bottlenecks.empty())
    html += "<p>No request subtype x team with at least " + std::to_string(r.query.bottleneck_min_tickets) +
            " tickets stands out.</p>";
  else
    html += bottleneck_chart(r) + bottleneck_table(r);
  html += "</section>\n<section><h2>Agents' load</h2>" + agents_table(r) + "</section>\n</body></html>\n";
  return html;
}

}  // namespace ticketcore::cli
