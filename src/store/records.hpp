#pragma once
// How model values are kept in columns: entities as the JSON of their model form
// (model/json.hpp, so a row reads back equal to what was written), instants as Unix
// seconds, enums as their words. A stored row that no longer reads is Error(storage).

#include <cstdint>
#include <string>
#include <string_view>

#include "ticketcore/error.hpp"
#include "ticketcore/model/agent.hpp"
#include "ticketcore/model/enum_names.hpp"
#include "ticketcore/model/customer.hpp"
#include "ticketcore/model/customer_event.hpp"
#include "ticketcore/model/event.hpp"
#include "ticketcore/model/ticket.hpp"

namespace ticketcore::detail {

/// The JSON text of an entity (Ticket, Customer, Agent, Team).
template <class T>
std::string entity_json(const T& value);

/// Reads an entity row's JSON; Error(storage) naming the table when it does not read.
template <class T>
T read_entity(std::string_view json, std::string_view table);

/// The JSON text of an event's payload.
std::string payload_json(const Event& event);

/// An event from its columns; Error(storage) when they do not read.
Event read_event(std::string ticket_id, std::int64_t sequence, std::string_view kind, std::string actor,
                 std::int64_t at, std::string_view payload);

/// The JSON text of a customer event's payload.
std::string payload_json(const CustomerEvent& event);

/// A customer event from its columns; Error(storage) when they do not read.
CustomerEvent read_customer_event(std::string customer_id, std::int64_t sequence, std::string_view kind,
                                  std::string actor, std::int64_t at, std::string_view payload);

/// An enum value from its stored word; Error(storage) naming the table when it is unknown.
template <class E>
E stored_word(std::string_view word, std::string_view table) {
  if (auto value = enum_from_string<E>(word)) return *value;
  throw Error(ErrorCode::storage, "",
              "a row of " + std::string(table) + " holds the unknown word \"" + std::string(word) + "\"");
}

/// Lower-case ASCII letters: how emails are compared.
std::string ascii_lower(std::string_view text);

}  // namespace ticketcore::detail
