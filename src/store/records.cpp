// Model values in columns (records.hpp).
#include "store/records.hpp"

#include "model/json_read.hpp"
#include "ticketcore/error.hpp"
#include "ticketcore/model/enum_names.hpp"
#include "ticketcore/model/json.hpp"

namespace ticketcore::detail {

template <class T>
std::string entity_json(const T& value) {
  return to_json_text(value);
}

template <class T>
T read_entity(std::string_view json, std::string_view table) {
  try {
    return from_json_text<T>(json);
  } catch (const Error& e) {
    throw Error(ErrorCode::storage, "", "a row of " + std::string(table) + " does not read: " + e.what());
  }
}

template std::string entity_json(const Ticket&);
template std::string entity_json(const Customer&);
template std::string entity_json(const Agent&);
template std::string entity_json(const Team&);
template Ticket read_entity(std::string_view, std::string_view);
template Customer read_entity(std::string_view, std::string_view);
template Agent read_entity(std::string_view, std::string_view);
template Team read_entity(std::string_view, std::string_view);

std::string payload_json(const Event& event) { return json_read::to_json_value(event.payload).dump(); }

namespace {

// An event of a history (a ticket's, a customer record's) from its columns, read by the
// model's JSON reader; `owner_key` names whose history it is.
template <class E>
E read_history_event(const char* owner_key, const char* table, std::string owner, std::int64_t sequence,
                     std::string_view kind, std::string actor, std::int64_t at, std::string_view payload) {
  try {
    nlohmann::json j = {{"sequence", sequence},      {owner_key, std::move(owner)},
                        {"kind", kind},              {"actor", std::move(actor)},
                        {"at", format_instant(from_unix(at))}, {"payload", parse_json(payload)}};
    return j.get<E>();
  } catch (const Error& e) {
    throw Error(ErrorCode::storage, "", std::string("a row of ") + table + " does not read: " + e.what());
  }
}

}  // namespace

Event read_event(std::string ticket_id, std::int64_t sequence, std::string_view kind, std::string actor,
                 std::int64_t at, std::string_view payload) {
  return read_history_event<Event>("ticket_id", "events", std::move(ticket_id), sequence, kind, std::move(actor), at,
                                   payload);
}

std::string payload_json(const CustomerEvent& event) { return json_read::to_json_value(event.payload).dump(); }

CustomerEvent read_customer_event(std::string customer_id, std::int64_t sequence, std::string_view kind,
                                  std::string actor, std::int64_t at, std::string_view payload) {
  return read_history_event<CustomerEvent>("customer_id", "customer_events", std::move(customer_id), sequence, kind,
                                           std::move(actor), at, payload);
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace ticketcore::detail
