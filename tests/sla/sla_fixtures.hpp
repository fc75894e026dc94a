#pragma once
// Tickets, histories and instants shared by the SLA tests.

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "sla/presets.hpp"
#include "ticketcore/model/event_payloads.hpp"
#include "ticketcore/model/ticket.hpp"
#include "ticketcore/sla/config.hpp"
#include "ticketcore/sla/due.hpp"
#include "ticketcore/sla/timers.hpp"

namespace ticketcore::sla_testing {

/// The standard preset's SLA configuration, built once.
inline const SlaConfig& standard() {
  static const SlaConfig c = detail::sla_preset("standard");
  return c;
}

/// The standard preset with every policy's on_reopen set to `mode`.
inline SlaConfig with_reopen(const char* mode) {
  nlohmann::json j = nlohmann::json::parse(detail::config_preset_text("standard"));
  for (auto& p : j["policies"]) p["on_reopen"] = mode;
  return SlaConfig::from_json_text(j.dump());
}

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
    record("system", created, events::Created{priority, std::string(to_string(ticket.channel)), "test-config"});
  }

  /// Appends an event with the next sequence number.
  History& add(EventKind kind, std::string actor, Instant when, Attributes payload = {}) {
    return push(Event{0, ticket.id, kind, std::move(actor), when, std::move(payload)});
  }
  /// Appends an event of a payload struct's kind (events::make_event), with the next sequence number.
  template <class P>
  History& record(const std::string& actor, Instant when, const P& payload) {
    return push(events::make_event(ticket.id, actor, when, payload));
  }

  /// A status change between two status words. A word that is no status cannot be a
  /// StatusChanged, so it is written as is, to test how the engine refuses it.
  History& status(Instant when, const std::string& from, const std::string& to) {
    const auto from_status = enum_from_string<Status>(from), to_status = enum_from_string<Status>(to);
    if (from_status && to_status)
      return record("agent-1", when, events::StatusChanged{*from_status, *to_status, ""});
    return add(EventKind::status_changed, "agent-1", when, {{"from", from}, {"to", to}});
  }
  History& assign(Instant when) {
    return record("supervisor", when, events::Assigned{"", "agent-1", "", ""});
  }
  History& reply(Instant when) { return record("agent-1", when, events::PublicComment{"on it"}); }
  History& customer_reply(Instant when) { return record("customer", when, events::PublicComment{"thanks"}); }
  History& update(Instant when) { return record("agent-1", when, events::ProgressUpdate{"progress"}); }
  History& reprioritize(Instant when, const std::string& from, const std::string& to) {
    return record("supervisor", when, events::PriorityChanged{from, to, "test"});
  }

  /// The view the SLA engine reads.
  SlaSubject subject() const { return SlaSubject{ticket, events, tier}; }

 private:
  History& push(Event e) {
    e.sequence = std::int64_t(events.size()) + 1;
    events.push_back(std::move(e));
    return *this;
  }
};

/// The status of one target, or throws when the policy sets none.
inline TargetStatus target_of(const SlaStatus& s, SlaTarget t) {
  for (const auto& ts : s.targets)
    if (ts.target == t) return ts;
  throw std::logic_error("no such target in status");
}

}  // namespace ticketcore::sla_testing
