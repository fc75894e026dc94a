// The preset rule set on DOMAIN.md's scenarios.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "routing/rules_support.hpp"
#include "routing/presets.hpp"

using namespace ticketcore;
using namespace ticketcore::rules_test;

namespace {

struct Scenario {
  Context c;
  Ticket t = ticket();
  Scenario() {
    c.customer_record.tier = CustomerTier::normal;
    c.ctx.assigned_at.reset();
    c.ctx.sla_of(SlaTarget::resolution) = SlaSnapshot{true, 10, Seconds{20 * 3600}};
    t.status = Status::new_ticket;
    t.team.clear();
    t.assignee.clear();
    t.impact = Impact{};
  }
  Decision route() const { return detail::preset_rule_set().route(t, c.ctx); }
};

}  // namespace

TEST_CASE("preset rules: load without warnings and record their version") {
  const RuleSet rs = detail::preset_rule_set();
  CHECK(rs.version() == "preset-2026.1");
  CHECK(rs.warnings().empty());
  Scenario s;
  CHECK(s.route().version == "preset-2026.1");
}

TEST_CASE("preset rules: consultation goes to product specialists by round robin") {
  Scenario s;
  s.t.request_type = RequestType::consultation;
  const Decision d = s.route();
  CHECK(d.team == "product_specialists");
  CHECK(d.assign_by == "consultation");
  CHECK(d.matched_rules == std::vector<std::string_view>{"consultation"});
}

TEST_CASE("preset rules: technical support goes to certified engineers") {
  Scenario s;
  const Decision d = s.route();
  CHECK(d.team == "technical_support");
  CHECK(d.assign_by == "technical");
  CHECK(d.escalation_level == std::nullopt);
  CHECK(d.approvals.empty());
}

TEST_CASE("preset rules: complaints go to customer relations and remedies need a supervisor") {
  Scenario s;
  s.t.request_type = RequestType::complaint;
  for (CustomerTier tier : {CustomerTier::normal, CustomerTier::vip}) {
    s.c.customer_record.tier = tier;
    const Decision d = s.route();
    CHECK(d.team == "customer_relations");
    CHECK(d.assign_by == "complaint");
    CHECK(d.tags_added == std::vector<std::string_view>{"complaint"});
    REQUIRE(d.approvals.size() == 1);
    CHECK(d.approvals[0].approver == EscalationLevel::supervisor);
    CHECK(d.approvals[0].rule_id == "complaint-remedy-approval");
  }
}

TEST_CASE("preset rules: VIP and strategic after-sales go to senior specialists") {
  Scenario s;
  for (CustomerTier tier : {CustomerTier::vip, CustomerTier::strategic}) {
    s.c.customer_record.tier = tier;
    const Decision d = s.route();
    CHECK(d.team == "senior_specialists");
    CHECK(d.assign_by == "vip_after_sales");
    // Faster handling for VIPs comes from the priority scheme's tier step, and the
    // SLA presets have no "vip" policy to name.
    CHECK(d.sla_policy.empty());
  }
  s.t.request_type = RequestType::consultation;
  CHECK(s.route().team == "product_specialists");
}

TEST_CASE("preset rules: a technical ticket without progress is left to the SLA escalation") {
  // The SLA escalation "technical-lead" escalates it once per assignment (due() sweeps it);
  // a rule over hours_without_progress would escalate it again at every evaluation.
  Scenario s;
  s.t.status = Status::assigned;
  s.t.team = "technical_support";
  s.t.assignee = "a-li";
  for (int hours : {1, 5, 48}) {
    s.c.ctx.assigned_at = s.c.ctx.now - Seconds{hours * 3600};
    const Decision d = s.route();
    CHECK(d.escalation_level == std::nullopt);
    CHECK(d.team == "technical_support");  // dispatched as any technical ticket
    CHECK(d.matched_rules == std::vector<std::string_view>{"technical-support"});
  }
}

TEST_CASE("preset rules: large outages and major losses are P1 and alert the supervisor") {
  Scenario s;
  s.t.impact.users_affected = 150;
  Decision d = s.route();
  CHECK(d.priority == "P1");
  CHECK(d.team == "technical_support");  // dispatch still happens
  REQUIRE(d.notifications.size() == 1);
  CHECK(d.notifications[0].template_id == "p1_opened");
  s.t.impact = Impact{};
  s.t.impact.estimated_loss = Money{200000, "CNY"};
  CHECK(s.route().priority == "P1");
  s.t.impact.estimated_loss = Money{100000, "CNY"};  // "more than 100,000"
  CHECK(s.route().priority.empty());
  s.t.impact = Impact{};
  s.t.impact.core_business_down = true;
  CHECK(s.route().priority == "P1");
  s.t.impact = Impact{};
  s.t.impact.users_affected = 99;
  CHECK(s.route().priority.empty());
}

TEST_CASE("preset rules: overdue tickets alert the handler and the supervisor") {
  Scenario s;
  s.c.ctx.sla_of(SlaTarget::resolution) = SlaSnapshot{true, 100, Seconds{0}};
  Decision d = s.route();
  REQUIRE(d.notifications.size() == 1);
  CHECK(d.notifications[0].template_id == "sla_overdue");
  CHECK(d.notifications[0].recipients ==
        (static_cast<RecipientSet>(Recipient::handler) | static_cast<RecipientSet>(Recipient::supervisor)));
  s.c.ctx.sla_of(SlaTarget::resolution) = SlaSnapshot{true, 99.9, Seconds{10}};
  CHECK(s.route().notifications.empty());
}

TEST_CASE("preset rules: other requests go to the supervisors") {
  Scenario s;
  s.t.request_type = RequestType::other;
  CHECK(s.route().team == "supervisors");
  CHECK(s.route().assign_by.empty());  // a supervisor picks it from the queue
  s.c.ctx.customer = nullptr;                // an unknown customer is not VIP
  CHECK(s.route().team == "supervisors");
  s.c.ctx.customer = &s.c.customer_record;
  s.c.customer_record.tier = CustomerTier::vip;
  CHECK(s.route().team == "senior_specialists");
}

TEST_CASE("preset rules: docs/rules.md shows the preset as shipped") {
  std::ifstream in(std::string(TICKETCORE_DATA_DIR) + "/../docs/rules.md");
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  CHECK_THAT(text.str(), Catch::Contains(std::string(detail::preset_rules_json())));
}

TEST_CASE("preset rules: every strategy they assign by is one of the preset assignment strategies") {
  const auto strategies = detail::preset_assignment_config();
  const json rules = json::parse(detail::preset_rules_json());
  int named = 0;
  for (const auto& rule : rules["rules"])
    for (const auto& action : rule["then"])
      if (action.contains("assign_by")) {
        INFO(action.dump());
        CHECK(strategies.find(action["assign_by"].get<std::string>()) != nullptr);
        ++named;
      }
  CHECK(named == 4);
}
