// The JSON forms of what commands return (docs/json.md): the ticket and its events in
// the model's form, the decisions in their result forms.
#include <nlohmann/json.hpp>

#include "json/result_json.hpp"
#include "ticketcore/json.hpp"
#include "ticketcore/model/json.hpp"

namespace ticketcore {

using namespace detail::json_write;

namespace {

json value_of(const HostAction& a) {
  return {{"kind", word(a.kind)},
          {"ticket_id", a.ticket_id},
          {"template", a.template_id},
          {"recipients", texts(a.recipients)},
          {"text", a.text}};
}

json values_of(const std::vector<HostAction>& actions) {
  json out = json::array();
  for (const HostAction& a : actions) out.push_back(value_of(a));
  return out;
}

json values_of(const std::vector<Event>& events) {
  json out = json::array();
  for (const Event& e : events) out.push_back(json(nlohmann::json(e)));
  return out;
}

}  // namespace

std::string to_json_text(const HostAction& action) { return dump(value_of(action)); }

std::string to_json_text(const Change& change) {
  json j = json::object();
  j["ticket"] = json(nlohmann::json(change.ticket));
  j["events"] = values_of(change.events);
  j["actions"] = values_of(change.actions);
  return dump(j);
}

std::string to_json_text(const TakeInResult& r) {
  json j = json::object();
  j["ticket"] = json(nlohmann::json(r.ticket));
  j["events"] = values_of(r.events);
  j["priority"] = value_of(r.priority);
  j["routing"] = value_of(r.routing);
  if (!r.assignment.steps.empty()) j["assignment"] = value_of(r.assignment);  // no strategy ran
  j["sla"] = value_of(r.sla);
  j["actions"] = values_of(r.actions);
  j["workload"] = value_of(r.workload);
  return dump(j);
}

}  // namespace ticketcore
