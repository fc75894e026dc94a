#pragma once
// Customer records between the Desk's callers and the store: contact data stored in one
// normal form, shown masked for the reader's role, and a masked record written back
// unchanged; the form the audit log keeps.

#include <string>

#include <nlohmann/json.hpp>

#include "ticketcore/config.hpp"
#include "ticketcore/model/actor.hpp"
#include "ticketcore/model/customer.hpp"
#include "ticketcore/model/customer_event.hpp"
#include "ticketcore/store/store.hpp"

namespace ticketcore::detail {

/// Phones in E.164 and emails trimmed with their domains lower-cased (customers/contact.hpp);
/// Error(invalid_input) at "/phones/2" and the like for one that is no phone or email.
Customer with_normal_contacts(Customer customer, const DeskConfig& config);

/// The record as the actor's role is shown it: phones as dialled at home, then masked
/// (config().masking()).
Customer shown_to(const Actor& actor, const Customer& customer, const DeskConfig& config);

/// `incoming` with every field (or list item) that equals its masked form in `stored_masked`
/// given back the stored value: a record read masked and written back keeps its data.
Customer unmask_written_back(Customer incoming, const Customer& stored, const Customer& stored_masked);

/// A customer as the audit log keeps it: masked as an admin is shown it, as JSON.
nlohmann::json audit_form(const Customer& customer, const DeskConfig& config);

/// Error(invalid_input) when `incoming` changes what only the desk's own calls change: the
/// purchases (record_purchase) and the merge mark (merge_customers), against `stored`
/// (none: a new record, which has neither).
void check_desk_owned(const Customer& incoming, const Customer* stored);

/// Every ticket of a customer the scope shows (an empty scope: all), in id order.
std::vector<Ticket> customer_tickets(StoreTransaction& tx, std::string_view customer_id, const QueryScope& scope = {});

/// Appends events to customers' histories, numbering each after its customer's last.
void append_record_events(StoreTransaction& tx, std::vector<CustomerEvent> events);

/// The stored customer with this id; Error(not_found) at `path`
/// otherwise, and Error(conflict) at `path` for a record merged into another (the desk
/// writes to the kept one).
Customer load_live_customer(StoreTransaction& tx, std::string_view id, std::string_view path);
/// The same checks on a customer already read (`found`, looked up by `id`).
Customer live_customer(std::optional<Customer> found, std::string_view id, std::string_view path);

}  // namespace ticketcore::detail
