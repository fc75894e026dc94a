#pragma once
// Who may do what on a desk: each role (an actor's kind) has a scope, the tickets and
// customers it sees and changes, and permissions, the use cases it may run. Config
// ("access" in docs/config.md); the defaults are DOMAIN.md's levels (docs/access.md).

#include <array>
#include <cstdint>
#include <vector>

#include "ticketcore/model/actor.hpp"
#include "ticketcore/model/enum_names.hpp"

namespace ticketcore {

/// A use case a role may run; every Desk method needs one (docs/access.md lists which).
enum class Permission : std::uint8_t {
  read,               ///< show tickets and customers (masked), find, queues
  take_in,            ///< take in a request
  register_customer,  ///< register a customer
  update_customer,    ///< change a customer's record
  handle,             ///< work a ticket: status, comments, solutions, resolve, close, reopen, cancel, merge
  assign,             ///< assign and reassign
  escalate,           ///< escalate
  approve,            ///< grant or refuse a remedy approval
  read_unmasked,      ///< read a customer's data unmasked (audited)
  configure,          ///< dry-run and publish configurations
  sweep,              ///< run the sweep of due actions
  purge,              ///< purge tickets past retention
  audit,              ///< read the audit log
  metrics,            ///< read service metrics
  record_purchase,    ///< record a customer's purchase
  merge_customers,    ///< merge a duplicate customer record into the kept one
  reverse_merge,      ///< undo a merge of customer records, within the retention period
};

/// Which tickets and customers a role sees and changes.
enum class Scope : std::uint8_t {
  assigned,  ///< the tickets assigned to the actor, and those tickets' customers
  team,      ///< the tickets of the actor's teams (theirs, and those they lead, supervise or manage)
  all,       ///< every ticket and customer
  own,       ///< a customer's own record and tickets, public events only
};

/// One role's rights.
struct RoleRights {
  Scope scope = Scope::assigned;  ///< what it sees
  std::vector<Permission> may;    ///< what it may do, sorted, without repeats

  /// Whether `may` holds p.
  bool allows(Permission p) const;

  friend bool operator==(const RoleRights&, const RoleRights&) = default;
};

/// The rights of each role: agent, supervisor, admin, customer and system.
class AccessPolicy {
 public:
  /// DOMAIN.md's levels: agents their assigned tickets, supervisors their teams, admins
  /// everything and the configuration, customers their own tickets, the system the sweep.
  static AccessPolicy standard();

  /// The rights of actors of this kind.
  const RoleRights& rights(ActorKind role) const { return roles_[static_cast<std::size_t>(role)]; }
  /// Replaces a role's rights (`may` is sorted and made unique).
  void set(ActorKind role, RoleRights rights);

  friend bool operator==(const AccessPolicy&, const AccessPolicy&) = default;

 private:
  std::array<RoleRights, 5> roles_{};
};

}  // namespace ticketcore

TICKETCORE_ENUM_NAMES(ticketcore::Permission, "read", "take_in", "register_customer", "update_customer", "handle",
                      "assign", "escalate", "approve", "read_unmasked", "configure", "sweep", "purge", "audit",
                      "metrics", "record_purchase", "merge_customers", "reverse_merge");
TICKETCORE_ENUM_NAMES(ticketcore::Scope, "assigned", "team", "all", "own");
