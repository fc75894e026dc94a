#pragma once
// Reading the arguments of a C call: NULL checks, UTF-8 checks and the strict JSON
// readers of the forms the calls take. Every failure is an ArgumentError naming the
// parameter as ticketcore.h names it, with the JSON path inside it.

#include <optional>
#include <string_view>
#include <type_traits>
#include <vector>

#include "errors.hpp"
#include "ticketcore/config.hpp"
#include "ticketcore/customers/history.hpp"
#include "ticketcore/metrics/report.hpp"
#include "ticketcore/model/actor.hpp"
#include "ticketcore/model/agent.hpp"
#include "ticketcore/model/event.hpp"
#include "ticketcore/model/customer.hpp"
#include "ticketcore/model/enums.hpp"
#include "ticketcore/model/escalation_level.hpp"
#include "ticketcore/model/ticket.hpp"
#include "ticketcore/store/audit.hpp"
#include "ticketcore/store/store.hpp"

namespace ticketcore::capi {

/// A required string: not NULL, valid UTF-8 (empty is allowed; the Desk says if it matters).
std::string_view text_arg(const char* value, const char* name);
/// An optional string: NULL reads as "".
std::string_view optional_text_arg(const char* value, const char* name);
/// Checks a required out pointer and sets *out to NULL, so a failed call leaves no stale value.
template <class T>
void out_arg(T** out, const char* name);
/// Checks a required out pointer to a number and sets *out to 0.
template <class T>
  requires std::is_arithmetic_v<T>
void out_arg(T* out, const char* name);

/// The actor: {"kind": "agent", "id": "p-01"}; the system carries no id, every other kind one.
Actor actor_arg(const char* json);
/// A customer in the model's form.
Customer customer_arg(const char* json, const char* name);
/// A ticket in the model's form.
Ticket ticket_arg(const char* json, const char* name);
/// A status by its word ("in_progress").
Status status_arg(const char* word, const char* name);
/// An escalation level by its number, 1-4.
EscalationLevel level_arg(int number, const char* name);
/// A purchase in the model's form.
Purchase purchase_arg(const char* json, const char* name);
/// An array of solution options.
std::vector<SolutionOption> solution_options_arg(const char* json, const char* name);
/// A responsibility finding: {"party", "note"}.
Responsibility responsibility_arg(const char* json, const char* name);
/// A satisfaction rating: {"efficiency", "attitude", "effectiveness", "comment"}.
Satisfaction rating_arg(const char* json, const char* name);
/// A desk configuration document (docs/config.md).
DeskConfig config_arg(const char* json, const char* name);
/// A history query (ticketcore.h, tc_desk_customer_history).
HistoryQuery history_query_arg(const char* json, const char* name);
/// A report query (docs/metrics.md).
ReportQuery report_query_arg(const char* json, const char* name);
/// An audit query (ticketcore.h, tc_desk_audit); NULL reads as every entry.
AuditQuery audit_query_arg(const char* json, const char* name);
/// A ticket with what the engines read besides it (ticketcore.h, "Engines alone").
struct Subject {
  Ticket ticket;                                ///< the ticket
  std::vector<Event> events;                    ///< its history
  std::optional<Customer> customer;             ///< its customer, when the host knows it
  std::vector<Instant> customer_ticket_created_at;  ///< the customer's tickets, sorted ascending
};
/// A subject: {"ticket", "events", "customer", "customer_ticket_created_at"}.
Subject subject_arg(const char* json, const char* name);
/// An array of tickets in the model's form.
std::vector<Ticket> tickets_arg(const char* json, const char* name);
/// Teams and agents: {"teams": [...], "agents": [...]}; NULL reads as none.
struct People {
  std::vector<Team> teams;    ///< in the model's form
  std::vector<Agent> agents;  ///< in the model's form
};
/// The people a rule set may name.
People people_arg(const char* json, const char* name);
/// A ticket query (ticketcore.h, tc_desk_find_tickets); NULL reads as every ticket.
TicketQuery ticket_query_arg(const char* json, const char* name);
/// A customer query (ticketcore.h, tc_desk_find_customers); NULL reads as every customer.
CustomerQuery customer_query_arg(const char* json, const char* name);

// ---- template definitions ----

template <class T>
void out_arg(T** out, const char* name) {
  if (!out) throw ArgumentError(name, Error(ErrorCode::invalid_input, "", "must not be NULL"));
  *out = nullptr;
}

template <class T>
  requires std::is_arithmetic_v<T>
void out_arg(T* out, const char* name) {
  if (!out) throw ArgumentError(name, Error(ErrorCode::invalid_input, "", "must not be NULL"));
  *out = 0;
}

}  // namespace ticketcore::capi
