// The demo: a CRM embeds ticketcore. An enterprise customer phones at 17:00 on a
// Friday in Shanghai; the desk registers the customer and the ticket, computes
// the priority, routes and assigns it; on Monday the engineer answers and fixes
// it, and the CRM's scheduler sweeps hourly for what falls due.
// Everything runs in memory, on the engines' built-in presets.
#include <cstdio>
#include <string>
#include <vector>

#include "ticketcore/error.hpp"
#include "ticketcore/model/ids.hpp"
#include "ticketcore/model/json.hpp"
#include "ticketcore/routing/assignment.hpp"
#include "ticketcore/routing/assignment_preset.hpp"
#include "ticketcore/routing/escalation.hpp"
#include "ticketcore/routing/explain.hpp"
#include "ticketcore/routing/preset_rules.hpp"
#include "ticketcore/routing/rules.hpp"
#include "ticketcore/sla/config.hpp"
#include "ticketcore/sla/due.hpp"
#include "ticketcore/sla/timers.hpp"

using namespace ticketcore;

namespace {

Instant at(const char* rfc3339) { return *parse_instant(rfc3339); }

std::string when_text(const BusinessCalendar& calendar, Instant t) {
  // Instants are UTC; whether the desk is open says where that falls in Shanghai.
  return format_instant(t) + (calendar.is_open(t) ? " (desk open)" : " (desk closed)");
}

// The desk's people: one team per dispatch target of DOMAIN.md section 3.
struct Desk {
  std::vector<Team> teams;
  std::vector<Agent> agents;
};

Desk make_desk() {
  Desk d;
  auto team = [&](const char* id, const char* name, const char* lead, const char* supervisor) {
    d.teams.push_back(Team{id, name, "", "cn-standard", lead, supervisor, "m-01"});
  };
  team("product_specialists", "Product specialists", "p-01", "s-01");
  team("technical_support", "Technical support", "t-lead", "s-01");
  team("customer_relations", "Customer relations", "c-01", "s-02");
  team("senior_specialists", "Senior specialists", "v-01", "s-02");
  team("supervisors", "Supervisors", "s-01", "m-01");
  auto agent = [&](const char* id, const char* name, const char* team_id, Seniority seniority,
                   std::vector<std::string> certifications) {
    Agent a;
    a.id = id;
    a.name = name;
    a.team = team_id;
    a.seniority = seniority;
    a.certifications = std::move(certifications);
    a.languages = {"zh", "en"};
    d.agents.push_back(std::move(a));
  };
  agent("p-01", "Zhao Min", "product_specialists", Seniority::regular, {});
  agent("t-lead", "Wang Qiang", "technical_support", Seniority::expert, {"erp"});
  agent("t-01", "Liu Yang", "technical_support", Seniority::regular, {"erp"});
  agent("t-02", "Chen Jie", "technical_support", Seniority::regular, {"crm"});
  agent("c-01", "Sun Li", "customer_relations", Seniority::regular, {});
  agent("v-01", "Zhou Hui", "senior_specialists", Seniority::senior, {"erp"});
  agent("s-01", "Wu Fang", "supervisors", Seniority::expert, {});
  agent("s-02", "Xu Jing", "supervisors", Seniority::expert, {});
  agent("m-01", "He Lei", "supervisors", Seniority::expert, {});
  d.agents[6].role = d.agents[7].role = Role::supervisor;
  d.agents[8].role = Role::admin;
  return d;
}

Event event(const Ticket& t, std::int64_t seq, EventKind kind, const char* actor, Instant when,
            Attributes payload = {}) {
  return Event{seq, t.id, kind, actor, when, std::move(payload)};
}

void print_sla(const char* label, const SlaStatus& s) {
  std::printf("  SLA at %s: priority %s, policy %s\n", label, s.priority.c_str(), s.policy.c_str());
  for (const auto& t : s.targets)
    std::printf("    %-16s %-8s due %s  used %5.1f%%\n", std::string(to_string(t.target)).c_str(),
                std::string(to_string(t.state)).c_str(), format_instant(t.due_at).c_str(), t.percent_used);
}

}  // namespace

int main() {
  const SlaConfig sla = SlaConfig::preset("standard");
  const BusinessCalendar& calendar = sla.calendars.get("cn-standard");
  const Desk desk = make_desk();
  const RuleSet rules =
      RuleSet::from_json_text(preset_rules_json(), RoutingDirectory::from(desk.teams, desk.agents));
  const AssignmentConfig strategies = preset_assignment_config();

  // 17:00 on Friday 2026-03-06 in Shanghai.
  const Instant call = at("2026-03-06T09:00:00Z");
  const Date today{std::chrono::floor<std::chrono::days>(call + std::chrono::hours{8})};
  std::printf("== %s: a call comes in\n", when_text(calendar, call).c_str());

  Customer customer;
  customer.id = NumberFormat::customer_default().format(today, 1);
  customer.kind = CustomerKind::enterprise;
  customer.name = "Hangzhou Lianhe Manufacturing Co., Ltd.";
  customer.company = customer.name;
  customer.department = "IT";
  customer.phones = {"13812345678"};
  customer.tier = CustomerTier::normal;
  customer.created_at = customer.updated_at = call;

  Ticket ticket;
  ticket.id = NumberFormat::ticket_default().format(today, 1);
  ticket.customer_id = customer.id;
  ticket.channel = Channel::phone;
  ticket.request_type = RequestType::technical_support;
  ticket.subtype = "software_fault";
  ticket.subject = "ERP order module down since this afternoon";
  ticket.urgency = Urgency::high;
  ticket.impact.users_affected = 40;
  ticket.attributes["product"] = std::string("erp");
  ticket.created_at = ticket.updated_at = call;
  std::printf("customer %s (%s), ticket %s\n", customer.id.c_str(),
              std::string(to_string(customer.tier)).c_str(), ticket.id.c_str());

  // Priority: impact x urgency, forcing rules, the VIP step.
  const PriorityDecision priority = sla.priority_scheme.compute(ticket, customer.tier);
  ticket.priority = priority.level;
  std::printf("\n== priority %s\n", priority.level.c_str());
  for (const auto& r : priority.reasons) std::printf("  - %s\n", r.text.c_str());

  // Routing: the preset dispatch rules, then the strategy they name.
  EvaluationContext context;
  context.now = call;
  context.customer = &customer;
  const Decision decision = rules.route(ticket, context);
  ticket.team = std::string(decision.team);
  std::printf("\n== routing (rule set %s): team %s, assign by %s\n", std::string(decision.version).c_str(),
              ticket.team.c_str(), std::string(decision.assign_by).c_str());
  std::printf("%s", rules.explain(ticket, context).to_text().c_str());

  CalendarRegistry calendars;
  calendars.by_id.emplace("cn-standard", calendar);
  const Assignment assignment =
      assign(strategies, decision.assign_by,
                      {ticket, customer.tier, desk.agents, desk.teams, calendars, call}, Workload{});
  std::printf("\n== assignment\n%s", explain(assignment, strategies, desk.agents).c_str());
  ticket.team = assignment.team;
  ticket.assignee = assignment.agent;

  std::vector<Event> history = {
      event(ticket, 1, EventKind::created, "p-01", call, {{"priority", ticket.priority}}),
      event(ticket, 2, EventKind::assigned, "system", call, {{"to", ticket.assignee}})};
  print_sla("creation", sla_status({ticket, history, customer.tier}, sla, call));

  const Workflow& workflow = sla.workflow;
  auto move = [&](Status to, Instant when, const char* actor) {
    workflow.check_transition(ticket.status, to);
    history.push_back(
        event(ticket, std::int64_t(history.size()) + 1, EventKind::status_changed, actor, when,
              {{"from", std::string(to_string(ticket.status))}, {"to", std::string(to_string(to))}}));
    std::printf("  %s: %s -> %s%s\n", format_instant(when).c_str(),
                std::string(to_string(ticket.status)).c_str(), std::string(to_string(to)).c_str(),
                workflow.pauses_sla(to) ? " (SLA clocks paused)" : "");
    ticket.status = to;
    ticket.stage = workflow.stage_after(to, ticket.stage);
  };
  move(Status::assigned, call, "system");
  std::printf("\n== Monday: the engineer answers, asks for a log, and fixes it\n");
  move(Status::in_progress, at("2026-03-09T01:20:00Z"), ticket.assignee.c_str());
  history.push_back(event(ticket, std::int64_t(history.size()) + 1, EventKind::public_comment,
                          ticket.assignee.c_str(), at("2026-03-09T01:30:00Z"),
                          {{"text", std::string("We are on it; please send the server log.")}}));
  ticket.first_response_at = at("2026-03-09T01:30:00Z");
  move(Status::pending_customer, at("2026-03-09T01:31:00Z"), ticket.assignee.c_str());
  move(Status::in_progress, at("2026-03-09T05:00:00Z"), "customer");
  print_sla("Monday 13:00", sla_status({ticket, history, customer.tier}, sla, at("2026-03-09T05:00:00Z")));
  move(Status::resolved, at("2026-03-09T07:00:00Z"), ticket.assignee.c_str());
  ticket.resolved_at = at("2026-03-09T07:00:00Z");
  print_sla("resolution", sla_status({ticket, history, customer.tier}, sla, at("2026-03-09T07:00:00Z")));

  // The CRM's scheduler sweeps every hour from the call to Tuesday evening.
  std::printf("\n== due actions, swept hourly\n");
  Instant last = call;
  for (Instant now = call + std::chrono::hours{1}; now <= at("2026-03-10T12:00:00Z");
       now += std::chrono::hours{1}) {
    std::vector<Event> seen;
    for (const auto& e : history)
      if (e.at <= now) seen.push_back(e);
    const SlaSubject subject{ticket, seen, customer.tier};
    for (const auto& a : due(std::span(&subject, 1), sla, last, now)) {
      std::string what = a.target ? std::string(to_string(*a.target)) : "";
      if (a.threshold_percent) what += " " + std::to_string(a.threshold_percent) + "%";
      if (a.kind == DueActionKind::escalation) {
        // The SLA engine says which level of which team; the escalation ladder says who.
        const Escalation who = resolve_escalation(
            {a.team, ticket.assignee, *a.escalation_level,
             EscalationReason::rule},
            desk.teams, desk.agents);
        what = "level " + std::to_string(level_number(*a.escalation_level)) + " of " + a.team + ": " + who.person;
      }
      std::printf("  %s  %-22s %s\n", format_instant(a.due_at).c_str(),
                  std::string(to_string(a.kind)).c_str(), what.c_str());
    }
    last = now;
  }

  move(Status::closed, at("2026-03-10T12:00:00Z"), "customer");
  ticket.closed_at = ticket.updated_at = at("2026-03-10T12:00:00Z");
  try {
    workflow.check_transition(ticket.status, Status::in_progress);
  } catch (const Error& e) {
    std::printf("refused: %s\n", e.what());
  }
  std::printf("\n== the ticket as the CRM stores it\n%s\n", nlohmann::json(ticket).dump(2).c_str());
  return 0;
}
