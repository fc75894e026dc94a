// The Desk results' JSON forms (desk_json.hpp), built from the forms the library
// already writes so that a ticket, an event or an SLA status reads the same everywhere.
#include "desk_json.hpp"

#include "json/json_write.hpp"
#include "json/result_json.hpp"
#include "ticketcore/json.hpp"
#include "ticketcore/model/json.hpp"

namespace ticketcore::capi {
namespace {

namespace jw = detail::json_write;
using jw::json;  // ordered: fields in the order of the C++ struct

// A model type (ticket, event, customer) in the model's form.
template <class T>
json model_value(const T& value) {
  return json(nlohmann::json(value));
}

template <class T>
json model_values(const std::vector<T>& values) {
  json out = json::array();
  for (const T& v : values) out.push_back(model_value(v));
  return out;
}

// A form json.hpp writes only as text (the routing explanation, due actions), as a value.
template <class T>
json form_value(const T& value) {
  return json::parse(ticketcore::to_json_text(value));
}

}  // namespace

std::string to_json_text(const TicketView& view) {
  json j = json::object();
  j["ticket"] = model_value(view.ticket);
  j["events"] = model_values(view.events);
  j["sla"] = jw::value_of(view.sla);
  // A customer's view carries no explanation (docs/access.md): left out, as absent values are.
  if (!view.routing.version.empty()) j["routing"] = form_value(view.routing);
  j["config_version"] = view.config_version;
  json keys = json::array();
  for (const HandedOutKey& k : view.due_handed_out)
    keys.push_back(json{{"key", k.key}, {"ticket_id", k.ticket_id}, {"at", jw::instant(k.at)}});
  j["due_handed_out"] = std::move(keys);
  return jw::dump(j);
}

std::string to_json_text(const TicketPage& page) {
  json j = json::object();
  j["tickets"] = model_values(page.tickets);
  jw::put_text(j, "next_cursor", page.next_cursor);
  return jw::dump(j);
}

std::string to_json_text(const CustomerPage& page) {
  json j = json::object();
  j["customers"] = model_values(page.customers);
  jw::put_text(j, "next_cursor", page.next_cursor);
  return jw::dump(j);
}

std::string to_json_text(const Sweep& sweep) {
  json j = json::object();
  j["at"] = jw::instant(sweep.at);
  j["tickets_read"] = sweep.tickets_read;
  j["actions"] = form_value(sweep.actions);
  return jw::dump(j);
}

}  // namespace ticketcore::capi
