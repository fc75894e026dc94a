#pragma once
// A change in the making: the ticket copied with its version and updated_at bumped,
// events numbered after the history, and status and stage moves checked against the
// workflow. Every command builds its Change through one, so the fields that follow
// from events are set in this one place.

#include <algorithm>
#include <string>
#include <string_view>

#include "ticketcore/commands/change.hpp"
#include "ticketcore/error.hpp"
#include "ticketcore/model/event_payloads.hpp"
#include "ticketcore/model/limits.hpp"

namespace ticketcore::detail {

class Draft {
 public:
  Draft(const CommandContext& c, const TicketState& s) : c_(c), out_{s.ticket, {}, {}} {
    for (const Event& e : s.events) next_sequence_ = std::max(next_sequence_, e.sequence + 1);
    out_.ticket.version = s.ticket.version + 1;
    out_.ticket.updated_at = c.now;
  }

  Ticket& ticket() { return out_.ticket; }
  const Workflow& workflow() const { return c_.config.workflow(); }

  /// Appends an event of the payload's kind, by the context's actor, at `now`.
  template <class P>
  void add(const P& payload) {
    Event e = events::make_event(out_.ticket.id, c_.actor.event_actor(), c_.now, payload);
    e.sequence = next_sequence_++;
    out_.events.push_back(std::move(e));
  }

  /// Moves the status (checked), the stage after it, and the timestamps that follow.
  void move_to(Status to, std::string_view reason = {}) {
    Ticket& t = out_.ticket;
    const Status from = t.status;
    workflow().check_transition(from, to);
    add(events::StatusChanged{from, to, std::string(reason)});
    t.status = to;
    if (workflow().is_resolved(to) && !workflow().is_resolved(from)) t.resolved_at = c_.now;
    if (workflow().is_reopen(from, to)) t.resolved_at.reset();
    if (to == Status::closed) t.closed_at = c_.now;
    const Stage stage = workflow().stage_after(to, t.stage);
    if (stage != t.stage) {
      add(events::StageChanged{t.stage, stage});
      t.stage = stage;
    }
  }

  /// Moves the stage forward step by step up to `to` (each step checked and recorded), or
  /// back to `to` for rework; nothing when it is there already.
  void stage_to(Stage to) {
    Ticket& t = out_.ticket;
    while (t.stage != to) {
      const Stage next = t.stage < to ? static_cast<Stage>(static_cast<int>(t.stage) + 1) : to;
      workflow().check_stage_change(t.status, t.stage, next);
      add(events::StageChanged{t.stage, next});
      t.stage = next;
    }
  }

  /// Tells people something (a notification the host sends).
  void notify(std::string template_id, std::vector<std::string> recipients, std::string text) {
    out_.actions.push_back(
        {HostActionKind::notify, out_.ticket.id, std::move(template_id), std::move(recipients), std::move(text)});
  }
  void act(HostAction action) { out_.actions.push_back(std::move(action)); }

  Change done() && { return std::move(out_); }

 private:
  const CommandContext& c_;
  Change out_;
  std::int64_t next_sequence_ = 1;
};

/// Text that must be given, at most `max` bytes; Error names the field.
inline std::string required_text(std::string_view text, const char* field, std::size_t max = limits::text) {
  if (text.empty()) throw_invalid(std::string("/") + field, "must not be empty");
  if (text.size() > max)
    throw_invalid(std::string("/") + field, "too long (at most " + std::to_string(max) + " bytes)");
  return std::string(text);
}

/// Refuses a change to a finished ticket (closed, cancelled, merged).
inline void require_open(const CommandContext& c, const Ticket& t) {
  if (c.config.workflow().is_final(t.status))
    throw Error(ErrorCode::invalid_transition, "/status",
                "ticket " + t.id + " is " + std::string(to_string(t.status)) + " and cannot change");
}

/// Refuses a change only people of the desk may make.
inline void require_staff(const CommandContext& c, std::string_view what) {
  if (!c.actor.is_staff())
    throw Error(ErrorCode::denied, "/actor",
                std::string(to_string(c.actor.kind)) + " may not " + std::string(what));
}

}  // namespace ticketcore::detail
