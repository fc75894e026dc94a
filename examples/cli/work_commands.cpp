// The day's work around the tickets: queues, the sweep of what is due, retention purges
// and the audit log.
#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "input.hpp"
#include "output.hpp"
#include "ticketcore/desk_json.hpp"
#include "ticketcore/json.hpp"

namespace ticketcore::cli {

namespace {

using nlohmann::json;

void add_queue(CLI::App& app, Session& s) {
  struct Args {
    std::string agent, team, after;
    std::size_t limit = 50;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("queue", "An agent's open tickets, or a team's unassigned ones, the earliest due first");
  auto* agent = cmd->add_option("--agent", args->agent, "this agent's queue (default: the actor's own)");
  auto* team = cmd->add_option("--team", args->team, "this team's tickets nobody holds");
  agent->excludes(team);
  cmd->add_option("--limit", args->limit, "tickets per page, 1 to 1000")->capture_default_str();
  cmd->add_option("--after", args->after, "the next-page cursor a previous page printed");
  on_run(cmd, s, [&s, args] {
    const Actor actor = s.actor();
    std::string agent_id = args->agent;
    if (args->team.empty() && agent_id.empty()) {
      if (!actor.is_staff()) throw UsageError("queue: give --agent ID or --team ID (the actor has no queue of their own)");
      agent_id = actor.id;
    }
    const auto desk = s.open_desk();
    const TicketPage page = args->team.empty() ? desk->agent_queue(actor, agent_id, args->limit, args->after)
                                               : desk->team_queue(actor, args->team, args->limit, args->after);
    if (!s.options.json)
      std::cout << (args->team.empty() ? "queue of agent " + agent_id : "unassigned in team " + args->team) << '\n';
    print_ticket_page(*desk, page, s.options.json);
  });
}

// What `sweep --act` did about one action: the host's part, done through the desk.
struct Acted {
  std::string ticket_id, what;
};

// Acts on the actions a host acts on by itself: escalations and auto-closes (the others ask
// people to do something: warn, update, send the survey). Failures are kept, not thrown, so
// one ticket does not stop the others; the actions are handed out once whatever happens.
std::vector<Acted> act_on(Desk& desk, const Actor& actor, const std::vector<DueAction>& actions,
                          std::vector<Error>& failures) {
  std::vector<Acted> acted;
  for (const DueAction& a : actions) {
    try {
      if (a.kind == DueActionKind::escalation && a.escalation_level) {
        desk.escalate(actor, {a.ticket_id, 0}, *a.escalation_level, "due: " + a.key);
        acted.push_back({a.ticket_id, "escalated to level " + std::to_string(level_number(*a.escalation_level)) +
                                          " (" + std::string(to_string(*a.escalation_level)) + ")"});
      } else if (a.kind == DueActionKind::auto_close) {
        desk.close(actor, {a.ticket_id, 0});
        acted.push_back({a.ticket_id, "closed"});
      }
    } catch (const Error& e) {
      failures.push_back(Error(e.code(), "/" + a.ticket_id + e.path(), e.message()));
    }
  }
  return acted;
}

void add_sweep(CLI::App& app, Session& s) {
  struct Args {
    std::size_t limit = 1000;
    bool act = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("sweep", "Hand out the actions due now (warnings, breaches, escalations, surveys, auto-closes), each once");
  cmd->add_option("--limit", args->limit, "at most this many tickets")->capture_default_str();
  cmd->add_flag("--act", args->act, "also escalate the escalations and close the auto-closes, as the actor");
  on_run(cmd, s, [&s, args] {
    const auto desk = s.open_desk();
    const Actor actor = s.actor();
    const Sweep sweep = desk->due(actor, args->limit);
    std::vector<Error> failures;
    const std::vector<Acted> acted = args->act ? act_on(*desk, actor, sweep.actions, failures) : std::vector<Acted>{};
    if (s.options.json) {
      json done = json::array();
      for (const Acted& a : acted) done.push_back({{"ticket_id", a.ticket_id}, {"done", a.what}});
      // The sweep's form (desk_json.hpp), and what --act did.
      json out = json::parse(to_json_text(sweep));
      out["acted"] = std::move(done);
      print_json(out.dump());
    } else {
      std::cout << "sweep at " << format_instant(sweep.at) << ": " << sweep.actions.size() << " due from "
                << sweep.tickets_read << (sweep.tickets_read == 1 ? " ticket\n" : " tickets\n");
      Table table({"due_at", "ticket", "kind", "key"});
      for (const DueAction& a : sweep.actions)
        table.add({format_instant(a.due_at), a.ticket_id, std::string(to_string(a.kind)), a.key});
      if (!table.empty()) table.print(std::cout);
      for (const Acted& a : acted) std::cout << "  " << a.ticket_id << " " << a.what << '\n';
    }
    for (std::size_t i = 1; i < failures.size(); ++i) report_error(failures[i], s.options.json);
    if (!failures.empty()) throw failures.front();
  });
}

void add_purge(CLI::App& app, Session& s) {
  auto* cmd = app.add_subcommand("purge", "Delete the tickets closed longer ago than the configured retention");
  on_run(cmd, s, [&s] {
    const Purge p = s.open_desk()->purge(s.actor());
    if (s.options.json) return print_json(to_json_text(p));
    std::cout << "purged " << p.tickets << " tickets (" << p.events << " events) closed before "
              << format_instant(p.closed_before) << '\n';
  });
}

void add_audit(CLI::App& app, Session& s) {
  struct Args {
    AuditQuery query;
    std::string action;
  };
  auto args = std::make_shared<Args>();
  auto& q = args->query;
  auto* cmd = app.add_subcommand("audit", "Read the audit log: unmasked reads, customer changes, publishes, purges, denials");
  cmd->add_option("--actor", q.actor_id, "by this agent or customer id");
  cmd->add_option("--customer", q.customer_id, "concerning this customer");
  cmd->add_option("--ticket", q.ticket_id, "concerning this ticket");
  cmd->add_option("--action", args->action, "read_unmasked, register_customer, update_customer, publish_config, purge, denied, ...");
  cmd->add_option("--limit", q.limit, "entries per page, 1 to 1000")->capture_default_str();
  cmd->add_option("--after", q.after, "the next-page cursor a previous page printed");
  on_run(cmd, s, [&s, args] {
    if (!args->action.empty()) args->query.action = parse_word<AuditAction>(args->action, "/action");
    const AuditPage page = s.open_desk()->audit(s.actor(), args->query);
    if (s.options.json) return print_json(to_json_text(page));
    Table table({"#", "at", "actor", "action", "customer", "ticket", "detail"});
    for (const AuditEntry& e : page.entries) {
      const std::string actor = std::string(to_string(e.actor.kind)) + (e.actor.id.empty() ? "" : ":" + e.actor.id);
      table.add({std::to_string(e.sequence), format_instant(e.at), actor, std::string(to_string(e.action)),
                 or_dash(e.customer_id), or_dash(e.ticket_id), e.detail});
    }
    table.print(std::cout);
    print_page_end(page.entries.size(), "entry", "entries", page.next_cursor);
  });
}

}  // namespace

void add_work_commands(CLI::App& app, Session& s) {
  add_queue(app, s);
  add_sweep(app, s);
  add_purge(app, s);
  add_audit(app, s);
}

}  // namespace ticketcore::cli
