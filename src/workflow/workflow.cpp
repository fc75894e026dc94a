#include "ticketcore/workflow/workflow.hpp"

#include "model/json_read.hpp"
#include "ticketcore/error.hpp"
#include "ticketcore/model/json.hpp"

namespace ticketcore {

namespace {

constexpr std::uint16_t bit(auto e) { return std::uint16_t(1u << static_cast<unsigned>(e)); }

template <class E>
std::uint16_t bits(std::initializer_list<E> values) {
  std::uint16_t out = 0;
  for (E v : values) out |= bit(v);
  return out;
}

template <class E>
std::vector<E> members(std::uint16_t mask) {
  std::vector<E> out;
  for (std::size_t i = 0; i < enum_count<E>(); ++i)
    if (mask & (1u << i)) out.push_back(static_cast<E>(i));
  return out;
}

std::string quoted(auto e) { return detail::json_read::in_quotes(to_string(e)); }

}  // namespace

Workflow Workflow::standard() {
  using S = Status;
  using G = Stage;
  Workflow w;
  const auto open_exits = bits({S::cancelled, S::merged});
  w.next_[size_t(S::new_ticket)] = bits({S::assigned}) | open_exits;
  w.next_[size_t(S::assigned)] = bits({S::in_progress}) | open_exits;
  w.next_[size_t(S::in_progress)] = bits({S::pending_customer, S::resolved}) | open_exits;
  w.next_[size_t(S::pending_customer)] = bits({S::in_progress, S::resolved}) | open_exits;
  w.next_[size_t(S::resolved)] = bits({S::closed, S::in_progress});
  w.pausing_ = bits({S::pending_customer});
  w.resolved_ = bits({S::resolved, S::closed});
  w.final_ = bits({S::closed, S::cancelled, S::merged});

  const auto working = bits({S::in_progress, S::pending_customer});
  w.stage_statuses_[size_t(G::intake)] = bits({S::new_ticket, S::assigned, S::in_progress}) | open_exits;
  w.stage_statuses_[size_t(G::diagnosis)] = working | open_exits;
  w.stage_statuses_[size_t(G::solution_plan)] = working | open_exits;
  w.stage_statuses_[size_t(G::execution)] = working | open_exits;
  w.stage_statuses_[size_t(G::confirmation)] = working | bits({S::resolved}) | open_exits;
  w.stage_statuses_[size_t(G::follow_up)] = bits({S::resolved, S::closed});
  w.stage_statuses_[size_t(G::archived)] = bits({S::closed, S::cancelled, S::merged});
  // Forward one stage at a time; confirmation goes back when the customer rejects the result.
  for (size_t g = 0; g + 1 < kStages; ++g) w.stage_next_[g] = std::uint16_t(1u << (g + 1));
  w.stage_next_[size_t(G::confirmation)] |= bits({G::diagnosis, G::execution});
  return w;
}

bool Workflow::allows(Status from, Status to) const { return next_[size_t(from)] & bit(to); }

void Workflow::check_transition(Status from, Status to) const {
  if (!allows(from, to))
    throw Error(ErrorCode::invalid_transition, "/status",
                "cannot move a ticket from " + quoted(from) + " to " + quoted(to));
}

std::vector<Status> Workflow::next_statuses(Status from) const {
  return members<Status>(next_[size_t(from)]);
}

bool Workflow::pauses_sla(Status s) const { return pausing_ & bit(s); }
bool Workflow::is_final(Status s) const { return final_ & bit(s); }
bool Workflow::is_resolved(Status s) const { return resolved_ & bit(s); }
bool Workflow::is_reopen(Status from, Status to) const {
  return is_resolved(from) && !is_resolved(to) && !is_final(to);
}

bool Workflow::stage_fits(Stage stage, Status status) const {
  return stage_statuses_[size_t(stage)] & bit(status);
}

bool Workflow::allows_stage(Stage from, Stage to) const { return stage_next_[size_t(from)] & bit(to); }

void Workflow::check_stage_change(Status status, Stage from, Stage to) const {
  if (!allows_stage(from, to))
    throw Error(ErrorCode::invalid_transition, "/stage",
                "cannot move a ticket from stage " + quoted(from) + " to stage " + quoted(to));
  if (!stage_fits(to, status))
    throw Error(ErrorCode::invalid_transition, "/stage",
                "stage " + quoted(to) + " does not fit status " + quoted(status));
}

Stage Workflow::stage_after(Status status, Stage current) const {
  if (stage_fits(current, status)) return current;
  for (size_t g = size_t(current) + 1; g < kStages; ++g)
    if (stage_fits(Stage(g), status)) return Stage(g);
  for (size_t g = size_t(current); g-- > 0;)
    if (stage_fits(Stage(g), status)) return Stage(g);
  return current;
}

// ---- JSON ----

namespace {

using detail::json_read::child;
using detail::json_read::ObjectReader;
using nlohmann::json;

template <class E>
std::uint16_t read_set(const json& j, const std::string& path) {
  std::vector<E> values;
  detail::json_read::read(j, path, values, detail::json_read::MaxItems{enum_count<E>()});
  std::uint16_t mask = 0;
  for (E v : values) mask |= bit(v);
  return mask;
}

template <class E>
json names(std::uint16_t mask) {
  json out = json::array();
  for (E e : members<E>(mask)) out.push_back(std::string(to_string(e)));
  return out;
}

// An object keyed by enum words: {"new": [...], ...}; keys not named keep 0.
template <class Key, class F>
void read_keyed(const json& j, const std::string& path, std::string_view what, F&& each) {
  if (!j.is_object()) detail::json_read::wrong_type(j, path, "object");
  for (const auto& [word, value] : j.items()) {
    auto key = enum_from_string<Key>(word);
    if (!key) throw_invalid(child(path, word), "unknown " + std::string(what));
    each(*key, value, child(path, word));
  }
}

}  // namespace

Workflow Workflow::from_json_text(std::string_view text) {
  const json j = parse_json(text);
  Workflow w;
  ObjectReader r(j, "");
  const json* transitions = r.take("transitions");
  if (!transitions) throw_invalid("/transitions", "missing required field");
  read_keyed<Status>(
      *transitions, "/transitions", "status",
      [&](Status s, const json& v, const std::string& p) { w.next_[size_t(s)] = read_set<Status>(v, p); });
  if (const json* v = r.take("pausing")) w.pausing_ = read_set<Status>(*v, "/pausing");
  if (const json* v = r.take("resolved")) w.resolved_ = read_set<Status>(*v, "/resolved");
  if (const json* v = r.take("final")) w.final_ = read_set<Status>(*v, "/final");
  const json* stages = r.take("stages");
  if (!stages) throw_invalid("/stages", "missing required field");
  read_keyed<Stage>(*stages, "/stages", "stage", [&](Stage g, const json& v, const std::string& p) {
    ObjectReader sr(v, p);
    const json* statuses = sr.take("statuses");
    if (!statuses) throw_invalid(child(p, "statuses"), "missing required field");
    w.stage_statuses_[size_t(g)] = read_set<Status>(*statuses, child(p, "statuses"));
    if (const json* next = sr.take("next"))
      w.stage_next_[size_t(g)] = read_set<Stage>(*next, child(p, "next"));
    sr.finish();
  });
  r.finish();
  for (size_t g = 0; g < kStages; ++g)
    if (!w.stage_statuses_[g])
      throw_invalid(child("/stages", to_string(Stage(g))), "every stage needs at least one status");
  for (size_t s = 0; s < kStatuses; ++s)
    if ((w.final_ & (1u << s)) && (w.pausing_ & (1u << s)))
      throw_invalid(child("/pausing", to_string(Status(s))), "a final status cannot pause SLA clocks");
  return w;
}

std::string Workflow::to_json_text() const {
  json transitions = json::object();
  for (size_t s = 0; s < kStatuses; ++s)
    transitions[std::string(to_string(Status(s)))] = names<Status>(next_[s]);
  json stages = json::object();
  for (size_t g = 0; g < kStages; ++g)
    stages[std::string(to_string(Stage(g)))] = {{"statuses", names<Status>(stage_statuses_[g])},
                                                {"next", names<Stage>(stage_next_[g])}};
  json j = {{"transitions", std::move(transitions)},
            {"pausing", names<Status>(pausing_)},
            {"resolved", names<Status>(resolved_)},
            {"final", names<Status>(final_)},
            {"stages", std::move(stages)}};
  return j.dump(2);
}

}  // namespace ticketcore
