// The JSON forms of the rule language's results, against golden files: decisions,
// explanations, dry run reports and lint warnings.
#include <catch2/catch.hpp>

#include "json/golden.hpp"
#include "json/json_fixtures.hpp"
#include "ticketcore/json.hpp"
#include "ticketcore/routing/dry_run.hpp"
#include "routing/presets.hpp"

using namespace ticketcore;
using namespace ticketcore::json_testing;

namespace {

RuleSet load(const char* text) { return RuleSet::from_json_text(text, detail::preset_directory()); }

}  // namespace

TEST_CASE("decision: the preset rules on an overdue P1 complaint") {
  RoutingScene s;
  s.ticket.request_type = RequestType::complaint;
  s.ticket.impact.users_affected = 150;
  s.ctx.sla_of(SlaTarget::resolution) = SlaSnapshot{true, 104.5, Seconds{-1800}};
  const Decision d = detail::preset_rule_set().route(s.ticket, s.ctx);
  REQUIRE(d.approvals.size() == 1);
  REQUIRE(d.notifications.size() == 2);
  golden::check("decision", to_json_text(d));
}

TEST_CASE("decision: an escalation level is written as its number") {
  RoutingScene s;
  const Decision d = load(explain_rules_v1()).route(s.ticket, s.ctx);
  REQUIRE(d.escalation_level == EscalationLevel::team_lead);
  golden::check("decision_escalation", to_json_text(d));
}

TEST_CASE("explanation: every rule tried with its conditions and the decision") {
  RoutingScene s;
  const Explanation e = load(explain_rules_v1()).explain(s.ticket, s.ctx);
  REQUIRE(e.rules.size() == 3);
  golden::check("explanation", to_json_text(e));
}

TEST_CASE("dry run report: the tickets whose decision a new version changes") {
  RoutingScene s;
  std::vector<Ticket> tickets(3, s.ticket);
  tickets[1].id = "202605-015";
  tickets[1].request_type = RequestType::consultation;
  tickets[2].id = "202605-016";
  tickets[2].request_type = RequestType::complaint;
  const DryRunReport r = dry_run(load(explain_rules_v1()), load(explain_rules_v2()), tickets,
                                 [&](const Ticket&) { return s.ctx; });
  REQUIRE(r.changed.size() == 3);
  golden::check("dry_run_report", to_json_text(r));
}

TEST_CASE("lint warnings: one of each kind") {
  const RuleSet rs = load(lint_rules());
  REQUIRE(rs.warnings().size() == 3);
  golden::check("lint_warnings", to_json_text(rs.warnings()));
  golden::check("lint_warning", to_json_text(rs.warnings().front()));
}
