// tickets add|show|list|search and the everyday changes (assign, status, comment, resolve,
// close, ...): each change names the ticket and, optionally, the version it was based on.
#include <iostream>
#include <map>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "csv_records.hpp"
#include "input.hpp"
#include "output.hpp"
#include "ticketcore/desk_json.hpp"
#include "ticketcore/json.hpp"
#include "ticketcore/model/json.hpp"

namespace ticketcore::cli {

namespace {

using nlohmann::json;

void add_ticket_add(CLI::App& tickets, Session& s) {
  // The options are the columns of a tickets CSV file: one reading, one set of checks.
  struct Args {
    std::map<std::string, std::string> cells;
    std::vector<std::string> tags;
    bool core_business_down = false;
  };
  auto args = std::make_shared<Args>();
  auto& c = args->cells;
  auto* cmd = tickets.add_subcommand("add", "Take in a request: numbered, prioritized, routed, assigned, SLA started");
  cmd->add_option("--customer", c["customer_id"], "the customer's id")->required();
  cmd->add_option("--subject", c["subject"], "what the request is about")->required();
  cmd->add_option("--channel", c["channel"], "phone, chat, email, portal, wechat, app or other (default)");
  cmd->add_option("--type", c["request_type"], "consultation, technical_support, complaint or other (default)");
  cmd->add_option("--subtype", c["subtype"], "a finer request type (\"software_fault\")");
  cmd->add_option("--description", c["description"], "symptom, when it happened, what was tried");
  cmd->add_option("--urgency", c["urgency"], "low, medium (default), high or critical");
  cmd->add_option("--users-affected", c["users_affected"], "how many users are affected");
  cmd->add_flag("--core-business-down", args->core_business_down, "the customer's core business is down");
  cmd->add_option("--expected-by", c["expected_resolution_at"], "when the customer expects it solved (RFC 3339)");
  cmd->add_option("--tag", args->tags, "a tag (repeatable)");
  on_run(cmd, s, [&s, args] {
    args->cells["tags"] = list_cell(args->tags);
    if (args->core_business_down) args->cells["core_business_down"] = "true";
    const Ticket request = request_from_cells([&](const std::string& column) { return args->cells[column]; });
    const TakeInResult r = s.open_desk()->take_in(s.actor(), request);
    if (s.options.json) return print_json(to_json_text(r));
    const Ticket& t = r.ticket;
    std::cout << t.id << ": " << or_dash(t.priority) << ", team " << or_dash(t.team) << ", "
              << (t.assignee.empty() ? "queued" : "assigned to " + t.assignee) << '\n';
    print_host_actions(r.actions);
  });
}

// ---- show ----

void print_view(const TicketView& v) {
  const Ticket& t = v.ticket;
  std::cout << t.id << "  " << t.subject << '\n';
  print_fields({{"status", std::string(to_string(t.status)) + ", stage " + std::string(to_string(t.stage))},
                {"priority", or_dash(t.priority)},
                {"customer", t.customer_id},
                {"channel", std::string(to_string(t.channel))},
                {"type", std::string(to_string(t.request_type)) + (t.subtype.empty() ? "" : " / " + t.subtype)},
                {"team", or_dash(t.team)},
                {"assignee", or_dash(t.assignee)},
                {"tags", join(t.tags, ", ")},
                {"description", t.description},
                {"created", format_instant(t.created_at)},
                {"updated", format_instant(t.updated_at) + " (version " + std::to_string(t.version) + ")"}});

  std::cout << "\nhistory\n";
  Table history({"#", "at", "actor", "event", "details"});
  for (const Event& e : v.events)
    history.add({std::to_string(e.sequence), format_instant(e.at), e.actor, std::string(to_string(e.kind)),
                 json(e)["payload"].dump()});
  history.print(std::cout);

  std::cout << "\nSLA now (policy " << or_dash(v.sla.policy) << ", configuration " << v.config_version << ")\n";
  Table sla({"target", "state", "due", "remaining", "used"});
  for (const TargetStatus& target : v.sla.targets)
    sla.add({std::string(to_string(target.target)), std::string(to_string(target.state)), format_instant(target.due_at),
             format_duration(target.remaining_seconds), format_percent(target.percent_used / 100)});
  sla.print(std::cout);

  std::cout << "\nrouting now\n" << v.routing.to_text();
  if (!v.due_handed_out.empty()) {
    std::cout << "\ndue actions handed out\n";
    Table keys({"at", "key"});
    for (const HandedOutKey& k : v.due_handed_out) keys.add({format_instant(k.at), k.key});
    keys.print(std::cout);
  }
}

void add_ticket_show(CLI::App& tickets, Session& s) {
  auto id = std::make_shared<std::string>();
  auto* cmd = tickets.add_subcommand("show", "Show a ticket: its history, its SLA status now, how the rules route it now");
  cmd->add_option("ticket", *id, "the ticket number")->required();
  on_run(cmd, s, [&s, id] {
    const TicketView view = s.open_desk()->show(s.actor(), *id);
    s.options.json ? print_json(to_json_text(view)) : print_view(view);
  });
}

// ---- list and search ----

// The filters of `tickets list` and `tickets search`, as typed; read into a TicketQuery on run.
struct QueryArgs {
  std::vector<std::string> statuses;
  std::string channel, created_from, created_before, order = "created_at", assignee;
  bool descending = false;
  TicketQuery query;
};

void add_query_options(CLI::App* cmd, QueryArgs& a) {
  cmd->add_option("--status", a.statuses, "new, assigned, in_progress, pending_customer, resolved, ... (repeatable)");
  cmd->add_option("--team", a.query.team, "of this team");
  cmd->add_option("--assignee", a.assignee, "assigned to this agent; \"-\" for unassigned");
  cmd->add_option("--customer", a.query.customer_id, "of this customer");
  cmd->add_option("--priority", a.query.priority, "of this priority level (\"P1\")");
  cmd->add_option("--tag", a.query.tag, "carrying this tag");
  cmd->add_option("--channel", a.channel, "taken in on this channel");
  cmd->add_option("--created-from", a.created_from, "created at or after this instant");
  cmd->add_option("--created-before", a.created_before, "created before this instant");
  cmd->add_option("--order", a.order, "created_at (default), updated_at, due_at or id");
  cmd->add_flag("--desc", a.descending, "newest / latest first");
  cmd->add_option("--limit", a.query.limit, "tickets per page, 1 to 1000")->capture_default_str();
  cmd->add_option("--after", a.query.after, "the next-page cursor a previous page printed");
}

std::optional<Instant> instant_option(const std::string& text, const std::string& path) {
  if (text.empty()) return std::nullopt;
  if (auto at = parse_instant(text)) return at;
  throw Error(ErrorCode::invalid_input, path, "not an RFC 3339 instant: \"" + text + "\"");
}

TicketQuery read_query(QueryArgs& a) {
  TicketQuery q = a.query;
  for (std::size_t i = 0; i < a.statuses.size(); ++i)
    q.statuses.push_back(parse_word<Status>(a.statuses[i], "/statuses/" + std::to_string(i)));
  if (!a.channel.empty()) q.channel = parse_word<Channel>(a.channel, "/channel");
  if (!a.assignee.empty()) q.assignee = a.assignee == "-" ? "" : a.assignee;
  q.created_from = instant_option(a.created_from, "/created_from");
  q.created_before = instant_option(a.created_before, "/created_before");
  static const std::map<std::string, TicketOrder> orders{{"created_at", TicketOrder::created_at},
                                                         {"updated_at", TicketOrder::updated_at},
                                                         {"due_at", TicketOrder::due_at},
                                                         {"id", TicketOrder::id}};
  const auto order = orders.find(a.order);
  if (order == orders.end())
    throw Error(ErrorCode::invalid_input, "/order",
                "unknown value \"" + a.order + "\" (expected one of: created_at, updated_at, due_at, id)");
  q.order = order->second;
  q.descending = a.descending;
  return q;
}

void add_list_and_search(CLI::App& tickets, Session& s) {
  auto list_args = std::make_shared<QueryArgs>();
  auto* list = tickets.add_subcommand("list", "List the tickets the actor sees, filtered and paged");
  add_query_options(list, *list_args);
  on_run(list, s, [&s, list_args] {
    const auto desk = s.open_desk();
    print_ticket_page(*desk, desk->find_tickets(s.actor(), read_query(*list_args)), s.options.json);
  });

  auto search_args = std::make_shared<QueryArgs>();
  auto* search = tickets.add_subcommand("search", "Full-text search over subjects, descriptions and comments (Chinese too)");
  search->add_option("text", search_args->query.text, "every word must match")->required();
  add_query_options(search, *search_args);
  on_run(search, s, [&s, search_args] {
    const auto desk = s.open_desk();
    print_ticket_page(*desk, desk->find_tickets(s.actor(), read_query(*search_args)), s.options.json);
  });
}

// ---- changes ----

using ChangeRun = std::function<Change(Desk&, const Actor&, const TicketRef&)>;

// A change subcommand: the ticket number, --version, then what `run` does with them.
CLI::App* add_change(CLI::App& tickets, Session& s, const std::string& name, const std::string& help, ChangeRun run) {
  auto ref = std::make_shared<TicketRef>();
  auto* cmd = tickets.add_subcommand(name, help);
  cmd->add_option("ticket", ref->id, "the ticket number")->required();
  cmd->add_option("--version", ref->version,
                  "the version the change is based on: a conflict (exit 75) if it changed since; 0: whatever is stored");
  on_run(cmd, s, [&s, ref, run] {
    const auto desk = s.open_desk();
    print_change(run(*desk, s.actor(), *ref), s.options.json);
  });
  return cmd;
}

EscalationLevel level_of(const std::string& text) {
  if (const auto word = escalation_level_from_word(text)) return *word;
  if (text.size() == 1 && text[0] >= '1' && text[0] <= '4') return escalation_level(text[0] - '0', "/level");
  throw Error(ErrorCode::invalid_input, "/level",
              "unknown level \"" + text + "\" (expected 1-4 or handler, team_lead, supervisor, manager)");
}

void add_changes(CLI::App& tickets, Session& s) {
  // The words each change takes after the ticket number.
  struct Args {
    std::string agent, status, text, reason, level, note, remedy, approver = "supervisor", comment;
    int efficiency = 0, attitude = 0, effectiveness = 0;
    bool internal = false;
  };
  auto a = std::make_shared<Args>();

  add_change(tickets, s, "assign", "Assign or reassign to an agent",
             [a](Desk& d, const Actor& who, const TicketRef& t) { return d.assign(who, t, a->agent); })
      ->add_option("agent", a->agent, "the agent's id")->required();

  auto* status = add_change(tickets, s, "status", "Move to another status the workflow allows",
                            [a](Desk& d, const Actor& who, const TicketRef& t) {
                              return d.change_status(who, t, parse_word<Status>(a->status, "/status"), a->reason);
                            });
  status->add_option("status", a->status, "assigned, in_progress, pending_customer, ...")->required();
  status->add_option("--reason", a->reason, "why");

  auto* comment = add_change(tickets, s, "comment", "Add a comment the customer sees (--internal: only the desk)",
                             [a](Desk& d, const Actor& who, const TicketRef& t) {
                               return a->internal ? d.internal_comment(who, t, a->text) : d.comment(who, t, a->text);
                             });
  comment->add_option("text", a->text, "the comment")->required();
  comment->add_flag("--internal", a->internal, "a note only the desk sees");

  add_change(tickets, s, "progress", "Record the handler's progress update",
             [a](Desk& d, const Actor& who, const TicketRef& t) { return d.progress_update(who, t, a->text); })
      ->add_option("text", a->text, "what has been done")->required();

  auto* priority = add_change(tickets, s, "priority", "Set the priority by hand, with a reason",
                              [a](Desk& d, const Actor& who, const TicketRef& t) {
                                return d.change_priority(who, t, a->level, a->reason);
                              });
  priority->add_option("level", a->level, "a level of the desk's priority scheme (\"P1\")")->required();
  priority->add_option("--reason", a->reason, "why")->required();

  auto* escalate = add_change(tickets, s, "escalate", "Escalate to a level of the ticket's team",
                              [a](Desk& d, const Actor& who, const TicketRef& t) {
                                return d.escalate(who, t, level_of(a->level), a->reason);
                              });
  escalate->add_option("level", a->level, "1-4 or handler, team_lead, supervisor, manager")->required();
  escalate->add_option("--reason", a->reason, "why")->required();

  add_change(tickets, s, "resolve", "Resolve with a summary of the fix",
             [a](Desk& d, const Actor& who, const TicketRef& t) { return d.resolve(who, t, a->text); })
      ->add_option("summary", a->text, "what fixed it")->required();

  add_change(tickets, s, "close", "Close a resolved ticket",
             [](Desk& d, const Actor& who, const TicketRef& t) { return d.close(who, t); });

  add_change(tickets, s, "reopen", "Reopen a resolved ticket",
             [a](Desk& d, const Actor& who, const TicketRef& t) { return d.reopen(who, t, a->reason); })
      ->add_option("reason", a->reason, "why")->required();

  add_change(tickets, s, "cancel", "Cancel an open ticket",
             [a](Desk& d, const Actor& who, const TicketRef& t) { return d.cancel(who, t, a->reason); })
      ->add_option("reason", a->reason, "why")->required();

  auto* rate = add_change(tickets, s, "rate", "Record the customer's satisfaction: 1-5 stars on three axes",
                          [a](Desk& d, const Actor& who, const TicketRef& t) {
                            return d.rate(who, t, Satisfaction{a->efficiency, a->attitude, a->effectiveness, a->comment});
                          });
  rate->add_option("efficiency", a->efficiency, "how fast, 1-5")->required();
  rate->add_option("attitude", a->attitude, "how friendly, 1-5")->required();
  rate->add_option("effectiveness", a->effectiveness, "how well solved, 1-5")->required();
  rate->add_option("--comment", a->comment, "the customer's words");

  auto* request = add_change(tickets, s, "request-approval", "Ask for approval of a remedy (a complaint's compensation)",
                             [a](Desk& d, const Actor& who, const TicketRef& t) {
                               return d.request_remedy_approval(who, t, a->remedy, level_of(a->approver));
                             });
  request->add_option("remedy", a->remedy, "what would be offered")->required();
  request->add_option("--approver", a->approver, "the level that approves (default supervisor)");

  add_change(tickets, s, "approve", "Grant the pending remedy approval",
             [a](Desk& d, const Actor& who, const TicketRef& t) { return d.approve_remedy(who, t, a->note); })
      ->add_option("--note", a->note, "a note for the handler");

  add_change(tickets, s, "refuse", "Refuse the pending remedy approval",
             [a](Desk& d, const Actor& who, const TicketRef& t) { return d.refuse_remedy(who, t, a->reason); })
      ->add_option("reason", a->reason, "why")->required();
}

}  // namespace

void add_ticket_commands(CLI::App& app, Session& s) {
  auto* tickets = app.add_subcommand("tickets", "Take in, show, list, search and change tickets");
  tickets->require_subcommand(1);
  add_ticket_add(*tickets, s);
  add_ticket_show(*tickets, s);
  add_list_and_search(*tickets, s);
  add_changes(*tickets, s);
}

}  // namespace ticketcore::cli
