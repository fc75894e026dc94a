// report: the service metrics (docs/metrics.md) as text tables, JSON or an HTML page.
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "html_report.hpp"
#include "output.hpp"
#include "text_report.hpp"
#include "ticketcore/metrics/report_json.hpp"

namespace ticketcore::cli {

namespace {

using nlohmann::json;

struct Args {
  std::string from = "1970-01-01T00:00:00Z", to, as_of, html;
  std::vector<std::string> group_by{"team"};
  std::int64_t due_soon_seconds = 4 * 3600, bottleneck_min_tickets = 10;
  double bottleneck_factor = 1.5;
};

// The query is written as its JSON form and read back, so a bad option is refused with the
// field's path like any query a host sends ("/group_by/1: unknown value").
ReportQuery query_of(const Args& a, Instant now) {
  json q = {{"from", a.from},
            {"to", a.to.empty() ? format_instant(now + Seconds(1)) : a.to},
            {"as_of", a.as_of.empty() ? format_instant(now) : a.as_of},
            {"group_by", a.group_by},
            {"due_soon_seconds", a.due_soon_seconds},
            {"bottleneck_min_tickets", a.bottleneck_min_tickets},
            {"bottleneck_factor", a.bottleneck_factor}};
  if (a.group_by.size() == 1 && a.group_by[0] == "none") q["group_by"] = json::array();
  return from_json_text<ReportQuery>(q.dump());
}

}  // namespace

void add_report_commands(CLI::App& app, Session& s) {
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("report", "Service metrics: volumes, response and resolution times, SLA compliance, CSAT, bottlenecks");
  cmd->add_option("--from", args->from, "the period's start, on created_at (default: every ticket)");
  cmd->add_option("--to", args->to, "the period's end, excluded (default: just after now)");
  cmd->add_option("--as-of", args->as_of, "when backlog ages and overdue targets are measured (default: now)");
  cmd->add_option("--group-by", args->group_by,
                  "agent, team, request_type, subtype, priority, channel, tier (repeatable; default team; none for the desk only)");
  cmd->add_option("--due-soon-seconds", args->due_soon_seconds, "the agents' due-soon window")->capture_default_str();
  cmd->add_option("--bottleneck-min", args->bottleneck_min_tickets, "tickets a bottleneck group needs")->capture_default_str();
  cmd->add_option("--bottleneck-factor", args->bottleneck_factor, "how many times the desk's value stands out")->capture_default_str();
  cmd->add_option("--html", args->html, "also write the report as one self-contained HTML page with SVG charts");
  on_run(cmd, s, [&s, args] {
    const auto desk = s.open_desk();
    const Actor actor = s.actor();
    const ReportQuery query = query_of(*args, s.now());
    const Report report = desk->report(actor, query);
    if (!args->html.empty()) {
      ReportQuery team_query = query;
      team_query.group_by = {GroupDimension::team};
      const Report by_team = team_query == query ? report : desk->report(actor, team_query);
      std::ofstream page(args->html, std::ios::binary | std::ios::trunc);
      page << report_html(report, by_team);
      if (!page.flush()) throw Error(ErrorCode::storage, "--html", "cannot write " + args->html);
    }
    s.options.json ? print_json(to_json_text(report)) : print_report_text(report, std::cout);
  });
}

}  // namespace ticketcore::cli
