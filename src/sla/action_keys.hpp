#pragma once
// The keys of due actions (DueAction::key). The host stores them to hand nothing out twice,
// so their text is a contract: every key is built here, one function per kind, and
// tests/sla/action_keys_test.cpp pins the text. The grammar (docs/sla.md, "Due actions"):
//
//     <ticket>/<target>/cycle<n>/warning<pct>          handling_start, first_response, resolution
//     <ticket>/<target>/cycle<n>/breach
//     <ticket>/periodic_update/anchor<seq>/warning<pct>
//     <ticket>/periodic_update/anchor<seq>/owed<k>
//     <ticket>/escalation/<rule>/assignment<seq>
//     <ticket>/satisfaction_survey/resolution<seq>
//     <ticket>/auto_close/resolution<seq>
//
// A key names an action by what makes it unique, never by when it fell due: the run of the
// clock (the reopen cycle, or the event that started it), the threshold, the rule. So a
// re-target, a later sweep or a longer history finds the same action under the same key.
//
// Internal: the host and the Desk only store and compare keys (and copy them into the
// events they record); nothing builds or parses one outside the SLA engine.

#include <cstdint>
#include <string>
#include <string_view>

#include "ticketcore/sla/target.hpp"

namespace ticketcore::detail {

/// A target passed a warning threshold. `run` is the reopen cycle, or for periodic_update the
/// sequence of the event that started the interval (0: creation).
std::string sla_warning_key(std::string_view ticket, SlaTarget target, std::int64_t run, int percent);

/// A target passed its due time in reopen cycle `cycle` (periodic_update owes updates instead).
std::string sla_breach_key(std::string_view ticket, SlaTarget target, std::int64_t cycle);

/// The k-th interval without an update since the event `anchor` (0: creation).
std::string progress_update_owed_key(std::string_view ticket, std::int64_t anchor, std::int64_t k);

/// An escalation rule's time ran out after the assignment event `assignment`.
std::string escalation_key(std::string_view ticket, std::string_view rule, std::int64_t assignment);

/// The survey is owed after the resolution event `resolution`.
std::string satisfaction_survey_key(std::string_view ticket, std::int64_t resolution);

/// The ticket may be closed after the resolution event `resolution`.
std::string auto_close_key(std::string_view ticket, std::int64_t resolution);

}  // namespace ticketcore::detail
