// The Desk use cases as C calls: read the arguments (arguments.hpp), run the Desk method
// (one transaction), hand back its JSON form (buffers.hpp). Each body is one guard():
// no exception leaves, and the thread's last error says why a call failed.
#include <string>

#include "arguments.hpp"
#include "buffers.hpp"
#include "desk_handle.hpp"
#include "ticketcore/desk_json.hpp"
#include "ticketcore/json.hpp"
#include "ticketcore/metrics/report_json.hpp"
#include "ticketcore/model/json.hpp"

using namespace ticketcore;
using namespace ticketcore::capi;

namespace {

// The ticket a change names: its id and the version the caller saw (0: whatever is stored).
TicketRef ticket_ref(const char* ticket_id, int64_t version, const char* id_name = "ticket_id",
                     const char* version_name = "version") {
  if (version < 0)
    throw ArgumentError(version_name, Error(ErrorCode::invalid_input, "", "must not be negative"));
  return TicketRef{std::string(text_arg(ticket_id, id_name)), version};
}

// A change to one ticket: the arguments every such call shares are read here, in the
// order of the C signature, then `run` reads its own and calls the Desk.
template <class Run>
int change_call(char** out_json, tc_desk* desk, const char* actor_json, const char* ticket_id, int64_t version,
                Run&& run) {
  return guard([&] {
    out_arg(out_json, "out_json");
    Desk& d = desk_arg(desk);
    const Actor actor = actor_arg(actor_json);
    const TicketRef ref = ticket_ref(ticket_id, version);
    give(out_json, to_json_text(run(d, actor, ref)));
  });
}

// Rows per page: 0 asks for the default; the store refuses more than it serves.
std::size_t page_limit(size_t limit) {
  if (limit > 1000) throw ArgumentError("limit", Error(ErrorCode::invalid_input, "", "at most 1000"));
  return limit == 0 ? 50 : limit;
}

}  // namespace

extern "C" {

// ---- Customers ----

int tc_desk_register_customer(char** out_json, tc_desk* desk, const char* actor_json, const char* customer_json) {
  return guard([&] {
    out_arg(out_json, "out_json");
    Desk& d = desk_arg(desk);
    const Actor actor = actor_arg(actor_json);
    Customer customer = customer_arg(customer_json, "customer");
    give(out_json, to_json_text(d.register_customer(actor, std::move(customer))));
  });
}

int tc_desk_customer(char** out_json, tc_desk* desk, const char* actor_json, const char* customer_id) {
  return guard([&] {
    out_arg(out_json, "out_json");
    Desk& d = desk_arg(desk);
    const Actor actor = actor_arg(actor_json);
    give(out_json, to_json_text(d.customer(actor, text_arg(customer_id, "customer_id"))));
  });
}

int tc_desk_find_customers(char** out_json, tc_desk* desk, const char* actor_json, const char* query_json) {
  return guard([&] {
    out_arg(out_json, "out_json");
    Desk& d = desk_arg(desk);
    const Actor actor = actor_arg(actor_json);
    const CustomerQuery query = customer_query_arg(query_json, "query");
    give(out_json, to_json_text(d.find_customers(actor, query)));
  });
}

int tc_desk_update_customer(char** out_json, tc_desk* desk, const char* actor_json, const char* customer_json) {
  return guard([&] {
    out_arg(out_json, "out_json");
    Desk& d = desk_arg(desk);
    const Actor actor = actor_arg(actor_json);
    Customer customer = customer_arg(customer_json, "customer");
    give(out_json, to_json_text(d.update_customer(actor, std::move(customer))));
  });
}

int tc_desk_customer_unmasked(char** out_json, tc_desk* desk, const char* actor_json, const char* customer_id) {
  return guard([&] {
    out_arg(out_json, "out_json");
    Desk& d = desk_arg(desk);
    const Actor actor = actor_arg(actor_json);
    give(out_json, to_json_text(d.customer_unmasked(actor, text_arg(customer_id, "customer_id"))));
  });
}

int tc_desk_record_purchase(char** out_json, tc_desk* desk, const char* actor_json, const char* customer_id,
                            const char* purchase_json) {
  return guard([&] {
    out_arg(out_json, "out_json");
    Desk& d = desk_arg(desk);
    const Actor actor = actor_arg(actor_json);
    const std::string_view customer = text_arg(customer_id, "customer_id");
    Purchase purchase = purchase_arg(purchase_json, "purchase");
    give(out_json, to_json_text(d.record_purchase(actor, customer, std::move(purchase))));
  });
}

int tc_desk_merge_customers(char** out_json, tc_desk* desk, const char* actor_json, const char* duplicate_id,
                            const char* kept_id) {
  return guard([&] {
    out_arg(out_json, "out_json");
    Desk& d = desk_arg(desk);
    const Actor actor = actor_arg(actor_json);
    const std::string_view duplicate = text_arg(duplicate_id, "duplicate_id");
    const std::string_view kept = text_arg(kept_id, "kept_id");
    give(out_json, to_json_text(d.merge_customers(actor, duplicate, kept)));
  });
}

int tc_desk_reverse_customer_merge(char** out_json, tc_desk* desk, const char* actor_json, const char* duplicate_id,
                                   const char* reason) {
  return guard([&] {
    out_arg(out_json, "out_json");
    Desk& d = desk_arg(desk);
    const Actor actor = actor_arg(actor_json);
    const std::string_view duplicate = text_arg(duplicate_id, "duplicate_id");
    give(out_json, to_json_text(d.reverse_customer_merge(actor, duplicate, text_arg(reason, "reason"))));
  });
}

int tc_desk_customer_history(char** out_json, tc_desk* desk, const char* actor_json, const char* query_json) {
  return guard([&] {
    out_arg(out_json, "out_json");
    Desk& d = desk_arg(desk);
    const Actor actor = actor_arg(actor_json);
    const HistoryQuery query = history_query_arg(query_json, "query");
    give(out_json, to_json_text(d.customer_history(actor, query)));
  });
}

int tc_desk_customer_profile(char** out_json, tc_desk* desk, const char* actor_json, const char* customer_id) {
  return guard([&] {
    out_arg(out_json, "out_json");
    Desk& d = desk_arg(desk);
    const Actor actor = actor_arg(actor_json);
    give(out_json, to_json_text(d.customer_profile(actor, text_arg(customer_id, "customer_id"))));
  });
}

// ---- Tickets ----

int tc_desk_take_in(char** out_json, tc_desk* desk, const char* actor_json, const char* request_json) {
  return guard([&] {
    out_arg(out_json, "out_json");
    Desk& d = desk_arg(desk);
    const Actor actor = actor_arg(actor_json);
    const Ticket request = ticket_arg(request_json, "request");
    give(out_json, to_json_text(d.take_in(actor, request)));
  });
}

int tc_desk_show(char** out_json, tc_desk* desk, const char* actor_json, const char* ticket_id) {
  return guard([&] {
    out_arg(out_json, "out_json");
    Desk& d = desk_arg(desk);
    const Actor actor = actor_arg(actor_json);
    give(out_json, to_json_text(d.show(actor, text_arg(ticket_id, "ticket_id"))));
  });
}

int tc_desk_find_tickets(char** out_json, tc_desk* desk, const char* actor_json, const char* query_json) {
  return guard([&] {
    out_arg(out_json, "out_json");
    Desk& d = desk_arg(desk);
    const Actor actor = actor_arg(actor_json);
    const TicketQuery query = ticket_query_arg(query_json, "query");
    give(out_json, to_json_text(d.find_tickets(actor, query)));
  });
}

int tc_desk_agent_queue(char** out_json, tc_desk* desk, const char* actor_json, const char* agent_id,
                        size_t limit, const char* after) {
  return guard([&] {
    out_arg(out_json, "out_json");
    Desk& d = desk_arg(desk);
    const Actor actor = actor_arg(actor_json);
    const std::string_view agent = text_arg(agent_id, "agent_id");
    give(out_json, to_json_text(d.agent_queue(actor, agent, page_limit(limit), optional_text_arg(after, "after"))));
  });
}

int tc_desk_team_queue(char** out_json, tc_desk* desk, const char* actor_json, const char* team_id, size_t limit,
                       const char* after) {
  return guard([&] {
    out_arg(out_json, "out_json");
    Desk& d = desk_arg(desk);
    const Actor actor = actor_arg(actor_json);
    const std::string_view team = text_arg(team_id, "team_id");
    give(out_json, to_json_text(d.team_queue(actor, team, page_limit(limit), optional_text_arg(after, "after"))));
  });
}

// ---- Changes to one ticket ----

int tc_desk_comment(char** out_json, tc_desk* desk, const char* actor_json, const char* ticket_id, int64_t version,
                    const char* text) {
  return change_call(out_json, desk, actor_json, ticket_id, version, [&](Desk& d, const Actor& a, const TicketRef& t) {
    return d.comment(a, t, text_arg(text, "text"));
  });
}

int tc_desk_change_status(char** out_json, tc_desk* desk, const char* actor_json, const char* ticket_id,
                          int64_t version, const char* status, const char* reason) {
  return change_call(out_json, desk, actor_json, ticket_id, version, [&](Desk& d, const Actor& a, const TicketRef& t) {
    const Status to = status_arg(status, "status");
    return d.change_status(a, t, to, optional_text_arg(reason, "reason"));
  });
}

int tc_desk_assign(char** out_json, tc_desk* desk, const char* actor_json, const char* ticket_id, int64_t version,
                   const char* agent_id) {
  return change_call(out_json, desk, actor_json, ticket_id, version, [&](Desk& d, const Actor& a, const TicketRef& t) {
    return d.assign(a, t, text_arg(agent_id, "agent_id"));
  });
}

int tc_desk_resolve(char** out_json, tc_desk* desk, const char* actor_json, const char* ticket_id, int64_t version,
                    const char* summary) {
  return change_call(out_json, desk, actor_json, ticket_id, version, [&](Desk& d, const Actor& a, const TicketRef& t) {
    return d.resolve(a, t, text_arg(summary, "summary"));
  });
}

int tc_desk_internal_comment(char** out_json, tc_desk* desk, const char* actor_json, const char* ticket_id,
                             int64_t version, const char* text) {
  return change_call(out_json, desk, actor_json, ticket_id, version, [&](Desk& d, const Actor& a, const TicketRef& t) {
    return d.internal_comment(a, t, text_arg(text, "text"));
  });
}

int tc_desk_progress_update(char** out_json, tc_desk* desk, const char* actor_json, const char* ticket_id,
                            int64_t version, const char* text) {
  return change_call(out_json, desk, actor_json, ticket_id, version, [&](Desk& d, const Actor& a, const TicketRef& t) {
    return d.progress_update(a, t, text_arg(text, "text"));
  });
}

int tc_desk_escalate(char** out_json, tc_desk* desk, const char* actor_json, const char* ticket_id, int64_t version,
                     int level, const char* reason) {
  return change_call(out_json, desk, actor_json, ticket_id, version, [&](Desk& d, const Actor& a, const TicketRef& t) {
    return d.escalate(a, t, level_arg(level, "level"), text_arg(reason, "reason"));
  });
}

int tc_desk_change_priority(char** out_json, tc_desk* desk, const char* actor_json, const char* ticket_id,
                            int64_t version, const char* level, const char* reason) {
  return change_call(out_json, desk, actor_json, ticket_id, version, [&](Desk& d, const Actor& a, const TicketRef& t) {
    return d.change_priority(a, t, text_arg(level, "level"), text_arg(reason, "reason"));
  });
}

int tc_desk_propose_solutions(char** out_json, tc_desk* desk, const char* actor_json, const char* ticket_id,
                              int64_t version, const char* options_json) {
  return change_call(out_json, desk, actor_json, ticket_id, version, [&](Desk& d, const Actor& a, const TicketRef& t) {
    return d.propose_solutions(a, t, solution_options_arg(options_json, "options"));
  });
}

int tc_desk_choose_solution(char** out_json, tc_desk* desk, const char* actor_json, const char* ticket_id,
                            int64_t version, const char* option_id) {
  return change_call(out_json, desk, actor_json, ticket_id, version, [&](Desk& d, const Actor& a, const TicketRef& t) {
    return d.choose_solution(a, t, text_arg(option_id, "option_id"));
  });
}

int tc_desk_request_remedy_approval(char** out_json, tc_desk* desk, const char* actor_json, const char* ticket_id,
                                    int64_t version, const char* remedy, int approver_level) {
  return change_call(out_json, desk, actor_json, ticket_id, version, [&](Desk& d, const Actor& a, const TicketRef& t) {
    return d.request_remedy_approval(a, t, text_arg(remedy, "remedy"), level_arg(approver_level, "approver_level"));
  });
}

int tc_desk_approve_remedy(char** out_json, tc_desk* desk, const char* actor_json, const char* ticket_id,
                           int64_t version, const char* note) {
  return change_call(out_json, desk, actor_json, ticket_id, version, [&](Desk& d, const Actor& a, const TicketRef& t) {
    return d.approve_remedy(a, t, optional_text_arg(note, "note"));
  });
}

int tc_desk_refuse_remedy(char** out_json, tc_desk* desk, const char* actor_json, const char* ticket_id,
                          int64_t version, const char* reason) {
  return change_call(out_json, desk, actor_json, ticket_id, version, [&](Desk& d, const Actor& a, const TicketRef& t) {
    return d.refuse_remedy(a, t, text_arg(reason, "reason"));
  });
}

int tc_desk_record_responsibility(char** out_json, tc_desk* desk, const char* actor_json, const char* ticket_id,
                                  int64_t version, const char* responsibility_json) {
  return change_call(out_json, desk, actor_json, ticket_id, version, [&](Desk& d, const Actor& a, const TicketRef& t) {
    return d.record_responsibility(a, t, responsibility_arg(responsibility_json, "responsibility"));
  });
}

int tc_desk_sign_off(char** out_json, tc_desk* desk, const char* actor_json, const char* ticket_id, int64_t version,
                     const char* what) {
  return change_call(out_json, desk, actor_json, ticket_id, version, [&](Desk& d, const Actor& a, const TicketRef& t) {
    return d.sign_off(a, t, text_arg(what, "what"));
  });
}

int tc_desk_rate(char** out_json, tc_desk* desk, const char* actor_json, const char* ticket_id, int64_t version,
                 const char* rating_json) {
  return change_call(out_json, desk, actor_json, ticket_id, version, [&](Desk& d, const Actor& a, const TicketRef& t) {
    return d.rate(a, t, rating_arg(rating_json, "rating"));
  });
}

int tc_desk_close_ticket(char** out_json, tc_desk* desk, const char* actor_json, const char* ticket_id,
                         int64_t version) {
  return change_call(out_json, desk, actor_json, ticket_id, version,
                     [&](Desk& d, const Actor& a, const TicketRef& t) { return d.close(a, t); });
}

int tc_desk_reopen(char** out_json, tc_desk* desk, const char* actor_json, const char* ticket_id, int64_t version,
                   const char* reason) {
  return change_call(out_json, desk, actor_json, ticket_id, version, [&](Desk& d, const Actor& a, const TicketRef& t) {
    return d.reopen(a, t, text_arg(reason, "reason"));
  });
}

int tc_desk_cancel(char** out_json, tc_desk* desk, const char* actor_json, const char* ticket_id, int64_t version,
                   const char* reason) {
  return change_call(out_json, desk, actor_json, ticket_id, version, [&](Desk& d, const Actor& a, const TicketRef& t) {
    return d.cancel(a, t, text_arg(reason, "reason"));
  });
}

int tc_desk_merge_tickets(char** out_json, tc_desk* desk, const char* actor_json, const char* duplicate_id,
                          int64_t duplicate_version, const char* kept_id, int64_t kept_version) {
  return guard([&] {
    out_arg(out_json, "out_json");
    Desk& d = desk_arg(desk);
    const Actor actor = actor_arg(actor_json);
    const TicketRef duplicate = ticket_ref(duplicate_id, duplicate_version, "duplicate_id", "duplicate_version");
    const TicketRef kept = ticket_ref(kept_id, kept_version, "kept_id", "kept_version");
    give(out_json, to_json_text(d.merge(actor, duplicate, kept)));
  });
}

// ---- Configuration ----

int tc_desk_config(char** out_json, tc_desk* desk) {
  return guard([&] {
    out_arg(out_json, "out_json");
    give(out_json, desk_arg(desk).config().to_json_text());
  });
}

int tc_desk_dry_run(char** out_json, tc_desk* desk, const char* actor_json, const char* config_json) {
  return guard([&] {
    out_arg(out_json, "out_json");
    Desk& d = desk_arg(desk);
    const Actor actor = actor_arg(actor_json);
    const DeskConfig proposed = config_arg(config_json, "config");
    give(out_json, to_json_text(d.dry_run(actor, proposed)));
  });
}

int tc_desk_publish(tc_desk* desk, const char* actor_json, const char* config_json) {
  return guard([&] {
    Desk& d = desk_arg(desk);
    const Actor actor = actor_arg(actor_json);
    d.publish(actor, config_arg(config_json, "config"));
  });
}

// ---- Time ----

int tc_desk_due(char** out_json, tc_desk* desk, const char* actor_json, size_t max_tickets) {
  return guard([&] {
    out_arg(out_json, "out_json");
    Desk& d = desk_arg(desk);
    const Actor actor = actor_arg(actor_json);
    give(out_json, to_json_text(d.due(actor, max_tickets == 0 ? 1000 : max_tickets)));
  });
}

int tc_desk_purge(char** out_json, tc_desk* desk, const char* actor_json) {
  return guard([&] {
    out_arg(out_json, "out_json");
    Desk& d = desk_arg(desk);
    const Actor actor = actor_arg(actor_json);
    give(out_json, to_json_text(d.purge(actor)));
  });
}

// ---- Metrics and the audit log ----

int tc_desk_report(char** out_json, tc_desk* desk, const char* actor_json, const char* query_json) {
  return guard([&] {
    out_arg(out_json, "out_json");
    Desk& d = desk_arg(desk);
    const Actor actor = actor_arg(actor_json);
    const ReportQuery query = report_query_arg(query_json, "query");
    give(out_json, to_json_text(d.report(actor, query)));
  });
}

int tc_desk_audit(char** out_json, tc_desk* desk, const char* actor_json, const char* query_json) {
  return guard([&] {
    out_arg(out_json, "out_json");
    Desk& d = desk_arg(desk);
    const Actor actor = actor_arg(actor_json);
    const AuditQuery query = audit_query_arg(query_json, "query");
    give(out_json, to_json_text(d.audit(actor, query)));
  });
}

}  // extern "C"
