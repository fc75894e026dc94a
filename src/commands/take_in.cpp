// Take-in, DESIGN.md's pipeline: validate, number, prioritize, route, assign, start
// the SLA; the host gets the ticket, its first events and what it owes people.
#include "ticketcore/commands/take_in.hpp"

#include <algorithm>

#include "ticketcore/commands/facts.hpp"
#include "ticketcore/customers/warranty.hpp"
#include "ticketcore/error.hpp"
#include "ticketcore/model/event_payloads.hpp"
#include "ticketcore/model/limits.hpp"
#include "ticketcore/routing/escalation.hpp"

namespace ticketcore {

namespace {

// The fields the desk sets: a request carrying one is refused, naming it.
void refuse_desk_fields(const Ticket& r) {
  auto refuse = [](bool set, const char* field) {
    if (set) throw_invalid(std::string("/") + field, "set by the desk, not by the request");
  };
  refuse(!r.id.empty(), "id");
  refuse(!r.priority.empty(), "priority");
  refuse(r.status != Status::new_ticket, "status");
  refuse(r.stage != Stage::intake, "stage");
  refuse(!r.team.empty(), "team");
  refuse(!r.assignee.empty(), "assignee");
  refuse(r.responsibility.has_value(), "responsibility");
  refuse(!r.solution_options.empty(), "solution_options");
  refuse(!r.chosen_solution.empty(), "chosen_solution");
  refuse(r.satisfaction.has_value(), "satisfaction");
  refuse(r.created_at != Instant{}, "created_at");
  refuse(r.first_response_at.has_value(), "first_response_at");
  refuse(r.resolved_at.has_value(), "resolved_at");
  refuse(r.closed_at.has_value(), "closed_at");
  refuse(r.updated_at != Instant{}, "updated_at");
  refuse(r.version != 0, "version");
}

void add_once(std::vector<std::string>& tags, std::string_view tag) {
  if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.emplace_back(tag);
}

// Who a rule's notification goes to, as the host addresses them.
std::vector<std::string> recipients(RecipientSet set, const Ticket& t, const DeskConfig& config) {
  std::vector<std::string> out;
  if ((set & static_cast<RecipientSet>(Recipient::handler)) && !t.assignee.empty()) out.push_back(t.assignee);
  if (set & static_cast<RecipientSet>(Recipient::supervisor))
    if (const Team* team = config.find_team(t.team); team && !team->supervisor.empty())
      out.push_back(team->supervisor);
  if (set & static_cast<RecipientSet>(Recipient::customer)) out.emplace_back("customer");
  return out;
}

}  // namespace

TakeInResult take_in(const CommandContext& c, const Ticket& request, const IntakeSnapshot& snap) {
  const DeskConfig& config = c.config;
  const Customer& customer = snap.customer;
  if (c.actor.kind == ActorKind::customer && c.actor.id != customer.id)
    throw Error(ErrorCode::denied, "/actor", "a customer opens tickets for themselves only");
  refuse_desk_fields(request);
  if (request.customer_id != customer.id)
    throw_invalid("/customer_id", "\"" + request.customer_id + "\" is not the customer read for the ticket");
  if (request.subject.empty()) throw_invalid("/subject", "must not be empty");
  if (request.subject.size() > limits::name) throw_invalid("/subject", "too long");
  if (request.description.size() > limits::text) throw_invalid("/description", "too long");
  if (snap.serial < 1) throw_invalid("/serial", "the ticket counter starts at 1");

  TakeInResult r;
  Ticket& t = r.ticket;
  t = request;
  t.id = config.ticket_numbers().format(config.calendars().get("").local_date(c.now), snap.serial);
  t.created_at = t.updated_at = c.now;
  t.version = 1;

  // Prioritize: impact x urgency, forcing rules, the customer's tier.
  r.priority = config.sla().priority_scheme.compute(t, {customer.tier, in_warranty(customer, t, t.created_at)});
  t.priority = r.priority.level;

  // Route on the facts at creation: no history yet, every clock at zero.
  const SlaStatus at_start = sla_status({t, {}, customer.tier}, config.sla(), c.now);
  const EvaluationContext facts =
      routing_facts({t, {}, at_start, &customer, &config.calendars(), snap.customer_ticket_created_at}, c.now);
  r.routing = config.rules().route(t, facts);
  const Decision& d = r.routing;
  if (!d.priority.empty() && d.priority != t.priority) {
    r.priority.reasons.push_back({PriorityReasonKind::rule, "rules " + std::string(d.version), t.priority,
                                  std::string(d.priority), "routing rule: " + std::string(d.priority_reason)});
    r.priority.level = t.priority = std::string(d.priority);
  }
  for (auto tag : d.tags_added) add_once(t.tags, tag);
  for (auto tag : d.tags_removed) std::erase(t.tags, std::string(tag));
  if (!d.team.empty()) t.team = std::string(d.team);

  // Assign: a rule's agent, else the strategy the rules name; nobody fitting leaves it queued.
  r.workload = snap.workload;
  if (!d.agent.empty()) {
    const Agent* agent = config.find_agent(d.agent);
    t.assignee = agent->id;
    if (!agent->team.empty()) t.team = agent->team;
    ++r.workload.open_tickets[agent->id];
  } else if (!d.assign_by.empty()) {
    r.assignment = assign(config.assignment(), d.assign_by,
                          {t, customer.tier, config.shared_agents(), config.teams(), config.calendars(), c.now}, snap.workload);
    t.assignee = r.assignment.agent;
    t.team = r.assignment.team;
    r.workload = r.assignment.workload;
  }

  // The first events: taken in by the actor; what rules and strategies did, by the system.
  auto add = [&](const std::string& actor, const auto& payload) {
    Event e = events::make_event(t.id, actor, c.now, payload);
    e.sequence = std::int64_t(r.events.size()) + 1;
    r.events.push_back(std::move(e));
  };
  add(c.actor.event_actor(), events::Created{t.priority, std::string(to_string(t.channel)), config.version()});
  if (!t.team.empty() || !t.assignee.empty())
    add("system", events::Assigned{"", t.assignee, t.team, std::string(d.assign_by)});
  if (!t.assignee.empty()) {
    config.workflow().check_transition(Status::new_ticket, Status::assigned);
    add("system", events::StatusChanged{Status::new_ticket, Status::assigned, "assigned on intake"});
    t.status = Status::assigned;
    t.stage = config.workflow().stage_after(t.status, t.stage);
  }
  if (d.escalation_level && !t.team.empty()) {
    const Escalation who = resolve_escalation({t.team, t.assignee, *d.escalation_level, EscalationReason::rule},
                                              config.teams(), config.agents());
    if (who.resolved()) {
      add("system", events::Escalated{who.level, who.team, who.person, std::string(d.escalation_reason), ""});
      r.actions.push_back({HostActionKind::notify, t.id, "escalation", who.notify, std::string(d.escalation_reason)});
    }
  }
  r.sla = sla_status({t, r.events, customer.tier}, config.sla(), c.now);

  // What the host owes people: the ticket number to the customer first (DOMAIN.md section 1).
  r.actions.insert(r.actions.begin(), HostAction{HostActionKind::auto_reply, t.id, "ticket_received", {"customer"},
                                                 "We have received your request: ticket " + t.id + "."});
  if (!t.assignee.empty())
    r.actions.push_back({HostActionKind::notify, t.id, "ticket_assigned", {t.assignee}, t.subject});
  for (const auto& n : d.notifications)
    if (auto who = recipients(n.recipients, t, config); !who.empty())
      r.actions.push_back({HostActionKind::notify, t.id, std::string(n.template_id), std::move(who), t.subject});
  for (const auto& a : d.approvals)
    r.actions.push_back(
        {HostActionKind::approval, t.id, "remedy_approval", {std::string(to_string(a.approver))}, std::string(a.reason)});
  return r;
}

}  // namespace ticketcore
