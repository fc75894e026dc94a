// The changes a desk offers on a ticket after intake, each a pure function over the
// ticket, its history, the actor and `now` (docs/commands.md lists what each checks).
#include "ticketcore/commands/ticket_commands.hpp"

#include <algorithm>
#include <set>

#include "commands/draft.hpp"
#include "ticketcore/routing/escalation.hpp"

namespace ticketcore {

using detail::Draft;
using detail::require_open;
using detail::require_staff;
using detail::required_text;

namespace {

// The remedy request still waiting for an answer, if any.
std::optional<events::RemedyApprovalRequested> pending_remedy(std::span<const Event> history) {
  std::optional<events::RemedyApprovalRequested> pending;
  for (const Event& e : history) {
    if (e.kind == EventKind::remedy_approval_requested)
      pending = events::read_payload<events::RemedyApprovalRequested>(e);
    else if (e.kind == EventKind::remedy_approved || e.kind == EventKind::remedy_refused)
      pending.reset();
  }
  return pending;
}

// Whether the actor holds `level` or a higher one for this ticket: the team's lead,
// supervisor or manager by name, or a supervisor or admin by role.
bool holds_level(const CommandContext& c, const Ticket& t, EscalationLevel level) {
  if (!c.actor.is_staff()) return false;
  const Agent* agent = c.config.find_agent(c.actor.id);
  if (!agent || !agent->active) return false;
  if (agent->role == Role::admin) return true;
  const Team* team = c.config.find_team(t.team);
  auto names = [&](const std::string& who) { return team && !who.empty() && who == agent->id; };
  switch (level) {
    case EscalationLevel::handler: return true;
    case EscalationLevel::team_lead:
      if (names(team ? team->lead : "")) return true;
      [[fallthrough]];
    case EscalationLevel::supervisor:
      if (agent->role == Role::supervisor || names(team ? team->supervisor : "")) return true;
      [[fallthrough]];
    case EscalationLevel::manager: return names(team ? team->manager : "");
  }
  return false;
}

void check_rating(int value, const char* field) {
  if (value < 1 || value > 5)
    throw_invalid(std::string("/") + field, "a rating is 1 to 5 stars, got " + std::to_string(value));
}

}  // namespace

Change assign(const CommandContext& c, const TicketState& s, std::string_view agent_id) {
  require_staff(c, "assign tickets");
  require_open(c, s.ticket);
  const Agent* agent = c.config.find_agent(agent_id);
  if (!agent) throw Error(ErrorCode::not_found, "/agent", "no agent \"" + std::string(agent_id) + "\"");
  if (!agent->active) throw_invalid("/agent", "agent \"" + agent->id + "\" has left the desk");
  if (agent->id == s.ticket.assignee) throw_invalid("/agent", "the ticket is assigned to \"" + agent->id + "\" already");
  Draft d(c, s);
  const std::string from = d.ticket().assignee;
  d.ticket().assignee = agent->id;
  if (!agent->team.empty()) d.ticket().team = agent->team;
  d.add(events::Assigned{from, agent->id, d.ticket().team, ""});
  if (d.ticket().status == Status::new_ticket && d.workflow().allows(Status::new_ticket, Status::assigned))
    d.move_to(Status::assigned);
  d.notify("ticket_assigned", {agent->id}, "ticket " + s.ticket.id + " is yours: " + s.ticket.subject);
  return std::move(d).done();
}

Change change_status(const CommandContext& c, const TicketState& s, Status to, std::string_view reason) {
  require_staff(c, "change a ticket's status");
  if (to == Status::merged) throw_invalid("/status", "merging needs the ticket kept: use merge");
  Draft d(c, s);
  d.move_to(to, reason);
  return std::move(d).done();
}

Change comment(const CommandContext& c, const TicketState& s, std::string_view text) {
  if (c.actor.kind == ActorKind::customer && c.actor.id != s.ticket.customer_id)
    throw Error(ErrorCode::denied, "/actor", "a customer comments on their own tickets only");
  require_open(c, s.ticket);
  Draft d(c, s);
  d.add(events::PublicComment{required_text(text, "text")});
  if (c.actor.is_staff() && !d.ticket().first_response_at) d.ticket().first_response_at = c.now;
  // The customer answered what the desk waited for: the ticket is back with the handler.
  if (c.actor.kind == ActorKind::customer && d.workflow().pauses_sla(d.ticket().status) &&
      d.workflow().allows(d.ticket().status, Status::in_progress))
    d.move_to(Status::in_progress, "the customer replied");
  return std::move(d).done();
}

Change internal_comment(const CommandContext& c, const TicketState& s, std::string_view text) {
  require_staff(c, "write internal notes");
  Draft d(c, s);
  d.add(events::InternalComment{required_text(text, "text")});
  return std::move(d).done();
}

Change progress_update(const CommandContext& c, const TicketState& s, std::string_view text) {
  require_staff(c, "post progress updates");
  require_open(c, s.ticket);
  Draft d(c, s);
  d.add(events::ProgressUpdate{required_text(text, "text")});
  return std::move(d).done();
}

Change escalate(const CommandContext& c, const TicketState& s, EscalationLevel level, std::string_view reason) {
  require_open(c, s.ticket);
  if (c.actor.kind == ActorKind::customer) throw Error(ErrorCode::denied, "/actor", "a customer may not escalate");
  if (s.ticket.team.empty()) throw_invalid("/team", "the ticket is in no team to escalate in");
  const Escalation who =
      resolve_escalation({s.ticket.team, s.ticket.assignee, level,
                          c.actor.kind == ActorKind::system ? EscalationReason::rule : EscalationReason::manual},
                         c.config.teams(), c.config.agents());
  if (!who.resolved())
    throw Error(ErrorCode::not_found, "/level",
                "nobody active holds level " + std::string(to_string(level)) + " or above in team " + s.ticket.team);
  Draft d(c, s);
  d.add(events::Escalated{who.level, who.team, who.person, required_text(reason, "reason", limits::name), ""});
  d.notify("escalation", who.notify, "ticket " + s.ticket.id + " escalated: " + std::string(reason));
  return std::move(d).done();
}

Change change_priority(const CommandContext& c, const TicketState& s, std::string_view level,
                       std::string_view reason) {
  require_staff(c, "change priorities");
  require_open(c, s.ticket);
  if (!c.config.sla().priority_scheme.rank(level))
    throw_invalid("/priority", "unknown priority level \"" + std::string(level) + "\"");
  if (level == s.ticket.priority) throw_invalid("/priority", "the ticket is " + std::string(level) + " already");
  Draft d(c, s);
  d.add(events::PriorityChanged{s.ticket.priority, std::string(level), required_text(reason, "reason", limits::name)});
  d.ticket().priority = std::string(level);
  return std::move(d).done();
}

Change propose_solutions(const CommandContext& c, const TicketState& s, std::vector<SolutionOption> options) {
  require_staff(c, "propose solutions");
  require_open(c, s.ticket);
  if (options.empty() || options.size() > limits::solution_options)
    throw_invalid("/solution_options", "a solution plan has 1 to 3 options, got " + std::to_string(options.size()));
  std::set<std::string> ids;
  for (std::size_t i = 0; i < options.size(); ++i) {
    const std::string at = "/solution_options/" + std::to_string(i);
    if (options[i].id.empty()) throw_invalid(at + "/id", "must not be empty");
    if (options[i].title.empty()) throw_invalid(at + "/title", "must not be empty");
    if (options[i].duration_hours < 0) throw_invalid(at + "/duration_hours", "must not be negative");
    if (options[i].fee && options[i].fee->amount < 0) throw_invalid(at + "/fee/amount", "must not be negative");
    if (!ids.insert(options[i].id).second) throw_invalid(at + "/id", "duplicate option \"" + options[i].id + "\"");
  }
  Draft d(c, s);
  d.stage_to(Stage::solution_plan);
  d.ticket().solution_options = std::move(options);
  d.ticket().chosen_solution.clear();
  d.add(events::SolutionProposed{std::int64_t(d.ticket().solution_options.size())});
  return std::move(d).done();
}

Change choose_solution(const CommandContext& c, const TicketState& s, std::string_view option_id) {
  require_open(c, s.ticket);
  const auto& options = s.ticket.solution_options;
  if (std::none_of(options.begin(), options.end(), [&](const SolutionOption& o) { return o.id == option_id; }))
    throw Error(ErrorCode::not_found, "/option", "no proposed option \"" + std::string(option_id) + "\"");
  Draft d(c, s);
  d.ticket().chosen_solution = std::string(option_id);
  d.add(events::SolutionChosen{std::string(option_id)});
  d.stage_to(Stage::execution);
  return std::move(d).done();
}

Change request_remedy_approval(const CommandContext& c, const TicketState& s, std::string_view remedy,
                               EscalationLevel approver) {
  require_staff(c, "ask for remedy approvals");
  require_open(c, s.ticket);
  if (approver == EscalationLevel::handler)
    throw_invalid("/approver", "a team lead, supervisor or manager approves remedies");
  if (pending_remedy(s.events)) throw_invalid("/remedy", "a remedy is waiting for approval already");
  Draft d(c, s);
  d.add(events::RemedyApprovalRequested{required_text(remedy, "remedy"), approver});
  d.act({HostActionKind::approval, s.ticket.id, "remedy_approval", {std::string(to_string(approver))},
         std::string(remedy)});
  return std::move(d).done();
}

namespace {

Change answer_remedy(const CommandContext& c, const TicketState& s, bool approve, std::string_view text) {
  const auto pending = pending_remedy(s.events);
  if (!pending) throw Error(ErrorCode::not_found, "/remedy", "no remedy is waiting for approval");
  if (!holds_level(c, s.ticket, pending->approver))
    throw Error(ErrorCode::denied, "/actor",
                "only a " + std::string(to_string(pending->approver)) + " or above may answer this remedy");
  Draft d(c, s);
  if (approve)
    d.add(events::RemedyApproved{std::string(text)});
  else
    d.add(events::RemedyRefused{required_text(text, "reason", limits::name)});
  if (!s.ticket.assignee.empty())
    d.notify(approve ? "remedy_approved" : "remedy_refused", {s.ticket.assignee}, pending->remedy);
  return std::move(d).done();
}

}  // namespace

Change approve_remedy(const CommandContext& c, const TicketState& s, std::string_view note) {
  return answer_remedy(c, s, true, note);
}

Change refuse_remedy(const CommandContext& c, const TicketState& s, std::string_view reason) {
  return answer_remedy(c, s, false, reason);
}

Change record_responsibility(const CommandContext& c, const TicketState& s, Responsibility responsibility) {
  require_staff(c, "record responsibility");
  require_open(c, s.ticket);
  Draft d(c, s);
  d.stage_to(Stage::diagnosis);
  d.add(events::ResponsibilityRecorded{responsibility.party, responsibility.note});
  d.ticket().responsibility = std::move(responsibility);
  return std::move(d).done();
}

Change sign_off(const CommandContext& c, const TicketState& s, std::string_view what) {
  require_open(c, s.ticket);
  if (what == "diagnosis") {
    if (!s.ticket.responsibility) throw_invalid("/what", "the diagnosis has no responsibility recorded yet");
  } else if (what == "solution_plan") {
    if (s.ticket.chosen_solution.empty()) throw_invalid("/what", "no solution option has been chosen yet");
  } else {
    throw_invalid("/what", "the customer signs \"diagnosis\" or \"solution_plan\", not \"" + std::string(what) + "\"");
  }
  Draft d(c, s);
  d.add(events::SignedOff{std::string(what)});
  return std::move(d).done();
}

Change resolve(const CommandContext& c, const TicketState& s, std::string_view summary) {
  require_staff(c, "resolve tickets");
  Draft d(c, s);
  d.move_to(Status::resolved, required_text(summary, "summary"));
  return std::move(d).done();
}

Change rate(const CommandContext& c, const TicketState& s, Satisfaction rating) {
  if (c.actor.kind == ActorKind::customer && c.actor.id != s.ticket.customer_id)
    throw Error(ErrorCode::denied, "/actor", "a customer rates their own tickets only");
  if (!c.config.workflow().is_resolved(s.ticket.status))
    throw Error(ErrorCode::invalid_transition, "/status", "only a resolved or closed ticket is rated");
  if (s.ticket.satisfaction) throw Error(ErrorCode::conflict, "/satisfaction", "the ticket is rated already");
  check_rating(rating.efficiency, "efficiency");
  check_rating(rating.attitude, "attitude");
  check_rating(rating.effectiveness, "effectiveness");
  if (rating.comment.size() > limits::text) throw_invalid("/comment", "too long");
  Draft d(c, s);
  d.add(events::Rated{rating.efficiency, rating.attitude, rating.effectiveness, rating.comment});
  d.ticket().satisfaction = std::move(rating);
  return std::move(d).done();
}

Change close(const CommandContext& c, const TicketState& s) {
  if (c.actor.kind == ActorKind::customer && c.actor.id != s.ticket.customer_id)
    throw Error(ErrorCode::denied, "/actor", "a customer closes their own tickets only");
  Draft d(c, s);
  d.move_to(Status::closed);
  return std::move(d).done();
}

Change reopen(const CommandContext& c, const TicketState& s, std::string_view reason) {
  if (c.actor.kind == ActorKind::customer && c.actor.id != s.ticket.customer_id)
    throw Error(ErrorCode::denied, "/actor", "a customer reopens their own tickets only");
  const Workflow& w = c.config.workflow();
  const auto next = w.next_statuses(s.ticket.status);
  const auto to = std::find_if(next.begin(), next.end(), [&](Status st) { return w.is_reopen(s.ticket.status, st); });
  if (to == next.end())
    throw Error(ErrorCode::invalid_transition, "/status",
                "a " + std::string(to_string(s.ticket.status)) + " ticket cannot be reopened");
  Draft d(c, s);
  d.move_to(*to, required_text(reason, "reason", limits::name));
  return std::move(d).done();
}

Change cancel(const CommandContext& c, const TicketState& s, std::string_view reason) {
  if (c.actor.kind == ActorKind::customer && c.actor.id != s.ticket.customer_id)
    throw Error(ErrorCode::denied, "/actor", "a customer cancels their own tickets only");
  Draft d(c, s);
  d.move_to(Status::cancelled, required_text(reason, "reason", limits::name));
  return std::move(d).done();
}

Change move_to_customer(const CommandContext& c, const TicketState& s, std::string_view customer_id,
                        std::string_view reason) {
  require_staff(c, "move tickets between customers");
  if (customer_id.empty()) throw_invalid("/customer_id", "required");
  Draft d(c, s);
  d.add(events::CustomerChanged{s.ticket.customer_id, std::string(customer_id), std::string(reason)});
  d.ticket().customer_id = customer_id;
  return std::move(d).done();
}

std::pair<Change, Change> merge(const CommandContext& c, const TicketState& duplicate, const TicketState& kept) {
  require_staff(c, "merge tickets");
  if (duplicate.ticket.id == kept.ticket.id) throw_invalid("/kept", "a ticket cannot be merged into itself");
  if (duplicate.ticket.customer_id != kept.ticket.customer_id)
    throw_invalid("/kept/customer_id", "tickets of different customers are not duplicates");
  require_open(c, kept.ticket);
  Draft gone(c, duplicate), stays(c, kept);
  gone.move_to(Status::merged, "merged into " + kept.ticket.id);
  gone.add(events::Merged{kept.ticket.id, ""});
  stays.add(events::Merged{"", duplicate.ticket.id});
  return {std::move(gone).done(), std::move(stays).done()};
}

}  // namespace ticketcore
