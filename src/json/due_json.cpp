// The JSON form of due actions, written and read back: a host stores the actions it
// was handed and may send them back (docs/json.md). Each kind carries its own fields;
// reading requires those and refuses the others, so what reads back is what due() made.
#include "json/json_write.hpp"
#include "model/json_read.hpp"
#include "ticketcore/json.hpp"
#include "ticketcore/model/json.hpp"

namespace ticketcore {

namespace {

namespace jw = detail::json_write;

// The kind-specific fields of each kind, as the SLA engine fills them.
struct Carries {
  bool target = false;      // warnings, breaches and updates owed
  bool threshold = false;   // warnings
  bool escalation = false;  // escalations: level, team and rule
};

constexpr Carries carries(DueActionKind kind) {
  switch (kind) {
    case DueActionKind::sla_warning: return {true, true, false};
    case DueActionKind::sla_breach:
    case DueActionKind::progress_update_owed: return {true, false, false};
    case DueActionKind::escalation: return {false, false, true};
    case DueActionKind::satisfaction_survey:
    case DueActionKind::auto_close: break;
  }
  return {};
}

jw::json action_json(const DueAction& a) {
  jw::json j = jw::json::object();
  j["ticket_id"] = a.ticket_id;
  j["kind"] = jw::word(a.kind);
  jw::put_optional(j, "target", a.target, jw::word<SlaTarget>);
  if (a.threshold_percent != 0) j["threshold_percent"] = a.threshold_percent;
  jw::put_optional(j, "escalation_level", a.escalation_level, jw::level);
  jw::put_text(j, "team", a.team);
  jw::put_text(j, "rule", a.rule);
  j["due_at"] = jw::instant(a.due_at);
  j["key"] = a.key;
  return j;
}

// Throws unless a kind-specific field is present exactly when the kind carries it.
void check_carried(bool carried, bool present, const std::string& path, std::string_view key,
                   DueActionKind kind) {
  const std::string kind_word(to_string(kind));
  if (carried && !present)
    throw_invalid(detail::json_read::child(path, key), "required for " + kind_word + " actions");
  if (!carried && present)
    throw_invalid(detail::json_read::child(path, key), "not used by " + kind_word + " actions");
}

}  // namespace

// In namespace ticketcore, where json_read's list reader finds it by ADL for arrays of actions.
static void read(const nlohmann::json& j, const std::string& path, DueAction& a) {
  using namespace detail::json_read;
  ObjectReader r(j, path);
  r.required("ticket_id", a.ticket_id, MaxLength{limits::id});
  if (a.ticket_id.empty()) throw_invalid(child(path, "ticket_id"), "must not be empty");
  r.required("kind", a.kind);
  r.optional("target", a.target);
  r.optional("threshold_percent", a.threshold_percent, Range{1, 99});  // as SLA policies allow
  int level = 0;
  if (r.optional("escalation_level", level, Range{1, 4}))
    a.escalation_level = escalation_level(level, child(path, "escalation_level"));
  r.optional("team", a.team, MaxLength{limits::id});
  r.optional("rule", a.rule, MaxLength{limits::id});
  r.required("due_at", a.due_at);
  // Keys join the ticket id, the target or rule id and a counter: longer than one id.
  r.required("key", a.key, MaxLength{limits::name});
  if (a.key.empty()) throw_invalid(child(path, "key"), "must not be empty");
  r.finish();

  const Carries c = carries(a.kind);
  check_carried(c.target, a.target.has_value(), path, "target", a.kind);
  check_carried(c.threshold, a.threshold_percent != 0, path, "threshold_percent", a.kind);
  check_carried(c.escalation, a.escalation_level.has_value(), path, "escalation_level", a.kind);
  check_carried(c.escalation, !a.team.empty(), path, "team", a.kind);
  check_carried(c.escalation, !a.rule.empty(), path, "rule", a.kind);
}

std::string to_json_text(const DueAction& action) { return jw::dump(action_json(action)); }

std::string to_json_text(const std::vector<DueAction>& actions) {
  jw::json out = jw::json::array();
  for (const auto& a : actions) out.push_back(action_json(a));
  return jw::dump(out);
}

template <>
DueAction from_json_text<DueAction>(std::string_view text) {
  DueAction a;
  read(parse_json(text), "", a);
  return a;
}

template <>
std::vector<DueAction> from_json_text<std::vector<DueAction>>(std::string_view text) {
  // No bound on the count beyond the text's own size: a sweep hands out as many
  // actions as came due, and what to_json_text wrote must read back.
  std::vector<DueAction> actions;
  detail::json_read::read(parse_json(text), "", actions,
                          detail::json_read::MaxItems{std::numeric_limits<std::size_t>::max()});
  return actions;
}

}  // namespace ticketcore
