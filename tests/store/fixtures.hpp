#pragma once
// Valid customers, tickets and events built by code for the Store contract suite, and
// small helpers to run a transaction.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "model/samples.hpp"
#include "ticketcore/error.hpp"
#include "ticketcore/model/event_payloads.hpp"
#include "ticketcore/store/store.hpp"

namespace store_testing {

using namespace ticketcore;

/// An instant from RFC 3339 text.
inline Instant at(const char* text) { return *parse_instant(text); }
/// 2026-05-01T00:00:00Z plus some minutes: a quick way to order instants.
inline Instant minute(long long n) { return at("2026-05-01T00:00:00Z") + std::chrono::minutes(n); }

/// A plain, valid customer as first stored (version 1).
inline Customer customer(const std::string& id, const std::string& name = "Zhang Wei") {
  Customer c;
  c.id = id;
  c.name = name;
  c.phones = {"138" + id.substr(id.size() - 3) + "00000"};
  c.emails = {id + "@example.com"};
  c.created_at = c.updated_at = minute(0);
  c.version = 1;
  return c;
}

/// A plain, valid new ticket as first stored (version 1).
inline Ticket ticket(const std::string& id, const std::string& customer_id, Instant created = minute(0)) {
  Ticket t;
  t.id = id;
  t.customer_id = customer_id;
  t.channel = Channel::phone;
  t.request_type = RequestType::technical_support;
  t.subject = "Ticket " + id;
  t.priority = "P3";
  t.created_at = t.updated_at = created;
  t.version = 1;
  return t;
}

/// An event of a ticket with a payload struct (events::PublicComment{...}, ...).
template <class P>
Event event(const std::string& ticket_id, std::int64_t sequence, const P& payload, Instant when = minute(1)) {
  Event e = events::make_event(ticket_id, "a-01", when, payload);
  e.sequence = sequence;
  return e;
}

/// Runs `f` in a write transaction and commits.
inline void write(Store& store, const std::function<void(StoreTransaction&)>& f) {
  auto tx = store.write();
  f(*tx);
  tx->commit();
}

/// Runs `f` in a read transaction.
template <class F>
auto read(Store& store, F&& f) {
  auto tx = store.read();
  return f(*tx);
}

/// A store holding customer C001 (and C002), ready for tickets.
template <class Backend>
std::unique_ptr<Store> store_with_customers() {
  auto store = Backend::make();
  write(*store, [](StoreTransaction& tx) {
    tx.insert_customer(customer("C001"));
    tx.insert_customer(customer("C002", "Li Na"));
  });
  return store;
}

/// The ids of tickets, in order.
inline std::vector<std::string> ids(const std::vector<Ticket>& tickets) {
  std::vector<std::string> out;
  for (const auto& t : tickets) out.push_back(t.id);
  return out;
}

/// The ids of due tickets, in order.
inline std::vector<std::string> ids(const std::vector<DueTicket>& due) {
  std::vector<std::string> out;
  for (const auto& d : due) out.push_back(d.ticket.id);
  return out;
}

/// The ids of customers, in order.
inline std::vector<std::string> ids(const std::vector<Customer>& customers) {
  std::vector<std::string> out;
  for (const auto& c : customers) out.push_back(c.id);
  return out;
}

/// A query for every ticket in id order (up to 1000).
inline TicketQuery by_id() {
  TicketQuery q;
  q.order = TicketOrder::id;
  q.limit = 1000;
  return q;
}

/// Every ticket of a query, page by page; fails the test when a page is empty but
/// names a next page, or a page is longer than the limit.
inline std::vector<Ticket> all_pages(StoreTransaction& tx, TicketQuery query) {
  std::vector<Ticket> out;
  for (int guard = 0; guard < 10000; ++guard) {
    auto page = tx.tickets(query);
    if (page.tickets.size() > query.limit) throw std::runtime_error("page longer than its limit");
    if (page.tickets.empty() && !page.next_cursor.empty()) throw std::runtime_error("empty page with a next page");
    out.insert(out.end(), page.tickets.begin(), page.tickets.end());
    if (page.next_cursor.empty()) return out;
    query.after = page.next_cursor;
  }
  throw std::runtime_error("paging does not end");
}

/// The error code a call throws; ErrorCode::ok when it throws nothing.
template <class F>
ErrorCode code_of(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  return ErrorCode::ok;
}

/// The Error a call throws; fails (std::runtime_error) when it throws none.
template <class F>
Error error_of(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  throw std::runtime_error("expected an Error");
}

}  // namespace store_testing
