// Customers as roles see them, and masked values written back (customer_records.hpp).
#include "customer_records.hpp"

#include <nlohmann/json.hpp>

#include "ticketcore/access/masking.hpp"
#include "ticketcore/customers/contact.hpp"
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

nlohmann::json audit_form(const Customer& customer, const DeskConfig& config) {
  return nlohmann::json(masked(for_display(customer, config), config.masking(), to_string(ActorKind::admin)));
}

}  // namespace ticketcore::detail
