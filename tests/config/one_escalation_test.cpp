// The standard desk over a technical ticket left without progress: the SLA sweep and the
// rules, run together as a host runs them, escalate it exactly once.
#include <catch2/catch.hpp>

#include "ticketcore/config.hpp"
#include "ticketcore/sla/due.hpp"

using namespace ticketcore;

namespace {

Instant shanghai(const char* local) { return *parse_instant(std::string(local) + ":00+08:00"); }

Event event(const Ticket& t, std::int64_t sequence, EventKind kind, Instant at, Attributes payload) {
  return Event{sequence, t.id, kind, "supervisor", at, std::move(payload)};
}

// The SLA engine's view of each target, as a host fills the rules' sla.* facts.
void set_sla_facts(EvaluationContext& ctx, const SlaStatus& status) {
  for (const TargetStatus& target : status.targets)
    ctx.sla_of(target.target) = SlaSnapshot{true, target.percent_used, Seconds{target.remaining_seconds}};
}

}  // namespace

TEST_CASE("config: the standard desk escalates a technical ticket without progress exactly once") {
  const DeskConfig preset = DeskConfig::preset("standard");
  std::vector<Team> teams = preset.teams();
  for (Team& t : teams)
    if (t.id == "technical_support") t.lead = "t-lead";
  std::vector<Agent> agents(2);
  agents[0].id = agents[0].name = "t-lead";
  agents[1].id = agents[1].name = "t-01";
  agents[0].team = agents[1].team = "technical_support";
  const DeskConfig desk = preset.with_people(teams, agents);

  // Monday 2026-03-09, a working day: created 10:00, assigned to t-01 at 10:05, then nothing.
  Ticket ticket;
  ticket.id = "202603-001";
  ticket.customer_id = "C20260309001";
  ticket.subject = "ERP order module down";
  ticket.channel = Channel::phone;
  ticket.request_type = RequestType::technical_support;
  ticket.priority = "P3";
  ticket.status = Status::assigned;
  ticket.team = "technical_support";
  ticket.assignee = "t-01";
  ticket.created_at = ticket.updated_at = shanghai("2026-03-09T10:00");
  const Instant assigned_at = shanghai("2026-03-09T10:05");
  const std::vector<Event> events{
      event(ticket, 1, EventKind::created, ticket.created_at, {{"priority", std::string("P3")}}),
      event(ticket, 2, EventKind::assigned, assigned_at, {{"assignee", std::string("t-01")}})};
  const std::vector<SlaSubject> subjects{SlaSubject{ticket, events, CustomerTier::normal}};
  Customer customer;
  customer.id = ticket.customer_id;
  customer.tier = CustomerTier::normal;

  // A host's scheduler: sweep due() every hour for a day, and route the ticket each hour.
  std::vector<DueAction> escalations;
  int rule_escalations = 0;
  Instant last = ticket.created_at;
  for (int hour = 1; hour <= 24; ++hour) {
    const Instant now = ticket.created_at + std::chrono::hours{hour};
    for (DueAction& a : due(subjects, desk.sla(), last, now))
      if (a.kind == DueActionKind::escalation) escalations.push_back(std::move(a));
    last = now;

    EvaluationContext ctx;
    ctx.now = now;
    ctx.customer = &customer;
    ctx.assigned_at = assigned_at;  // hours_since_assigned and hours_without_progress count from here
    set_sla_facts(ctx, sla_status(subjects[0], desk.sla(), now));
    const Decision d = desk.rules().route(ticket, ctx);
    if (d.escalation_level) ++rule_escalations;
  }

  CHECK(rule_escalations == 0);
  REQUIRE(escalations.size() == 1);
  const DueAction& e = escalations[0];
  CHECK(e.rule == "technical-lead");
  CHECK(e.team == "technical_support");
  CHECK(e.escalation_level == EscalationLevel::team_lead);
  CHECK(e.due_at == shanghai("2026-03-09T11:05"));  // one business hour after the assignment
  // The level and team resolve to the lead the host set.
  const Escalation to = resolve_escalation(
      {e.team, ticket.assignee, *e.escalation_level, EscalationReason::rule}, desk.teams(), desk.agents());
  CHECK(to.person == "t-lead");
}
