// The Desk use cases as C calls: read the arguments (arguments.hpp), run the Desk method
// (one transaction), hand back its JSON form (buffers.hpp). Each body is one guard():
// no exception leaves, and the thread's last error says why a call failed.
#include <string>

#include "arguments.hpp"
#include "buffers.hpp"
#include "desk_handle.hpp"
#include "desk_json.hpp"
#include "ticketcore/json.hpp"
#include "ticketcore/model/json.hpp"

using namespace ticketcore;
using namespace ticketcore::capi;

namespace {

// The ticket a change names: its id and the version the caller saw (0: whatever is stored).
TicketRef ticket_ref(const char* ticket_id, int64_t version) {
  if (version < 0)
    throw ArgumentError("version", Error(ErrorCode::invalid_input, "", "must not be negative"));
  return TicketRef{std::string(text_arg(ticket_id, "ticket_id")), version};
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
    give(out_json, capi::to_json_text(d.find_customers(actor, query)));
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
    give(out_json, capi::to_json_text(d.show(actor, text_arg(ticket_id, "ticket_id"))));
  });
}

int tc_desk_find_tickets(char** out_json, tc_desk* desk, const char* actor_json, const char* query_json) {
  return guard([&] {
    out_arg(out_json, "out_json");
    Desk& d = desk_arg(desk);
    const Actor actor = actor_arg(actor_json);
    const TicketQuery query = ticket_query_arg(query_json, "query");
    give(out_json, capi::to_json_text(d.find_tickets(actor, query)));
  });
}

int tc_desk_agent_queue(char** out_json, tc_desk* desk, const char* actor_json, const char* agent_id,
                        size_t limit, const char* after) {
  return guard([&] {
    out_arg(out_json, "out_json");
    Desk& d = desk_arg(desk);
    const Actor actor = actor_arg(actor_json);
    const std::string_view agent = text_arg(agent_id, "agent_id");
    give(out_json, capi::to_json_text(d.agent_queue(actor, agent, page_limit(limit), optional_text_arg(after, "after"))));
  });
}

// ---- Changes to one ticket ----

int tc_desk_comment(char** out_json, tc_desk* desk, const char* actor_json, const char* ticket_id, int64_t version,
                    const char* text) {
  return guard([&] {
    out_arg(out_json, "out_json");
    Desk& d = desk_arg(desk);
    const Actor actor = actor_arg(actor_json);
    const TicketRef ref = ticket_ref(ticket_id, version);
    give(out_json, to_json_text(d.comment(actor, ref, text_arg(text, "text"))));
  });
}

int tc_desk_change_status(char** out_json, tc_desk* desk, const char* actor_json, const char* ticket_id,
                          int64_t version, const char* status, const char* reason) {
  return guard([&] {
    out_arg(out_json, "out_json");
    Desk& d = desk_arg(desk);
    const Actor actor = actor_arg(actor_json);
    const TicketRef ref = ticket_ref(ticket_id, version);
    const Status to = status_arg(status, "status");
    give(out_json, to_json_text(d.change_status(actor, ref, to, optional_text_arg(reason, "reason"))));
  });
}

int tc_desk_assign(char** out_json, tc_desk* desk, const char* actor_json, const char* ticket_id, int64_t version,
                   const char* agent_id) {
  return guard([&] {
    out_arg(out_json, "out_json");
    Desk& d = desk_arg(desk);
    const Actor actor = actor_arg(actor_json);
    const TicketRef ref = ticket_ref(ticket_id, version);
    give(out_json, to_json_text(d.assign(actor, ref, text_arg(agent_id, "agent_id"))));
  });
}

int tc_desk_resolve(char** out_json, tc_desk* desk, const char* actor_json, const char* ticket_id, int64_t version,
                    const char* summary) {
  return guard([&] {
    out_arg(out_json, "out_json");
    Desk& d = desk_arg(desk);
    const Actor actor = actor_arg(actor_json);
    const TicketRef ref = ticket_ref(ticket_id, version);
    give(out_json, to_json_text(d.resolve(actor, ref, text_arg(summary, "summary"))));
  });
}

// ---- Time ----

int tc_desk_due(char** out_json, tc_desk* desk, const char* actor_json, size_t max_tickets) {
  return guard([&] {
    out_arg(out_json, "out_json");
    Desk& d = desk_arg(desk);
    const Actor actor = actor_arg(actor_json);
    give(out_json, capi::to_json_text(d.due(actor, max_tickets == 0 ? 1000 : max_tickets)));
  });
}

}  // extern "C"
