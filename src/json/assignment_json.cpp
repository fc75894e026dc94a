// JSON forms of assignment and escalation: the agent or the queue with every agent set
// aside, the workload a host keeps (written and read back), and who an escalation
// reaches (docs/json.md).
#include "json/result_json.hpp"
#include "model/json_read.hpp"
#include "ticketcore/json.hpp"
#include "ticketcore/model/json.hpp"

namespace ticketcore {

using namespace detail::json_write;

namespace {

// A step index as the strategy id it stands for: ids are what a reader knows.
std::string step_id(const Assignment& a, std::size_t step, const std::string& path) {
  if (step >= a.steps.size())
    throw Error(ErrorCode::invalid_input, path,
                "names no step of the assignment (" + std::to_string(step) + ")");
  return a.steps[step];
}

json workload_json(const Workload& w) {
  json open = json::object();
  for (const auto& [agent, count] : w.open_tickets) open[agent] = count;
  json cursors = json::object();
  for (const auto& [team, agent] : w.last_assigned) cursors[team] = agent;
  return {{"open_tickets", std::move(open)}, {"last_assigned", std::move(cursors)}};
}

// Reads an object keyed by ids (agent or team ids), each value read by `read_value`.
// No bound on the count: there is one entry per agent or team of the desk.
template <class Map, class ReadValue>
void read_by_id(const nlohmann::json& j, const std::string& path, Map& out, ReadValue read_value) {
  namespace jr = detail::json_read;
  if (!j.is_object()) jr::wrong_type(j, path, "object");
  for (const auto& [id, value] : j.items()) {
    const std::string at = jr::child(path, id);
    if (id.empty() || id.size() > limits::id || !jr::valid_utf8(id))
      throw_invalid(at, "ids are 1 to 64 bytes of UTF-8");
    read_value(value, at, out[id]);
  }
}

}  // namespace

json detail::json_write::value_of(const Assignment& a) {
  json j = json::object();
  put_text(j, "agent", a.agent);
  j["team"] = a.team;
  j["queued"] = a.queued();
  j["steps"] = texts(a.steps);
  if (a.decided_by < a.steps.size()) j["decided_by"] = a.steps[a.decided_by];  // steps.size(): the queue
  json rejections = json::array();
  for (std::size_t i = 0; i < a.rejections.size(); ++i) {
    const Rejection& r = a.rejections[i];
    rejections.push_back({{"agent", r.agent},
                          {"step", step_id(a, r.step, "/rejections/" + std::to_string(i) + "/step")},
                          {"filter", r.filter},
                          {"reason", word(r.reason)}});
  }
  j["rejections"] = std::move(rejections);
  j["workload"] = workload_json(a.workload);
  return j;
}

std::string to_json_text(const Assignment& a) { return dump(value_of(a)); }

json detail::json_write::value_of(const Workload& workload) { return workload_json(workload); }

std::string to_json_text(const Workload& workload) { return dump(workload_json(workload)); }

template <>
Workload from_json_text<Workload>(std::string_view text) {
  namespace jr = detail::json_read;
  const nlohmann::json j = parse_json(text);
  Workload w;
  jr::ObjectReader r(j, "");
  if (const auto* open = r.take("open_tickets"))
    read_by_id(*open, "/open_tickets", w.open_tickets,
               [](const nlohmann::json& v, const std::string& at, std::int64_t& n) {
                 jr::read(v, at, n, jr::Range{0, std::numeric_limits<std::int64_t>::max()});
               });
  if (const auto* cursors = r.take("last_assigned"))
    read_by_id(*cursors, "/last_assigned", w.last_assigned,
               [](const nlohmann::json& v, const std::string& at, std::string& agent) {
                 jr::read(v, at, agent, jr::MaxLength{limits::id});
                 if (agent.empty()) throw_invalid(at, "must not be empty");
               });
  r.finish();
  return w;
}

std::string to_json_text(const Escalation& e) {
  json skipped = json::array();
  for (const auto& s : e.skipped) {
    json sj = {{"level", level(s.level)}};
    put_text(sj, "agent", s.agent);  // empty when nobody holds the level
    sj["reason"] = word(s.reason);
    skipped.push_back(std::move(sj));
  }
  json j = json::object();
  j["team"] = e.team;
  j["requested"] = level(e.requested);
  j["level"] = level(e.level);
  put_text(j, "person", e.person);
  j["resolved"] = e.resolved();
  j["skipped"] = std::move(skipped);
  j["notify"] = texts(e.notify);
  j["reason"] = word(e.reason);
  return dump(j);
}

}  // namespace ticketcore
