#pragma once
// A ticket told event by event, its fields kept in step the way the commands keep them
// (status, assignee, first_response_at, resolved_at, closed_at), for facts_of tests.

#include <string>
#include <utility>
#include <vector>

#include "ticketcore/model/event_payloads.hpp"
#include "ticketcore/model/ticket.hpp"
#include "ticketcore/workflow/workflow.hpp"

namespace metrics_testing {

using namespace ticketcore;

/// Shanghai local time "2026-03-06T17:00" as an instant.
inline Instant sh(const std::string& local) { return *parse_instant(local + ":00+08:00"); }

struct Story {
  Ticket ticket;
  std::vector<Event> events;

  Story(std::string id, Instant created, std::string priority,
        RequestType type = RequestType::technical_support) {
    ticket.id = std::move(id);
    ticket.customer_id = "C20260101001";
    ticket.subject = "printer jams";
    ticket.channel = Channel::phone;
    ticket.request_type = type;
    ticket.subtype = "hardware_fault";
    ticket.priority = priority;
    ticket.created_at = ticket.updated_at = created;
    record("system", created, events::Created{priority, "phone", "test"});
  }

  Story& assign(Instant at, const std::string& agent, const std::string& team = "technical_support") {
    record("s-01", at, events::Assigned{ticket.assignee, agent, team, ""});
    ticket.assignee = agent;
    ticket.team = team;
    if (!agent.empty() && ticket.status == Status::new_ticket) move(at, Status::assigned);
    return *this;
  }
  Story& move(Instant at, Status to) {
    const Workflow w = Workflow::standard();
    const Status from = ticket.status;
    record(actor(), at, events::StatusChanged{from, to, "test"});
    ticket.status = to;
    if (w.is_resolved(to) && !w.is_resolved(from)) ticket.resolved_at = at;
    if (w.is_reopen(from, to)) ticket.resolved_at.reset();
    if (to == Status::closed) ticket.closed_at = at;
    return *this;
  }
  Story& reply(Instant at) {
    record(actor(), at, events::PublicComment{"on it"});
    if (!ticket.first_response_at) ticket.first_response_at = at;
    return *this;
  }
  Story& escalate(Instant at) {
    return record(actor(), at,
                  events::Escalated{EscalationLevel::team_lead, ticket.team, "t-lead", "stuck", ""});
  }
  Story& rate(int efficiency, int attitude, int effectiveness) {
    ticket.satisfaction = Satisfaction{efficiency, attitude, effectiveness, ""};
    return *this;
  }

 private:
  std::string actor() const { return ticket.assignee.empty() ? "s-01" : ticket.assignee; }

  template <class P>
  Story& record(const std::string& who, Instant at, const P& payload) {
    Event e = events::make_event(ticket.id, who, at, payload);
    e.sequence = std::int64_t(events.size()) + 1;
    events.push_back(std::move(e));
    ticket.updated_at = at;
    return *this;
  }
};

}  // namespace metrics_testing
