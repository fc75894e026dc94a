#include "ticketcore/commands/facts.hpp"

#include "ticketcore/customers/warranty.hpp"

namespace ticketcore {

namespace {

// Histories come in sequence order, but a back-dated event must not win over a later one.
void keep_latest(std::optional<Instant>& slot, Instant at) {
  if (!slot || at >= *slot) slot = at;
}

}  // namespace

EvaluationContext routing_facts(const FactSources& s, Instant now) {
  EvaluationContext ctx;
  ctx.now = now;
  ctx.customer = s.customer;
  // Under warranty when taken in: a warranty ending later does not change the case.
  if (s.customer) ctx.customer_in_warranty = in_warranty(*s.customer, s.ticket, s.ticket.created_at);
  ctx.calendars = s.calendars;
  ctx.customer_ticket_created_at = s.customer_ticket_created_at;
  for (const Event& e : s.events) {
    if (e.at > now) continue;
    const bool by_customer = e.actor == "customer", by_system = e.actor == "system";
    switch (e.kind) {
      case EventKind::assigned: keep_latest(ctx.assigned_at, e.at); break;
      case EventKind::progress_update: keep_latest(ctx.last_progress_at, e.at); break;
      case EventKind::public_comment:
        if (by_customer)
          keep_latest(ctx.last_customer_message_at, e.at);
        else if (!by_system)
          keep_latest(ctx.last_progress_at, e.at);
        break;
      default: break;
    }
  }
  if (s.ticket.assignee.empty()) ctx.assigned_at.reset();
  for (const TargetStatus& t : s.sla.targets) {
    SlaSnapshot& snap = ctx.sla_of(t.target);
    snap.present = true;
    snap.percent_used = t.percent_used;
    snap.business_remaining = Seconds{t.remaining_seconds};
  }
  return ctx;
}

}  // namespace ticketcore
