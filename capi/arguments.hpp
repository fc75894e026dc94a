#pragma once
// Reading the arguments of a C call: NULL checks, UTF-8 checks and the strict JSON
// readers of the forms the calls take. Every failure is an ArgumentError naming the
// parameter as ticketcore.h names it, with the JSON path inside it.

#include <string_view>

#include "errors.hpp"
#include "ticketcore/model/actor.hpp"
#include "ticketcore/model/customer.hpp"
#include "ticketcore/model/enums.hpp"
#include "ticketcore/model/ticket.hpp"
#include "ticketcore/store/store.hpp"

namespace ticketcore::capi {

/// A required string: not NULL, valid UTF-8 (empty is allowed; the Desk says if it matters).
std::string_view text_arg(const char* value, const char* name);
/// An optional string: NULL reads as "".
std::string_view optional_text_arg(const char* value, const char* name);
/// Checks a required out pointer and sets *out to NULL, so a failed call leaves no stale value.
template <class T>
void out_arg(T** out, const char* name);

/// The actor: {"kind": "agent", "id": "p-01"}; the system carries no id, every other kind one.
Actor actor_arg(const char* json);
/// A customer in the model's form.
Customer customer_arg(const char* json, const char* name);
/// A ticket in the model's form.
Ticket ticket_arg(const char* json, const char* name);
/// A status by its word ("in_progress").
Status status_arg(const char* word, const char* name);
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

}  // namespace ticketcore::capi
