#pragma once
// Customer records between the Desk's callers and the store: contact data stored in one
// normal form, shown masked for the reader's role, and a masked record written back
// unchanged; the form the audit log keeps.

#include <string>

#include <nlohmann/json.hpp>

#include "ticketcore/config.hpp"
#include "ticketcore/model/actor.hpp"
#include "ticketcore/model/customer.hpp"

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

}  // namespace ticketcore::detail
