// Warranty: both ends of a purchase's warranty period count, a ticket naming a serial or order
// number looks at those purchases only, and no purchase means no warranty.
#include <catch2/catch.hpp>

#include "customers/customer_fixtures.hpp"
#include "ticketcore/customers/warranty.hpp"

using namespace ticketcore;

namespace {

// P1: bought 2024-01-01, warranty to 2025-01-01. P2: bought 2025-06-01, warranty to 2026-06-01.
Customer customer() {
  Customer c;
  c.id = "C20240101001";
  c.name = "Li Na";
  Purchase p1;
  p1.id = "P20240101001";
  p1.product = "Router X";
  p1.serial_number = "SN1";
  p1.order_number = "SO1";
  p1.purchased_at = at("2024-01-01T00:00:00Z");
  p1.warranty_until = at("2025-01-01T00:00:00Z");
  Purchase p2 = p1;
  p2.id = "P20250601001";
  p2.serial_number = "SN2";
  p2.order_number = "12345";
  p2.purchased_at = at("2025-06-01T00:00:00Z");
  p2.warranty_until = at("2026-06-01T00:00:00Z");
  c.purchases = {p1, p2};
  return c;
}

Ticket ticket(Attributes attributes = {}) {
  Ticket t;
  t.id = "202507-001";
  t.customer_id = "C20240101001";
  t.subject = "Router keeps rebooting";
  t.attributes = std::move(attributes);
  return t;
}

}  // namespace

TEST_CASE("warranty: no purchases means no warranty") {
  Customer c = customer();
  c.purchases.clear();
  CHECK_FALSE(in_warranty(c, ticket(), at("2025-07-01T00:00:00Z")));
}

TEST_CASE("warranty: any purchase covers a ticket that names none") {
  const Customer c = customer();
  CHECK(in_warranty(c, ticket(), at("2024-06-01T00:00:00Z")));        // P1
  CHECK_FALSE(in_warranty(c, ticket(), at("2025-03-01T00:00:00Z")));  // P1 over, P2 not bought yet
  CHECK(in_warranty(c, ticket(), at("2025-07-01T00:00:00Z")));        // P2
  CHECK_FALSE(in_warranty(c, ticket(), at("2026-06-01T00:00:01Z")));  // both over
}

TEST_CASE("warranty: both ends of the period are in") {
  const Customer c = customer();
  const Ticket sn1 = ticket({{"serial_number", std::string("SN1")}});
  CHECK(in_warranty(c, sn1, at("2025-01-01T00:00:00Z")));
  CHECK_FALSE(in_warranty(c, sn1, at("2025-01-01T00:00:01Z")));
  CHECK(in_warranty(c, sn1, at("2024-01-01T00:00:00Z")));
  CHECK_FALSE(in_warranty(c, sn1, at("2023-12-31T23:59:59Z")));  // before the purchase
}

TEST_CASE("warranty: without purchased_at only the end counts and without warranty_until none") {
  Customer c = customer();
  c.purchases[0].purchased_at.reset();
  const Ticket sn1 = ticket({{"serial_number", std::string("SN1")}});
  CHECK(in_warranty(c, sn1, at("2020-01-01T00:00:00Z")));
  c.purchases[0].warranty_until.reset();
  CHECK_FALSE(in_warranty(c, sn1, at("2024-06-01T00:00:00Z")));
}

TEST_CASE("warranty: a serial or order number limits the purchases looked at") {
  const Customer c = customer();
  const Instant july = at("2025-07-01T00:00:00Z");  // P2 is covered, P1 is not
  CHECK_FALSE(in_warranty(c, ticket({{"serial_number", std::string("SN1")}}), july));
  CHECK(in_warranty(c, ticket({{"serial_number", std::string("SN2")}}), july));
  CHECK_FALSE(in_warranty(c, ticket({{"serial_number", std::string("SN9")}}), july));
  CHECK_FALSE(in_warranty(c, ticket({{"serial_number", std::string("sn2")}}), july));  // compared exactly
  CHECK_FALSE(in_warranty(c, ticket({{"order_number", std::string("SO1")}}), july));
  CHECK(in_warranty(c, ticket({{"order_number", std::string("12345")}}), july));
  // An integer order number is read as its digits.
  CHECK(in_warranty(c, ticket({{"order_number", std::int64_t{12345}}}), july));
  CHECK_FALSE(in_warranty(c, ticket({{"order_number", std::int64_t{1}}}), july));
  // Both given: both must match the same purchase.
  CHECK(in_warranty(
      c, ticket({{"serial_number", std::string("SN2")}, {"order_number", std::string("12345")}}), july));
  CHECK_FALSE(in_warranty(
      c, ticket({{"serial_number", std::string("SN2")}, {"order_number", std::string("SO1")}}), july));
}

TEST_CASE("warranty: an empty or non-text number names no purchase") {
  const Customer c = customer();
  const Instant july = at("2025-07-01T00:00:00Z");
  CHECK(in_warranty(c, ticket({{"serial_number", std::string("")}}), july));
  CHECK(in_warranty(c, ticket({{"serial_number", true}}), july));
  CHECK(in_warranty(c, ticket({{"serial_number", AttributeValue{}}}), july));
  CHECK(in_warranty(c, ticket({{"serial", std::string("SN1")}}), july));  // another attribute
}
