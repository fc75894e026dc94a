#pragma once
// What the Desk shows of customers and writes in the audit log about them: records
// masked for the reader's role, and a masked record written back unchanged.

#include <string>

#include <nlohmann/json.hpp>

#include "ticketcore/config.hpp"
#include "ticketcore/model/actor.hpp"
#include "ticketcore/model/customer.hpp"

namespace ticketcore::detail {

/// The record as the actor's role is shown it (config().masking()).
Customer shown_to(const Actor& actor, const Customer& customer, const DeskConfig& config);

/// `incoming` with every field (or list item) that equals its masked form in `stored_masked`
/// given back the stored value: a record read masked and written back keeps its data.
Customer unmask_written_back(Customer incoming, const Customer& stored, const Customer& stored_masked);

/// A customer as the audit log keeps it: masked as an admin is shown it, as JSON.
nlohmann::json audit_form(const Customer& customer, const DeskConfig& config);

}  // namespace ticketcore::detail
