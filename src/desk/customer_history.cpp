// A customer's history and profile, from the tickets the actor sees.
#include "access_checks.hpp"
#include "customer_records.hpp"
#include "ticketcore/desk.hpp"
#include "ticketcore/error.hpp"

namespace ticketcore {

namespace {

// The stored customer the actor may read; not_found or denied otherwise.
Customer readable_customer(StoreTransaction& tx, const detail::Access& access, std::string_view id) {
  auto found = tx.customer(id);
  if (!found) throw Error(ErrorCode::not_found, "/customer_id", "no customer \"" + std::string(id) + "\"");
  access.require_customer(tx, id);
  return std::move(*found);
}

}  // namespace

HistoryPage Desk::customer_history(const Actor& actor, const HistoryQuery& query) const {
  return guard(actor, "customer_history", [&] {
    const detail::Access access(config(), actor, Permission::read);
    auto tx = store_->read();
    const Customer customer = readable_customer(*tx, access, query.customer_id);
    const std::vector<Ticket> tickets = detail::customer_tickets(*tx, customer.id, access.query_scope());
    // A customer sees their purchases, tickets and public events; the record's own events are the desk's.
    std::vector<CustomerEvent> record_events;
    if (access.scope() != Scope::own) record_events = tx->customer_events(customer.id);
    const HistorySources sources{record_events, customer.purchases, tickets,
                                 [&](const Ticket& t) { return access.visible(tx->events(t.id)); }};
    return history_page(query, sources);
  });
}

CustomerProfile Desk::customer_profile(const Actor& actor, std::string_view customer_id) const {
  return guard(actor, "customer_profile", [&] {
    const DeskConfig cfg = config();
    const detail::Access access(cfg, actor, Permission::read);
    auto tx = store_->read();
    const Customer customer = readable_customer(*tx, access, customer_id);
    const std::vector<Ticket> tickets = detail::customer_tickets(*tx, customer.id, access.query_scope());
    return profile_of(customer, tickets, clock_->now(), cfg.profile_settings());
  });
}

}  // namespace ticketcore
