#pragma once
// Who does something: every command and Desk call takes the actor, and events record it.

#include <cstdint>
#include <string>

#include "ticketcore/model/enum_names.hpp"

namespace ticketcore {

/// The kind of actor; agents, supervisors and admins are agents of the desk by role.
enum class ActorKind : std::uint8_t { agent, supervisor, admin, customer, system };

/// An actor: a person of the desk (by agent id), a customer (by customer id) or the system.
struct Actor {
  ActorKind kind = ActorKind::system;  ///< what kind of actor
  std::string id;                      ///< agent id or customer id; empty for the system

  /// What events record as their actor: the agent id, "customer" or "system".
  std::string event_actor() const {
    if (kind == ActorKind::customer) return "customer";
    if (kind == ActorKind::system) return "system";
    return id;
  }
  /// Whether the actor is a person of the desk (agent, supervisor or admin).
  bool is_staff() const { return kind == ActorKind::agent || kind == ActorKind::supervisor || kind == ActorKind::admin; }

  /// The system, for what time and rules do.
  static Actor system() { return {ActorKind::system, ""}; }
  /// A customer by id.
  static Actor customer(std::string id) { return {ActorKind::customer, std::move(id)}; }

  friend bool operator==(const Actor&, const Actor&) = default;
};

}  // namespace ticketcore

TICKETCORE_ENUM_NAMES(ticketcore::ActorKind, "agent", "supervisor", "admin", "customer", "system");
