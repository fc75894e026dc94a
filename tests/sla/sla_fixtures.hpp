#pragma once
// Tickets, histories and instants shared by the SLA tests.

#include <initializer_list>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "ticketcore/model/ticket.hpp"
#include "ticketcore/sla/due.hpp"
#include "ticketcore/sla/timers.hpp"

namespace ticketcore::sla_testing {

/// An instant from RFC 3339 text; throws on bad text.
inline Instant at(const std::string& text) {
  auto t = parse_instant(text);
  if (!t) throw std::invalid_argument("bad instant in test: " + text);
  return *t;
}

/// Shanghai local time "2026-03-06T17:00" as an instant.
inline Instant sh(const std::string& local) { return at(local + ":00+08:00"); }

/// A ticket and its history, built event by event.
struct History {
  Ticket ticket;
  std::vector<Event> events;
  CustomerTier tier = CustomerTier::normal;

  /// A ticket created at `created` with priority `priority`, by phone, technical support.
  History(std::string id, Instant created, std::string priority,
          RequestType type = RequestType::technical_support) {
    ticket.id = std::move(id);
    ticket.customer_id = "C20260101001";
    ticket.subject = "printer jams";
    ticket.channel = Channel::phone;
    ticket.request_type = type;
    ticket.priority = priority;
    ticket.created_at = ticket.updated_at = created;
    add(EventKind::created, "system", created, {{"priority", priority}});
  }

  /// Appends an event with the next sequence number.
  History& add(EventKind kind, std::string actor, Instant when, Attributes payload = {}) {
    Event e;
    e.sequence = std::int64_t(events.size()) + 1;
    e.ticket_id = ticket.id;
    e.kind = kind;
    e.actor = std::move(actor);
    e.at = when;
    e.payload = std::move(payload);
    events.push_back(std::move(e));
    return *this;
  }
  History& status(Instant when, const std::string& from, const std::string& to) {
    return add(EventKind::status_changed, "agent-1", when, {{"from", from}, {"to", to}});
  }
  History& assign(Instant when) {
    return add(EventKind::assigned, "supervisor", when, {{"assignee", "agent-1"}});
  }
  History& reply(Instant when) {
    return add(EventKind::public_comment, "agent-1", when, {{"text", "on it"}});
  }
  History& customer_reply(Instant when) {
    return add(EventKind::public_comment, "customer", when, {{"text", "thanks"}});
  }
  History& update(Instant when) {
    return add(EventKind::progress_update, "agent-1", when, {{"text", "progress"}});
  }
  History& reprioritize(Instant when, const std::string& from, const std::string& to) {
    return add(EventKind::priority_changed, "supervisor", when,
               {{"from", from}, {"to", to}, {"reason", "test"}});
  }

  /// The view the SLA engine reads.
  SlaSubject subject() const { return SlaSubject{ticket, events, tier}; }
};

/// The status of one target, or throws when the policy sets none.
inline TargetStatus target_of(const SlaStatus& s, SlaTarget t) {
  for (const auto& ts : s.targets)
    if (ts.target == t) return ts;
  throw std::logic_error("no such target in status");
}

}  // namespace ticketcore::sla_testing
