// The Desk results' JSON forms (desk_json.hpp), built from the forms the library
// already writes so that a ticket, an event or an SLA status reads the same everywhere.
#include "ticketcore/desk_json.hpp"

#include "json/json_write.hpp"
#include "json/result_json.hpp"
#include "ticketcore/json.hpp"
#include "ticketcore/model/json.hpp"

namespace ticketcore {
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

std::string to_json_text(const Purge& purge) {
  json j = json::object();
  j["at"] = jw::instant(purge.at);
  j["closed_before"] = jw::instant(purge.closed_before);
  j["tickets"] = purge.tickets;
  j["events"] = purge.events;
  return jw::dump(j);
}

std::string to_json_text(const AuditPage& page) {
  json entries = json::array();
  for (const AuditEntry& e : page.entries) {
    json actor = json{{"kind", jw::word(e.actor.kind)}};
    jw::put_text(actor, "id", e.actor.id);
    json j = json::object();
    j["sequence"] = e.sequence;
    j["at"] = jw::instant(e.at);
    j["actor"] = std::move(actor);
    j["action"] = jw::word(e.action);
    jw::put_text(j, "customer_id", e.customer_id);
    jw::put_text(j, "ticket_id", e.ticket_id);
    // The store keeps detail as a JSON object's text: embedded as the object it is.
    j["detail"] = e.detail.empty() ? json::object() : json::parse(e.detail);
    entries.push_back(std::move(j));
  }
  json j = json::object();
  j["entries"] = std::move(entries);
  jw::put_text(j, "next_cursor", page.next_cursor);
  return jw::dump(j);
}

std::string to_json_text(const HistoryPage& page) {
  json entries = json::array();
  for (const HistoryEntry& e : page.entries) {
    json j = json::object();
    j["kind"] = jw::word(e.kind);
    j["at"] = jw::instant(e.at);
    if (e.record_event) j["record_event"] = model_value(*e.record_event);
    if (e.purchase) j["purchase"] = model_value(*e.purchase);
    if (e.ticket) j["ticket"] = model_value(*e.ticket);
    if (e.event) j["event"] = model_value(*e.event);
    entries.push_back(std::move(j));
  }
  json j = json::object();
  j["entries"] = std::move(entries);
  jw::put_text(j, "next_cursor", page.next_cursor);
  return jw::dump(j);
}

std::string to_json_text(const CustomerProfile& p) {
  json purchases = json::array();
  for (const ProductCount& c : p.recent_purchases) purchases.push_back(json{{"product", c.product}, {"count", c.count}});
  json j = json::object();
  jw::put_optional(j, "age", p.age, [](int age) { return json(age); });
  jw::put_text(j, "industry", p.industry);
  j["tier"] = jw::word(p.tier);
  j["kind"] = jw::word(p.kind);
  j["tags"] = jw::texts(p.tags);
  j["recent_days"] = p.recent_days;
  j["recent_purchases"] = std::move(purchases);
  j["complaints"] = p.complaints;
  j["complaint_topics"] = jw::texts(p.complaint_topics);
  j["tickets_total"] = p.tickets_total;
  j["tickets_open"] = p.tickets_open;
  jw::put_optional(j, "satisfaction", p.satisfaction, [](double s) { return json(s); });
  jw::put_optional(j, "last_contact", p.last_contact, jw::instant);
  jw::put_optional(j, "preferred_service_time", p.preferred_service_time,
                   [](const std::string& s) { return json(s); });
  j["summary"] = summary_line(p);
  return jw::dump(j);
}

std::string to_json_text(const std::pair<Change, Change>& merge) {
  json j = json::object();
  j["duplicate"] = form_value(merge.first);
  j["kept"] = form_value(merge.second);
  return jw::dump(j);
}

}  // namespace ticketcore
