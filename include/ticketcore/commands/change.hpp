#pragma once
// What every command takes and returns: the desk, the actor and `now` in; the
// changed ticket and the events to append out. Commands are pure: no clock, no I/O.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "ticketcore/config.hpp"
#include "ticketcore/model/actor.hpp"
#include "ticketcore/model/event.hpp"
#include "ticketcore/model/ticket.hpp"

namespace ticketcore {

/// The desk, who acts, and when: the first argument of every command.
struct CommandContext {
  const DeskConfig& config;  ///< the desk's configuration
  const Actor& actor;        ///< who asks for the change
  Instant now;               ///< when it happens
};

/// A ticket and its history as stored: what a command changes.
struct TicketState {
  const Ticket& ticket;           ///< the ticket as stored (its version is the one the change is based on)
  std::span<const Event> events;  ///< its history, in sequence order
};

/// What a host action asks for.
enum class HostActionKind : std::uint8_t {
  auto_reply,  ///< tell the customer (the ticket number on intake, by SMS or mail)
  notify,      ///< tell desk people (a new assignment, an escalation, a rule's notification)
  approval,    ///< ask someone to approve (a remedy)
};

/// Something the host must do for the desk: send a message, ask for an approval.
struct HostAction {
  HostActionKind kind = HostActionKind::notify;  ///< what to do
  std::string ticket_id;                ///< the ticket it concerns
  std::string template_id;              ///< the host's message template ("ticket_received", "sla_overdue")
  std::vector<std::string> recipients;  ///< agent ids, or "customer"
  std::string text;                     ///< what to say or approve, in plain words

  friend bool operator==(const HostAction&, const HostAction&) = default;
};

/// A command's result: the ticket as it is now (version bumped) and the events to append.
struct Change {
  Ticket ticket;                    ///< the new ticket; store it if the stored version is still the old one
  std::vector<Event> events;        ///< to append, numbered after the history
  std::vector<HostAction> actions;  ///< what the host owes people now
};

}  // namespace ticketcore

TICKETCORE_ENUM_NAMES(ticketcore::HostActionKind, "auto_reply", "notify", "approval");
