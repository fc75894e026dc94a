// The engines alone as C calls (ticketcore.h, "Engines alone"): a configuration's priority
// scheme and SLA policies, its calendars, and rule sets, with no desk and no store.
#include <new>
#include <string>

#include "arguments.hpp"
#include "buffers.hpp"
#include "engine_handles.hpp"
#include "ticketcore/commands/facts.hpp"
#include "ticketcore/customers/warranty.hpp"
#include "ticketcore/json.hpp"
#include "ticketcore/routing/dry_run.hpp"
#include "ticketcore/sla/timers.hpp"

using namespace ticketcore;
using namespace ticketcore::capi;

namespace {

// Hands a new handle to the caller; out was checked by out_arg.
template <class Handle, class... Args>
void give_handle(Handle** out, Args&&... args) {
  *out = new Handle{std::forward<Args>(args)...};
}

Instant instant_arg(int64_t unix_seconds) { return from_unix(unix_seconds); }

// The subject's SLA status at `at` under a configuration's policies.
SlaStatus status_of(const Subject& s, const DeskConfig& config, Instant at) {
  const CustomerTier tier = s.customer ? s.customer->tier : CustomerTier::normal;
  return sla_status(SlaSubject{s.ticket, s.events, tier}, config.sla(), at);
}

// The facts the rules read for a subject: with a configuration, its SLA status and
// calendars; alone, those facts stay unset.
template <class Run>
auto with_facts(const tc_rules& rules, const Subject& s, Instant at, Run&& run) {
  const SlaStatus sla = rules.config ? status_of(s, *rules.config, at) : SlaStatus{};
  const CalendarRegistry* calendars = rules.config ? &rules.config->calendars() : nullptr;
  const Customer* customer = s.customer ? &*s.customer : nullptr;
  return run(routing_facts({s.ticket, s.events, sla, customer, calendars, s.customer_ticket_created_at}, at));
}

}  // namespace

extern "C" {

// ---- Configurations ----

int tc_config_open(tc_config** out, const char* config_json) {
  return guard([&] {
    out_arg(out, "out");
    give_handle(out, config_arg(config_json, "config"));
  });
}

int tc_config_preset(tc_config** out, const char* name) {
  return guard([&] {
    out_arg(out, "out");
    const std::string_view preset = text_arg(name, "name");
    try {
      give_handle(out, DeskConfig::preset(preset));
    } catch (const Error& e) {
      throw ArgumentError("name", e);
    }
  });
}

void tc_config_close(tc_config* config) { delete config; }

int tc_config_json(char** out_json, const tc_config* config) {
  return guard([&] {
    out_arg(out_json, "out_json");
    give(out_json, handle_arg(config, "config").config.to_json_text());
  });
}

int tc_config_priority(char** out_json, const tc_config* config, const char* subject_json, int64_t at) {
  return guard([&] {
    out_arg(out_json, "out_json");
    const DeskConfig& c = handle_arg(config, "config").config;
    const Subject s = subject_arg(subject_json, "subject");
    CustomerStanding standing;
    if (s.customer) standing = {s.customer->tier, in_warranty(*s.customer, s.ticket, instant_arg(at))};
    give(out_json, to_json_text(c.sla().priority_scheme.compute(s.ticket, standing)));
  });
}

int tc_config_sla_status(char** out_json, const tc_config* config, const char* subject_json, int64_t at) {
  return guard([&] {
    out_arg(out_json, "out_json");
    const DeskConfig& c = handle_arg(config, "config").config;
    const Subject s = subject_arg(subject_json, "subject");
    give(out_json, to_json_text(status_of(s, c, instant_arg(at))));
  });
}

int tc_config_calendar(tc_calendar** out, const tc_config* config, const char* calendar_id) {
  return guard([&] {
    out_arg(out, "out");
    const DeskConfig& c = handle_arg(config, "config").config;
    const std::string_view id = text_arg(calendar_id, "calendar_id");
    const BusinessCalendar* calendar = c.calendars().find(id);
    if (!calendar || id.empty())
      throw ArgumentError("calendar_id",
                          Error(ErrorCode::not_found, "", "no calendar \"" + std::string(id) + "\" in the configuration"));
    give_handle(out, *calendar);
  });
}

int tc_config_rules(tc_rules** out, const tc_config* config) {
  return guard([&] {
    out_arg(out, "out");
    const DeskConfig& c = handle_arg(config, "config").config;
    give_handle(out, c.rules(), c);
  });
}

// ---- Calendars ----

int tc_calendar_open(tc_calendar** out, const char* calendar_json) {
  return guard([&] {
    out_arg(out, "out");
    const std::string_view text = text_arg(calendar_json, "calendar");
    try {
      give_handle(out, BusinessCalendar::from_json_text(text));
    } catch (const Error& e) {
      throw ArgumentError("calendar", e);
    }
  });
}

void tc_calendar_close(tc_calendar* calendar) { delete calendar; }

int tc_calendar_add(int64_t* out, const tc_calendar* calendar, int64_t start, int64_t business_seconds) {
  return guard([&] {
    out_arg(out, "out");
    const BusinessCalendar& c = handle_arg(calendar, "calendar").calendar;
    if (business_seconds < 0)
      throw ArgumentError("business_seconds", Error(ErrorCode::invalid_input, "", "must not be negative"));
    *out = to_unix(c.add(instant_arg(start), Seconds{business_seconds}));
  });
}

int tc_calendar_between(int64_t* out, const tc_calendar* calendar, int64_t from, int64_t to) {
  return guard([&] {
    out_arg(out, "out");
    const BusinessCalendar& c = handle_arg(calendar, "calendar").calendar;
    *out = c.business_seconds_between(instant_arg(from), instant_arg(to)).count();
  });
}

int tc_calendar_add_working_days(int64_t* out, const tc_calendar* calendar, int64_t start, int32_t days) {
  return guard([&] {
    out_arg(out, "out");
    const BusinessCalendar& c = handle_arg(calendar, "calendar").calendar;
    *out = to_unix(c.add_working_days(instant_arg(start), days));
  });
}

int tc_calendar_is_working_day(int* out, const tc_calendar* calendar, const char* date) {
  return guard([&] {
    out_arg(out, "out");
    const BusinessCalendar& c = handle_arg(calendar, "calendar").calendar;
    const std::string_view text = text_arg(date, "date");
    const std::optional<Date> day = parse_date(text);
    if (!day) throw ArgumentError("date", Error(ErrorCode::invalid_input, "", "expected a date as YYYY-MM-DD"));
    *out = c.is_working_day(*day) ? 1 : 0;
  });
}

int tc_calendar_is_open(int* out, const tc_calendar* calendar, int64_t at) {
  return guard([&] {
    out_arg(out, "out");
    *out = handle_arg(calendar, "calendar").calendar.is_open(instant_arg(at)) ? 1 : 0;
  });
}

int tc_calendar_next_open(int64_t* out, const tc_calendar* calendar, int64_t at) {
  return guard([&] {
    out_arg(out, "out");
    *out = to_unix(handle_arg(calendar, "calendar").calendar.next_open(instant_arg(at)));
  });
}

// ---- Rule sets ----

int tc_rules_open(tc_rules** out, const char* rules_json, const char* people_json) {
  return guard([&] {
    out_arg(out, "out");
    const std::string_view text = text_arg(rules_json, "rules");
    const People people = people_arg(people_json, "people");
    const RoutingDirectory directory = RoutingDirectory::from(people.teams, people.agents);
    try {
      give_handle(out, RuleSet::from_json_text(text, directory), std::nullopt);
    } catch (const Error& e) {
      throw ArgumentError("rules", e);
    }
  });
}

void tc_rules_close(tc_rules* rules) { delete rules; }

int tc_rules_lint(char** out_json, const tc_rules* rules) {
  return guard([&] {
    out_arg(out_json, "out_json");
    give(out_json, to_json_text(handle_arg(rules, "rules").rules.warnings()));
  });
}

int tc_rules_route(char** out_json, const tc_rules* rules, const char* subject_json, int64_t at) {
  return guard([&] {
    out_arg(out_json, "out_json");
    const tc_rules& r = handle_arg(rules, "rules");
    const Subject s = subject_arg(subject_json, "subject");
    give(out_json, with_facts(r, s, instant_arg(at), [&](const EvaluationContext& facts) {
           return to_json_text(r.rules.route(s.ticket, facts));
         }));
  });
}

int tc_rules_explain(char** out_json, const tc_rules* rules, const char* subject_json, int64_t at) {
  return guard([&] {
    out_arg(out_json, "out_json");
    const tc_rules& r = handle_arg(rules, "rules");
    const Subject s = subject_arg(subject_json, "subject");
    give(out_json, with_facts(r, s, instant_arg(at), [&](const EvaluationContext& facts) {
           return to_json_text(r.rules.explain(s.ticket, facts));
         }));
  });
}

int tc_rules_dry_run(char** out_json, const tc_rules* current, const tc_rules* proposed, const char* tickets_json,
                     int64_t at) {
  return guard([&] {
    out_arg(out_json, "out_json");
    const tc_rules& now_rules = handle_arg(current, "current");
    const tc_rules& next_rules = handle_arg(proposed, "proposed");
    const std::vector<Ticket> tickets = tickets_arg(tickets_json, "tickets");
    const Instant when = instant_arg(at);
    // Each ticket alone: no history and no customer, the SLA facts from the current rules' configuration.
    std::vector<SlaStatus> statuses;
    statuses.reserve(tickets.size());
    for (const Ticket& t : tickets)
      statuses.push_back(now_rules.config ? status_of(Subject{t, {}, {}, {}}, *now_rules.config, when) : SlaStatus{});
    const CalendarRegistry* calendars = now_rules.config ? &now_rules.config->calendars() : nullptr;
    const DryRunReport report = dry_run(now_rules.rules, next_rules.rules, tickets, [&](const Ticket& t) {
      // dry_run() hands back the span's own elements, so the address gives the index.
      const std::size_t i = static_cast<std::size_t>(&t - tickets.data());
      return routing_facts({t, {}, statuses[i], nullptr, calendars, {}}, when);
    });
    give(out_json, to_json_text(report));
  });
}

}  // extern "C"
