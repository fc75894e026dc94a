// A ticket's facts row: its fields, its history's counts, its SLA outcomes and its
// durations on the business calendar of its policy (docs/metrics.md, "Ticket facts").
#include "ticketcore/metrics/facts.hpp"

#include "history_counts.hpp"
#include "sla_outcomes.hpp"
#include "ticketcore/config.hpp"

namespace ticketcore {

namespace {

// The calendar business durations are measured on: the policy's, else the desk's default.
BusinessCalendar business_calendar(const CalendarRegistry& calendars, const std::string& id) {
  if (const BusinessCalendar* c = calendars.find(id)) return *c;
  if (const BusinessCalendar* c = calendars.find("")) return *c;
  return BusinessCalendar::always_open();
}

struct Span {
  std::optional<std::int64_t> calendar, business;
};

Span span(Instant from, const std::optional<Instant>& to, const BusinessCalendar& calendar) {
  if (!to) return {};
  return {(*to - from).count(), calendar.business_seconds_between(from, *to).count()};
}

}  // namespace

TicketFacts facts_of(const Ticket& ticket, std::span<const Event> events, const DeskConfig& config,
                     CustomerTier tier, Instant now) {
  const Workflow& workflow = config.workflow();
  TicketFacts f;
  f.id = ticket.id;
  f.created_at = ticket.created_at;
  f.first_response_at = ticket.first_response_at;
  f.resolved_at = ticket.resolved_at;
  f.closed_at = ticket.closed_at;
  f.status = ticket.status;
  f.resolved = workflow.is_resolved(ticket.status);
  f.open = !f.resolved && !workflow.is_final(ticket.status);
  f.team = ticket.team;
  f.assignee = ticket.assignee;
  f.request_type = ticket.request_type;
  f.subtype = ticket.subtype;
  f.priority = ticket.priority;
  f.channel = ticket.channel;
  f.tier = tier;
  f.complaint = ticket.request_type == RequestType::complaint;

  const detail::HistoryCounts counts = detail::count_history(events, workflow, now);
  f.reopens = counts.reopens;
  f.reassignments = counts.reassignments;
  f.escalations = counts.escalations;
  f.first_contact_resolution = f.resolved && f.reopens == 0 && f.reassignments == 0 && f.escalations == 0;

  const detail::SlaFacts sla = detail::sla_facts(SlaSubject{ticket, events, tier}, config.sla(), now);
  f.sla = sla.outcomes;
  if (f.open) f.next_due_at = sla.next_due_at;

  const BusinessCalendar calendar = business_calendar(config.calendars(), sla.calendar);
  const Span first_response = span(ticket.created_at, ticket.first_response_at, calendar);
  f.first_response_seconds = first_response.calendar;
  f.first_response_business_seconds = first_response.business;
  // resolved_at is cleared by a reopen, so only a ticket resolved now has a resolution time.
  const Span resolution = span(ticket.created_at, f.resolved ? ticket.resolved_at : std::nullopt, calendar);
  f.resolution_seconds = resolution.calendar;
  f.resolution_business_seconds = resolution.business;

  // A rating off the 1-5 scale (only a hand-built ticket can hold one) is no answer.
  const auto stars = [](int n) { return n >= 1 && n <= 5; };
  if (const auto& s = ticket.satisfaction;
      s && stars(s->efficiency) && stars(s->attitude) && stars(s->effectiveness)) {
    f.rated = true;
    f.efficiency = static_cast<std::uint8_t>(s->efficiency);
    f.attitude = static_cast<std::uint8_t>(s->attitude);
    f.effectiveness = static_cast<std::uint8_t>(s->effectiveness);
  }
  return f;
}

}  // namespace ticketcore
