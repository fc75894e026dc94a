#pragma once
// Whether a ticket's product is under warranty (DOMAIN.md sections 4 and 6), from the
// customer's purchase records. Pure: no I/O, no clock reads; safe from any thread.

#include "ticketcore/model/customer.hpp"
#include "ticketcore/model/ticket.hpp"
#include "ticketcore/model/time.hpp"

namespace ticketcore {

/// True when a purchase the ticket concerns has a warranty_until at or after `at` and, when its
/// purchased_at is set, a purchased_at at or before `at` (both ends inclusive). The ticket concerns
/// every purchase of the customer, unless its attributes hold a non-empty "serial_number" or
/// "order_number" (a text, or an integer read as its decimal digits): then only the purchases with
/// exactly that serial number and/or order number (both given: both must match). A purchase without
/// warranty_until is not under warranty; no purchases, or none matching: false.
bool in_warranty(const Customer& customer, const Ticket& ticket, Instant at);

}  // namespace ticketcore
