// The access rules of one Desk call (access_checks.hpp, docs/access.md).
#include "access_checks.hpp"

#include <algorithm>

#include "ticketcore/error.hpp"

namespace ticketcore::detail {

namespace {

// The role a person of the desk acts in, as the configuration records it.
ActorKind kind_of(Role role) {
  switch (role) {
    case Role::agent: return ActorKind::agent;
    case Role::supervisor: return ActorKind::supervisor;
    case Role::admin: return ActorKind::admin;
  }
  return ActorKind::agent;
}

// The teams a person's team scope covers: their own, and those they lead, supervise or manage.
std::vector<std::string> teams_of(const DeskConfig& config, const Agent& agent) {
  std::vector<std::string> teams;
  if (!agent.team.empty()) teams.push_back(agent.team);
  for (const Team& t : config.teams())
    if ((t.lead == agent.id || t.supervisor == agent.id || t.manager == agent.id) && t.id != agent.team)
      teams.push_back(t.id);
  return teams;
}

// What a customer sees of their ticket's history: what was said to them and what they did.
bool is_public(EventKind kind) {
  switch (kind) {
    case EventKind::created:
    case EventKind::status_changed:
    case EventKind::public_comment:
    case EventKind::progress_update:
    case EventKind::survey_sent:
    case EventKind::rated:
    case EventKind::solution_proposed:
    case EventKind::solution_chosen:
    case EventKind::signed_off:
    case EventKind::merged: return true;
    default: return false;
  }
}

}  // namespace

void deny(const Actor& actor, std::string path, const std::string& why) {
  std::string who = std::string(to_string(actor.kind));
  if (!actor.id.empty()) who += " \"" + actor.id + "\"";
  throw Error(ErrorCode::denied, std::move(path), who + " " + why);
}

Access::Access(const DeskConfig& config, const Actor& actor, Permission permission)
    : actor_(actor), rights_(&config.access().rights(actor.kind)) {
  if (actor.is_staff()) {
    const Agent* agent = config.find_agent(actor.id);
    if (!agent || !agent->active) deny(actor, "/actor/id", "is not an active person of this desk");
    if (kind_of(agent->role) != actor.kind)
      deny(actor, "/actor/kind", "acts as " + std::string(to_string(actor.kind)) + " but is configured as " +
                                     std::string(to_string(agent->role)));
    if (rights_->scope == Scope::team) teams_ = teams_of(config, *agent);
  } else if (actor.kind == ActorKind::customer && actor.id.empty()) {
    deny(actor, "/actor/id", "names no customer");
  }
  if (!rights_->allows(permission)) deny(actor, "/actor", "may not " + std::string(to_string(permission)));
}

bool Access::sees(const Ticket& ticket) const {
  switch (rights_->scope) {
    case Scope::all: return true;
    case Scope::assigned: return !actor_.id.empty() && ticket.assignee == actor_.id;
    case Scope::team: return std::find(teams_.begin(), teams_.end(), ticket.team) != teams_.end();
    case Scope::own: return !actor_.id.empty() && ticket.customer_id == actor_.id;
  }
  return false;
}

void Access::require(const Ticket& ticket) const {
  if (!sees(ticket)) deny(actor_, "/ticket", "may not see or change ticket \"" + ticket.id + "\"");
}

QueryScope Access::query_scope() const {
  QueryScope scope;
  switch (rights_->scope) {
    case Scope::all: break;
    case Scope::assigned: scope.assignee = actor_.id; break;
    case Scope::team: scope.teams = teams_; break;
    case Scope::own: scope.customer_id = actor_.id; break;
  }
  return scope;
}

void Access::require_customer(StoreTransaction& tx, std::string_view customer_id) const {
  if (rights_->scope == Scope::all) return;
  if (rights_->scope == Scope::own) {
    if (customer_id == actor_.id) return;
  } else {
    // A customer with a ticket in scope: the scoped query of their tickets, one row.
    TicketQuery tickets;
    tickets.customer_id = std::string(customer_id);
    tickets.scope = query_scope();
    tickets.order = TicketOrder::id;
    tickets.limit = 1;
    if (!tx.tickets(tickets).tickets.empty()) return;
  }
  deny(actor_, "/customer", "may not see or change customer \"" + std::string(customer_id) + "\"");
}

std::vector<Event> Access::visible(std::vector<Event> events) const {
  if (rights_->scope != Scope::own) return events;
  std::erase_if(events, [](const Event& e) { return !is_public(e.kind); });
  return events;
}

}  // namespace ticketcore::detail
