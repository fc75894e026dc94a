// Role rights and the standard access policy (rights.hpp, docs/access.md).
#include "ticketcore/access/rights.hpp"

#include <algorithm>

namespace ticketcore {

bool RoleRights::allows(Permission p) const { return std::binary_search(may.begin(), may.end(), p); }

void AccessPolicy::set(ActorKind role, RoleRights rights) {
  std::sort(rights.may.begin(), rights.may.end());
  rights.may.erase(std::unique(rights.may.begin(), rights.may.end()), rights.may.end());
  roles_[static_cast<std::size_t>(role)] = std::move(rights);
}

AccessPolicy AccessPolicy::standard() {
  using P = Permission;
  // What an agent does with the tickets in front of them; each level up adds to the one below.
  const std::vector<Permission> agent{P::read,   P::take_in, P::register_customer, P::update_customer,
                                      P::handle, P::assign,  P::escalate,          P::record_purchase};
  std::vector<Permission> supervisor = agent;
  supervisor.insert(supervisor.end(), {P::approve, P::metrics, P::merge_customers});
  std::vector<Permission> admin;
  for (std::size_t p = 0; p < enum_count<Permission>(); ++p) admin.push_back(static_cast<Permission>(p));

  AccessPolicy policy;
  policy.set(ActorKind::agent, {Scope::assigned, agent});
  policy.set(ActorKind::supervisor, {Scope::team, supervisor});
  policy.set(ActorKind::admin, {Scope::all, admin});
  policy.set(ActorKind::customer, {Scope::own, {P::read, P::take_in, P::handle}});
  // The system runs the sweep and what the host does with it: escalations, auto-closes.
  policy.set(ActorKind::system, {Scope::all, {P::read, P::handle, P::escalate, P::sweep, P::purge}});
  return policy;
}

}  // namespace ticketcore
