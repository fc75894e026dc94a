// The JSON forms of the priority and SLA results, against golden files: priority
// decisions (computed and overridden), policy choices, SLA status and one target.
#include <catch2/catch.hpp>

#include "json/golden.hpp"
#include "sla/sla_fixtures.hpp"
#include "sla/presets.hpp"
#include "ticketcore/json.hpp"
#include "ticketcore/sla/config.hpp"

using namespace ticketcore;
using ticketcore::sla_testing::History;
using ticketcore::sla_testing::sh;

namespace {

const SlaConfig& standard() {
  static const SlaConfig c = detail::sla_preset("standard");
  return c;
}

// An escalated complaint from a VIP, several users affected: matrix cell, rule, tier step.
Ticket escalated_complaint() {
  Ticket t;
  t.id = "202605-021";
  t.customer_id = "C20260501001";
  t.subject = "Third visit, printer still jams";
  t.request_type = RequestType::complaint;
  t.urgency = Urgency::medium;
  t.impact.users_affected = 5;
  t.tags = {"escalated"};
  return t;
}

// A P3 technical ticket: assigned, replied late (first response breached), resolved.
History p3_ticket() {
  History h("202603-100", sh("2026-03-09T10:00"), "P3");
  h.assign(sh("2026-03-09T10:05"));
  h.status(sh("2026-03-09T10:05"), "new", "assigned");
  h.status(sh("2026-03-09T10:30"), "assigned", "in_progress");
  h.reply(sh("2026-03-10T11:00"));
  return h;
}

}  // namespace

TEST_CASE("priority decision: matrix cell then forcing rule then tier step") {
  const PriorityDecision d = standard().priority_scheme.compute(escalated_complaint(), {CustomerTier::vip});
  REQUIRE(d.reasons.size() >= 2);
  golden::check("priority_decision", to_json_text(d));
}

TEST_CASE("priority decision: overridden by hand keeps the computed level") {
  const PriorityScheme& scheme = standard().priority_scheme;
  const PriorityDecision d = scheme.override_with(scheme.compute(escalated_complaint(), {CustomerTier::normal}),
                                                  "P1", "the customer's production line is stopped");
  REQUIRE(d.overridden);
  golden::check("priority_decision_overridden", to_json_text(d));
}

TEST_CASE("policy choice: the most specific policy and every candidate") {
  SlaConfig config = standard();
  SlaPolicy vip =
      *config.choose("P2", CustomerTier::normal, RequestType::technical_support, Channel::phone).policy;
  vip.id = "p2-vip";
  vip.tier = CustomerTier::vip;
  config.policies.push_back(vip);
  const PolicyChoice choice =
      config.choose("P2", CustomerTier::vip, RequestType::technical_support, Channel::phone);
  REQUIRE(choice.candidates.size() == 2);
  golden::check("policy_choice", to_json_text(choice));
  // No policy covers the level: the policy is left out.
  const std::string none =
      to_json_text(config.choose("P9", CustomerTier::vip, RequestType::other, Channel::email));
  CHECK(none.find("\"policy\"") == std::string::npos);
  CHECK(none.find("\"candidates\":[]") != std::string::npos);
}

TEST_CASE("sla status: a P3 ticket the day after its late first response") {
  const History h = p3_ticket();
  const SlaStatus status = sla_status(h.subject(), standard(), sh("2026-03-10T16:00"));
  REQUIRE(status.targets.size() >= 3);
  golden::check("sla_status", to_json_text(status));
}

TEST_CASE("target status: a first response met after its breach") {
  const History h = p3_ticket();
  const SlaStatus status = sla_status(h.subject(), standard(), sh("2026-03-10T16:00"));
  const TargetStatus first = sla_testing::target_of(status, SlaTarget::first_response);
  REQUIRE(first.met_at);
  REQUIRE(first.breached_at);
  golden::check("target_status", to_json_text(first));
}
