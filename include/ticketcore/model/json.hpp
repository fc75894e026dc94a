#pragma once
// JSON mapping of every model type, found by nlohmann's adl_serializer.
// Reading is strict: a wrong type, an unknown enum word, a missing required
// field, invalid UTF-8, a value out of range, an over-long string or an unknown
// key (outside "attributes" and "payload") throws ticketcore::Error whose path
// names the field ("/impact/users_affected").

#include <nlohmann/json.hpp>

#include "ticketcore/model/agent.hpp"
#include "ticketcore/model/customer.hpp"
#include "ticketcore/model/customer_event.hpp"
#include "ticketcore/model/event.hpp"
#include "ticketcore/model/ticket.hpp"

namespace ticketcore {

/// Writes a customer as JSON.
void to_json(nlohmann::json& j, const Customer& c);
/// Reads and validates a customer.
void from_json(const nlohmann::json& j, Customer& c);
/// Writes a ticket as JSON.
void to_json(nlohmann::json& j, const Ticket& t);
/// Reads and validates a ticket.
void from_json(const nlohmann::json& j, Ticket& t);
/// Writes an event as JSON.
void to_json(nlohmann::json& j, const Event& e);
/// Reads and validates an event.
void from_json(const nlohmann::json& j, Event& e);
/// Writes a customer event as JSON.
void to_json(nlohmann::json& j, const CustomerEvent& e);
/// Reads and validates a customer event.
void from_json(const nlohmann::json& j, CustomerEvent& e);
/// Writes a purchase as JSON (as in a customer's "purchases").
void to_json(nlohmann::json& j, const Purchase& p);
/// Reads and validates a purchase.
void from_json(const nlohmann::json& j, Purchase& p);
/// Writes a solution option as JSON (as in a ticket's "solution_options").
void to_json(nlohmann::json& j, const SolutionOption& o);
/// Reads and validates a solution option.
void from_json(const nlohmann::json& j, SolutionOption& o);
/// Writes a responsibility finding as JSON.
void to_json(nlohmann::json& j, const Responsibility& r);
/// Reads and validates a responsibility finding.
void from_json(const nlohmann::json& j, Responsibility& r);
/// Writes a satisfaction rating as JSON.
void to_json(nlohmann::json& j, const Satisfaction& s);
/// Reads and validates a satisfaction rating.
void from_json(const nlohmann::json& j, Satisfaction& s);
/// Writes an agent as JSON.
void to_json(nlohmann::json& j, const Agent& a);
/// Reads and validates an agent.
void from_json(const nlohmann::json& j, Agent& a);
/// Writes a team as JSON.
void to_json(nlohmann::json& j, const Team& t);
/// Reads and validates a team.
void from_json(const nlohmann::json& j, Team& t);

/// Parses JSON text, turning a syntax error or invalid UTF-8 into ticketcore::Error.
nlohmann::json parse_json(std::string_view text);

/// Reads a model type from JSON text, validating it; errors name the JSON path.
template <class T>
T from_json_text(std::string_view text) {
  return parse_json(text).template get<T>();
}

/// Writes a model type as compact JSON text.
template <class T>
std::string to_json_text(const T& value) {
  return nlohmann::json(value).dump();
}

}  // namespace ticketcore
