// JSON forms of the priority and SLA results: priority decisions, policy choices and
// SLA status (docs/json.md).
#include "json/result_json.hpp"
#include "ticketcore/json.hpp"

namespace ticketcore {

using namespace detail::json_write;

namespace {

json target_json(const TargetStatus& t) {
  json j = json::object();
  j["target"] = word(t.target);
  j["state"] = word(t.state);
  j["cycle"] = t.cycle;
  j["started_at"] = instant(t.started_at);
  j["due_at"] = instant(t.due_at);
  j["budget_seconds"] = t.budget_seconds;
  j["elapsed_seconds"] = t.elapsed_seconds;
  j["remaining_seconds"] = t.remaining_seconds;
  j["percent_used"] = t.percent_used;
  j["warned_percent"] = t.warned_percent;  // 0 is a value here: no threshold passed yet
  put_optional(j, "met_at", t.met_at, instant);
  put_optional(j, "breached_at", t.breached_at, instant);
  j["clock"] = word(t.clock);
  put_text(j, "calendar", t.calendar);  // empty for calendar time
  return j;
}

}  // namespace

json detail::json_write::value_of(const PriorityDecision& d) {
  json reasons = json::array();
  for (const auto& r : d.reasons) {
    json rj = {{"kind", word(r.kind)}, {"id", r.id}};
    put_text(rj, "from", r.from);  // empty for the matrix cell, the first step
    rj["to"] = r.to;
    rj["text"] = r.text;
    reasons.push_back(std::move(rj));
  }
  json j = json::object();
  j["level"] = d.level;
  j["computed_level"] = d.computed_level;
  j["impact_class"] = d.impact_class;
  j["reasons"] = std::move(reasons);
  j["overridden"] = d.overridden;
  put_text(j, "override_reason", d.override_reason);
  return j;
}

std::string to_json_text(const PriorityDecision& d) { return dump(value_of(d)); }

std::string to_json_text(const PolicyChoice& choice) {
  json j = json::object();
  if (choice.policy) j["policy"] = choice.policy->id;  // the id: the policy itself is config
  j["candidates"] = texts(choice.candidates);
  j["explanation"] = choice.explanation;
  return dump(j);
}

json detail::json_write::value_of(const SlaStatus& status) {
  json targets = json::array();
  for (const auto& t : status.targets) targets.push_back(target_json(t));
  json j = json::object();
  j["priority"] = status.priority;
  put_text(j, "policy", status.policy);
  j["policy_explanation"] = status.policy_explanation;
  j["targets"] = std::move(targets);
  return j;
}

std::string to_json_text(const SlaStatus& status) { return dump(value_of(status)); }

std::string to_json_text(const TargetStatus& status) { return dump(target_json(status)); }

}  // namespace ticketcore
