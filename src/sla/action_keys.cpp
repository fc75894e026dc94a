#include "action_keys.hpp"

namespace ticketcore::detail {

namespace {

// "<prefix>/<what><number>"
std::string join(std::string_view prefix, std::string_view what, std::int64_t number) {
  std::string key(prefix);
  key += '/';
  key += what;
  key += std::to_string(number);
  return key;
}

// "<ticket>/<target>/cycle<n>", or "<ticket>/periodic_update/anchor<seq>": which run of the clock.
std::string target_run(std::string_view ticket, SlaTarget target, std::int64_t run) {
  std::string what(to_string(target));
  what += target == SlaTarget::periodic_update ? "/anchor" : "/cycle";
  return join(ticket, what, run);
}

}  // namespace

std::string sla_warning_key(std::string_view ticket, SlaTarget target, std::int64_t run, int percent) {
  return join(target_run(ticket, target, run), "warning", percent);
}

std::string sla_breach_key(std::string_view ticket, SlaTarget target, std::int64_t cycle) {
  return target_run(ticket, target, cycle) + "/breach";
}

std::string progress_update_owed_key(std::string_view ticket, std::int64_t anchor, std::int64_t k) {
  return join(target_run(ticket, SlaTarget::periodic_update, anchor), "owed", k);
}

std::string escalation_key(std::string_view ticket, std::string_view rule, std::int64_t assignment) {
  std::string what = "escalation/";
  what += rule;
  what += "/assignment";
  return join(ticket, what, assignment);
}

std::string satisfaction_survey_key(std::string_view ticket, std::int64_t resolution) {
  return join(ticket, "satisfaction_survey/resolution", resolution);
}

std::string auto_close_key(std::string_view ticket, std::int64_t resolution) {
  return join(ticket, "auto_close/resolution", resolution);
}

}  // namespace ticketcore::detail
