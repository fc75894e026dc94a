// Loading and storing tickets for the Desk's methods.
#include "unit_of_work.hpp"

#include <nlohmann/json.hpp>

#include "ticketcore/error.hpp"
#include "ticketcore/metrics/facts.hpp"
#include "ticketcore/model/json.hpp"
#include "ticketcore/sla/due.hpp"

#include "sla/next_action.hpp"

namespace ticketcore::detail {

Ticket load_ticket(StoreTransaction& tx, const TicketRef& ref) {
  auto ticket = tx.ticket(ref.id);
  if (!ticket) throw Error(ErrorCode::not_found, "/ticket", "no ticket \"" + ref.id + "\"");
  if (ref.version != 0 && ref.version != ticket->version)
    throw Error(ErrorCode::conflict, "/ticket/version",
                "ticket \"" + ref.id + "\" is at version " + std::to_string(ticket->version) + ", not " +
                    std::to_string(ref.version) + ": it changed meanwhile");
  return std::move(*ticket);
}

CustomerTier tier_of(StoreTransaction& tx, const Ticket& ticket) {
  auto customer = tx.customer(ticket.customer_id);
  return customer ? customer->tier : CustomerTier::normal;
}

TicketSchedule schedule_of(const Ticket& ticket, std::span<const Event> events, CustomerTier tier,
                           const DeskConfig& config, Instant now, std::optional<Instant> pending) {
  const SlaSubject subject{ticket, events, tier};
  return schedule_of(ticket, events, tier, config, now, pending, sla_status(subject, config.sla(), now));
}

TicketSchedule schedule_of(const Ticket& ticket, std::span<const Event> events, CustomerTier tier,
                           const DeskConfig& config, Instant now, std::optional<Instant> pending,
                           const SlaStatus& at_now) {
  const SlaSubject subject{ticket, events, tier};
  TicketSchedule s;
  s.due_at = earliest_due(at_now);
  s.next_action_at = next_action_at(subject, config.sla(), now, at_now);
  if (pending && *pending <= now && (!s.next_action_at || *pending < *s.next_action_at)) s.next_action_at = pending;
  return s;
}

void store_facts(StoreTransaction& tx, const DeskConfig& config, const Ticket& ticket,
                 std::span<const Event> events, CustomerTier tier, Instant now) {
  tx.put_facts(facts_of(ticket, events, config, tier, now));
}

void store_change(StoreTransaction& tx, const DeskConfig& config, const Change& change,
                  std::span<const Event> history, Instant now) {
  std::vector<Event> all(history.begin(), history.end());
  all.insert(all.end(), change.events.begin(), change.events.end());
  const TicketSchedule before = tx.schedule(change.ticket.id);
  const CustomerTier tier = tier_of(tx, change.ticket);
  tx.update_ticket(change.ticket, schedule_of(change.ticket, all, tier, config, now, before.next_action_at));
  tx.append_events(change.events);
  store_facts(tx, config, change.ticket, all, tier, now);
}

template <class T>
void check_valid(const T& value) {
  (void)nlohmann::json(value).template get<T>();
}

template void check_valid<Customer>(const Customer&);
template void check_valid<Ticket>(const Ticket&);

}  // namespace ticketcore::detail
