#include "ticketcore/sla/config.hpp"

#include <algorithm>

#include "calendar/calendar_json.hpp"
#include "model/json_read.hpp"
#include "presets.hpp"
#include "ticketcore/error.hpp"
#include "ticketcore/model/json.hpp"

namespace ticketcore {

using json = nlohmann::json;
using namespace detail::json_read;

namespace {

constexpr std::int64_t kMaxMinutes = 10LL * 366 * 24 * 60;  // ten years
constexpr std::int64_t kMaxWorkingDays = 3660;

}  // namespace

// A duration: exactly one of business_minutes, business_hours, calendar_minutes,
// calendar_hours, working_days; "calendar" names the business calendar.
void read(const json& j, const std::string& path, SlaDuration& d) {
  ObjectReader r(j, path);
  struct Unit {
    const char* key;
    SlaClock clock;
    std::int64_t seconds;
  };
  static constexpr Unit kUnits[] = {{"business_minutes", SlaClock::business, 60},
                                    {"business_hours", SlaClock::business, 3600},
                                    {"calendar_minutes", SlaClock::calendar, 60},
                                    {"calendar_hours", SlaClock::calendar, 3600},
                                    {"working_days", SlaClock::working_days, 1}};
  int found = 0;
  for (const Unit& u : kUnits) {
    std::int64_t amount = 0;
    const std::int64_t max =
        u.clock == SlaClock::working_days ? kMaxWorkingDays : kMaxMinutes * 60 / u.seconds;
    if (!r.optional(u.key, amount, Range{1, max})) continue;
    if (++found > 1) throw_invalid(child(path, u.key), "a duration has exactly one unit");
    d.clock = u.clock;
    d.amount = amount * u.seconds;
  }
  if (found == 0)
    throw_invalid(path,
                  "a duration needs one of business_minutes, business_hours, calendar_minutes, "
                  "calendar_hours, working_days");
  if (r.optional("calendar", d.calendar, MaxLength{limits::id}) && d.clock == SlaClock::calendar)
    throw_invalid(child(path, "calendar"), "calendar time needs no business calendar");
  r.finish();
}

void read(const json& j, const std::string& path, SlaPolicy& p) {
  ObjectReader r(j, path);
  r.required("id", p.id, MaxLength{limits::id});
  if (p.id.empty()) throw_invalid(child(path, "id"), "must not be empty");
  r.required("priority", p.priority, MaxLength{limits::id});
  r.optional("tier", p.tier);
  r.optional("request_type", p.request_type);
  r.optional("channel", p.channel);
  const json* targets = r.take("targets");
  if (!targets) throw_invalid(child(path, "targets"), "missing required field");
  const std::string tpath = child(path, "targets");
  ObjectReader tr(*targets, tpath);
  for (std::size_t t = 0; t < enum_count<SlaTarget>(); ++t) {
    PolicyTarget pt;
    pt.target = static_cast<SlaTarget>(t);
    if (tr.optional(to_string(pt.target), pt.within)) p.targets.push_back(pt);
  }
  tr.finish();
  if (r.optional("warning_percents", p.warning_percents, MaxItems{10}, Range{1, 99}))
    for (std::size_t i = 1; i < p.warning_percents.size(); ++i)
      if (p.warning_percents[i] <= p.warning_percents[i - 1])
        throw_invalid(child(child(path, "warning_percents"), i), "thresholds must be in increasing order");
  r.optional("on_reopen", p.on_reopen);
  r.finish();
}

void read(const json& j, const std::string& path, EscalationRule& e) {
  ObjectReader r(j, path);
  r.required("id", e.id, MaxLength{limits::id});
  if (e.id.empty()) throw_invalid(child(path, "id"), "must not be empty");
  r.optional("request_types", e.request_types, MaxItems{16});
  r.optional("priorities", e.priorities, MaxItems{16}, MaxLength{limits::id});
  r.required("after", e.after);
  int level = 0;
  r.required("level", level, Range{1, 4});
  e.level = escalation_level(level, child(r.path(), "level"));
  r.required("team", e.team, MaxLength{limits::id});
  if (e.team.empty()) throw_invalid(child(path, "team"), "must not be empty");
  r.finish();
}

PolicyChoice SlaConfig::choose(std::string_view priority, CustomerTier tier, RequestType request_type,
                               Channel channel) const {
  return choose_policy(policies, priority, tier, request_type, channel);
}

SlaConfig SlaConfig::from_json_text(std::string_view text) {
  const json j = parse_json(text);
  SlaConfig c;
  ObjectReader r(j, "");

  const json* scheme = r.take("priority_scheme");
  if (!scheme) throw_invalid("/priority_scheme", "missing required field");
  c.priority_scheme =
      nested("/priority_scheme", [&] { return PriorityScheme::from_json_text(scheme->dump()); });

  // The registry: "24x7" is always there unless the config defines its own.
  if (const json* cals = r.take("calendars"); cals && !cals->is_null()) {
    if (!cals->is_object()) wrong_type(*cals, "/calendars", "object");
    if (cals->size() > 100) throw_invalid("/calendars", "too many calendars (at most 100)");
    for (const auto& [id, cal] : cals->items()) {
      const std::string at = child("/calendars", id);
      if (id.empty() || id.size() > limits::id) throw_invalid(at, "a calendar id has 1 to 64 bytes");
      c.calendars.by_id.emplace(id, calendar_from_json(cal, at));
    }
  }
  c.calendars.by_id.emplace("24x7", BusinessCalendar::always_open());
  c.calendars.default_id = "24x7";
  if (r.optional("default_calendar", c.calendars.default_id, MaxLength{limits::id}) &&
      !c.calendars.by_id.count(c.calendars.default_id))
    throw_invalid("/default_calendar", "unknown calendar " + in_quotes(c.calendars.default_id));

  auto check_duration = [&](const SlaDuration& d, const std::string& at) {
    if (d.clock != SlaClock::calendar && !d.calendar.empty() && !c.calendars.by_id.count(d.calendar))
      throw_invalid(child(at, "calendar"), "unknown calendar " + in_quotes(d.calendar));
  };

  r.required("policies", c.policies, MaxItems{1000});
  for (std::size_t i = 0; i < c.policies.size(); ++i) {
    const SlaPolicy& p = c.policies[i];
    const std::string at = child("/policies", i);
    if (!c.priority_scheme.rank(p.priority))
      throw_invalid(child(at, "priority"), "unknown priority level " + in_quotes(p.priority));
    for (std::size_t k = 0; k < i; ++k)
      if (c.policies[k].id == p.id) throw_invalid(child(at, "id"), "duplicate policy " + in_quotes(p.id));
    for (const PolicyTarget& t : p.targets)
      check_duration(t.within, child(child(at, "targets"), to_string(t.target)));
  }

  r.optional("escalations", c.escalations, MaxItems{100});
  for (std::size_t i = 0; i < c.escalations.size(); ++i) {
    const EscalationRule& e = c.escalations[i];
    const std::string at = child("/escalations", i);
    for (std::size_t k = 0; k < e.priorities.size(); ++k)
      if (!c.priority_scheme.rank(e.priorities[k]))
        throw_invalid(child(child(at, "priorities"), k),
                      "unknown priority level " + in_quotes(e.priorities[k]));
    for (std::size_t k = 0; k < i; ++k)
      if (c.escalations[k].id == e.id)
        throw_invalid(child(at, "id"), "duplicate escalation " + in_quotes(e.id));
    check_duration(e.after, child(at, "after"));
  }
  if (r.optional("survey_after_resolution", c.survey_after_resolution))
    check_duration(*c.survey_after_resolution, "/survey_after_resolution");
  if (r.optional("auto_close_after_resolution", c.auto_close_after_resolution))
    check_duration(*c.auto_close_after_resolution, "/auto_close_after_resolution");
  if (const json* wf = r.take("workflow"); wf && !wf->is_null())
    c.workflow = nested("/workflow", [&] { return Workflow::from_json_text(wf->dump()); });
  r.finish();
  return c;
}

SlaConfig detail::sla_preset(std::string_view name) { return SlaConfig::from_json_text(config_preset_text(name)); }

PriorityScheme detail::priority_preset(std::string_view name) {
  return PriorityScheme::from_json_text(priority_preset_text(name));
}

}  // namespace ticketcore
