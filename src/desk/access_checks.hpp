#pragma once
// The access rules applied to one Desk call (docs/access.md): the actor's role must allow
// the call's permission, and what it reads or changes must lie in the role's scope.

#include <optional>
#include <string>
#include <vector>

#include "ticketcore/config.hpp"
#include "ticketcore/store/store.hpp"

namespace ticketcore::detail {

/// One actor's rights under one configuration, checked for one permission.
class Access {
 public:
  /// Error(denied) unless the actor's role allows `permission`. A person of the desk must
  /// be an active agent of the configuration in that role; a customer must have an id.
  Access(const DeskConfig& config, const Actor& actor, Permission permission);

  /// The role's scope.
  Scope scope() const { return rights_->scope; }
  /// Whether the actor's role also allows `p`.
  bool allows(Permission p) const { return rights_->allows(p); }
  /// Whether the ticket lies in the scope.
  bool sees(const Ticket& ticket) const;
  /// Error(denied) for a ticket outside the scope.
  void require(const Ticket& ticket) const;
  /// Error(denied) unless the customer lies in the scope: their own record, or a customer
  /// with a ticket the actor sees (read from `tx`).
  void require_customer(StoreTransaction& tx, std::string_view customer_id) const;
  /// What queries are limited to.
  QueryScope query_scope() const;
  /// The events of a ticket the actor sees: customers see the public ones only.
  std::vector<Event> visible(std::vector<Event> events) const;

 private:
  Actor actor_;
  const RoleRights* rights_;
  std::vector<std::string> teams_;  // for Scope::team
};

/// Error(denied) naming the actor, the path and why.
[[noreturn]] void deny(const Actor& actor, std::string path, const std::string& why);

}  // namespace ticketcore::detail
