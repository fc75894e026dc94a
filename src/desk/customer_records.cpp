// Customers as roles see them, and masked values written back (customer_records.hpp).
#include "customer_records.hpp"

#include <map>

#include <nlohmann/json.hpp>

#include "ticketcore/access/masking.hpp"
#include "ticketcore/customers/contact.hpp"
#include "ticketcore/error.hpp"
#include "ticketcore/model/json.hpp"

namespace ticketcore::detail {

namespace {

// The stored value where `value` is its masked form (and masking changed it).
template <class T>
void restore(T& value, const T& stored, const T& stored_masked) {
  if (value == stored_masked && stored_masked != stored) value = stored;
}

// Each item of a list that equals a masked stored item becomes that stored item.
template <class T>
void restore_items(std::vector<T>& items, const std::vector<T>& stored, const std::vector<T>& stored_masked) {
  for (T& item : items)
    for (std::size_t k = 0; k < stored_masked.size() && k < stored.size(); ++k)
      if (item == stored_masked[k] && stored_masked[k] != stored[k]) {
        item = stored[k];
        break;
      }
}

// Phones as people read them (13812345678, not +8613812345678), which masking expects.
Customer for_display(Customer customer, const DeskConfig& config) {
  for (std::string& phone : customer.phones) phone = display_phone(phone, config.default_region());
  return customer;
}

}  // namespace

Customer with_normal_contacts(Customer customer, const DeskConfig& config) {
  for (std::size_t k = 0; k < customer.phones.size(); ++k)
    customer.phones[k] = normalize_phone(customer.phones[k], config.default_region(), "/phones/" + std::to_string(k));
  for (std::size_t k = 0; k < customer.emails.size(); ++k)
    customer.emails[k] = normalize_email(customer.emails[k], "/emails/" + std::to_string(k));
  return customer;
}

Customer shown_to(const Actor& actor, const Customer& customer, const DeskConfig& config) {
  return masked(for_display(customer, config), config.masking(), to_string(actor.kind));
}

Customer unmask_written_back(Customer incoming, const Customer& stored, const Customer& stored_masked) {
  restore(incoming.name, stored.name, stored_masked.name);
  restore(incoming.company, stored.company, stored_masked.company);
  restore(incoming.department, stored.department, stored_masked.department);
  restore(incoming.identity_number, stored.identity_number, stored_masked.identity_number);
  restore(incoming.bank_card_number, stored.bank_card_number, stored_masked.bank_card_number);
  restore_items(incoming.phones, stored.phones, stored_masked.phones);
  restore_items(incoming.emails, stored.emails, stored_masked.emails);
  // An address's label may change while its text stays masked: each part on its own.
  for (Address& a : incoming.addresses)
    for (std::size_t k = 0; k < stored.addresses.size() && k < stored_masked.addresses.size(); ++k)
      if (a.text == stored_masked.addresses[k].text) {
        restore(a.text, stored.addresses[k].text, stored_masked.addresses[k].text);
        restore(a.postal_code, stored.addresses[k].postal_code, stored_masked.addresses[k].postal_code);
        break;
      }
  return incoming;
}

void check_desk_owned(const Customer& incoming, const Customer* stored) {
  static const std::vector<Purchase> none;
  if (incoming.purchases != (stored ? stored->purchases : none))
    throw_invalid("/purchases", "purchases are added with record_purchase, and move only with a merge");
  if (incoming.merged_into != (stored ? stored->merged_into : std::string()))
    throw_invalid("/merged_into", "records are merged with merge_customers");
}

std::vector<Ticket> customer_tickets(StoreTransaction& tx, std::string_view customer_id, const QueryScope& scope) {
  std::vector<Ticket> out;
  TicketQuery query;
  query.customer_id = customer_id;
  query.scope = scope;
  query.order = TicketOrder::id;
  query.limit = 1000;
  do {
    TicketPage page = tx.tickets(query);
    for (Ticket& t : page.tickets) out.push_back(std::move(t));
    query.after = std::move(page.next_cursor);
  } while (!query.after.empty());
  return out;
}

void append_record_events(StoreTransaction& tx, std::vector<CustomerEvent> events) {
  std::map<std::string, std::int64_t, std::less<>> last;
  for (CustomerEvent& e : events) {
    auto it = last.find(e.customer_id);
    if (it == last.end())
      it = last.emplace(e.customer_id, static_cast<std::int64_t>(tx.customer_events(e.customer_id).size())).first;
    e.sequence = ++it->second;
  }
  tx.append_customer_events(events);
}

Customer load_live_customer(StoreTransaction& tx, std::string_view id, std::string_view path) {
  return live_customer(tx.customer(id), id, path);
}

Customer live_customer(std::optional<Customer> found, std::string_view id, std::string_view path) {
  if (!found) throw Error(ErrorCode::not_found, std::string(path), "no customer \"" + std::string(id) + "\"");
  if (!found->merged_into.empty())
    throw Error(ErrorCode::conflict, std::string(path),
                "customer \"" + found->id + "\" was merged into \"" + found->merged_into + "\"; use that record");
  return std::move(*found);
}

nlohmann::json audit_form(const Customer& customer, const DeskConfig& config) {
  return nlohmann::json(masked(for_display(customer, config), config.masking(), to_string(ActorKind::admin)));
}

}  // namespace ticketcore::detail
