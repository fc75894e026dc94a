// What the Desk shows: one ticket with everything about it, searches and queues.
#include "ticketcore/commands/facts.hpp"
#include "ticketcore/desk.hpp"
#include "access_checks.hpp"
#include "ticketcore/error.hpp"
#include "unit_of_work.hpp"

namespace ticketcore {

namespace {

// Open tickets of one holder, the earliest due first.
TicketQuery queue(std::size_t limit, std::string_view after) {
  TicketQuery q;
  q.statuses = open_statuses();
  q.order = TicketOrder::due_at;
  q.limit = limit;
  q.after = std::string(after);
  return q;
}

}  // namespace

TicketView Desk::show(const Actor& actor, std::string_view ticket_id) const {
  return guard(actor, "show", [&] {
    const DeskConfig cfg = config();
    const detail::Access access(cfg, actor, Permission::read);
    const Instant now = clock_->now();
    auto tx = store_->read();
    TicketView view{detail::load_ticket(*tx, TicketRef{std::string(ticket_id), 0}), {}, {}, {}, cfg.version(), {}};
    access.require(view.ticket);
    view.events = tx->events(view.ticket.id);
    const auto customer = tx->customer(view.ticket.customer_id);
    const std::vector<Instant> earlier = tx->customer_ticket_times(view.ticket.customer_id);
    view.sla = sla_status({view.ticket, view.events, customer ? customer->tier : CustomerTier::normal}, cfg.sla(), now);
    view.routing = cfg.rules().explain(
        view.ticket, routing_facts({view.ticket, view.events, view.sla, customer ? &*customer : nullptr,
                                    &cfg.calendars(), earlier},
                                   now));
    view.due_handed_out = tx->handed_out(view.ticket.id);
    if (access.scope() == Scope::own) {
      // A customer sees what was said to them, not the desk's routing and timers' workings.
      view.events = access.visible(std::move(view.events));
      view.routing = {};
      view.due_handed_out.clear();
    }
    return view;
  });
}

TicketPage Desk::find_tickets(const Actor& actor, const TicketQuery& query) const {
  return guard(actor, "find_tickets", [&] {
    const detail::Access access(config(), actor, Permission::read);
    TicketQuery scoped = query;
    if (access.scope() != Scope::all) scoped.scope = access.query_scope();
    return store_->read()->tickets(scoped);
  });
}

TicketPage Desk::agent_queue(const Actor& actor, std::string_view agent, std::size_t limit,
                             std::string_view after) const {
  if (agent.empty()) throw_invalid("/agent", "name the agent whose queue to show");
  TicketQuery q = queue(limit, after);
  q.assignee = std::string(agent);
  return find_tickets(actor, q);
}

TicketPage Desk::team_queue(const Actor& actor, std::string_view team, std::size_t limit,
                            std::string_view after) const {
  if (team.empty()) throw_invalid("/team", "name the team whose queue to show");
  TicketQuery q = queue(limit, after);
  q.team = std::string(team);
  q.assignee = std::string();
  return find_tickets(actor, q);
}

}  // namespace ticketcore
