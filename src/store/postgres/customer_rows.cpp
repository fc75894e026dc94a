// A PostgresTransaction's customers: the row and its phone, email and tag lookup rows,
// written together, and the customer's own history (transaction.hpp).
#include <map>

#include "store/postgres/transaction.hpp"
#include "store/records.hpp"
#include "ticketcore/model/enum_names.hpp"

namespace ticketcore::detail::postgres {
namespace {

Params customer_params(const Customer& customer) {
  Params p;
  p.text(customer.id)
      .text(customer.name)
      .text(to_string(customer.tier))
      .integer(customer.version)
      .text(entity_json(customer))
      .text(customer.merged_into);
  return p;
}

void write_lookups(Connection& c, const Customer& customer, bool replace) {
  std::vector<std::string> emails;
  for (const auto& email : customer.emails) emails.push_back(ascii_lower(email));
  struct Lookup {
    const char* table;
    const char* column;
    const std::vector<std::string>& values;
  };
  const Lookup lookups[] = {{"customer_phones", "phone", customer.phones},
                            {"customer_emails", "email", emails},
                            {"customer_tags", "tag", customer.tags}};
  for (const auto& lookup : lookups) {
    if (replace)
      c.exec(std::string("DELETE FROM ") + lookup.table + " WHERE customer_id = $1", Params().text(customer.id));
    if (!lookup.values.empty())
      c.exec(std::string("INSERT INTO ") + lookup.table + " (" + lookup.column +
                 ", customer_id) SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING",
             Params().text_array(lookup.values).text(customer.id));
  }
}

}  // namespace

std::optional<Customer> customer_from(const Result& r) {
  if (r.rows() == 0) return std::nullopt;
  return read_entity<Customer>(r.text(0, 0), "customers");
}

std::optional<Customer> PostgresTransaction::customer(std::string_view id) {
  return reading("reading a customer", [&](Connection& c) {
    return customer_from(c.exec(std::string(kSelectCustomer) + lock_clause(), Params().text(id)));
  });
}

void PostgresTransaction::insert_customer(const Customer& customer) {
  if (customer.version < 1)
    throw_invalid("/version", "a customer's version must be at least 1, not " + std::to_string(customer.version));
  // No savepoint: a duplicate id inserts no row, without an error.
  writing_unguarded("adding a customer", [&](Connection& c) {
    const auto r = c.exec(
        "INSERT INTO customers (id, name, tier, version, json, merged_into) VALUES ($1, $2, $3, $4, $5, $6) "
        "ON CONFLICT (id) DO NOTHING",
        customer_params(customer));
    if (r.changed() == 0) throw Error(ErrorCode::conflict, "/id", "customer \"" + customer.id + "\" exists already");
    write_lookups(c, customer, false);
  });
}

void PostgresTransaction::update_customer(const Customer& customer) {
  writing_unguarded("updating a customer", [&](Connection& c) {
    // The row is locked by the UPDATE; a stale version matches no row and writes nothing.
    Params p = customer_params(customer);
    p.integer(customer.version - 1);
    const auto r = c.exec(
        "UPDATE customers SET name = $2, tier = $3, version = $4, json = $5, merged_into = $6 "
        "WHERE id = $1 AND version = $7",
        p);
    if (r.changed() != 1) {
      const auto stored = c.exec("SELECT version FROM customers WHERE id = $1", Params().text(customer.id));
      if (stored.rows() == 0) throw Error(ErrorCode::not_found, "/id", "no customer \"" + customer.id + "\"");
      throw Error(ErrorCode::conflict, "/version",
                  "customer \"" + customer.id + "\" is at version " + stored.string(0, 0) + ", so version " +
                      std::to_string(customer.version) + " does not follow it");
    }
    write_lookups(c, customer, true);
  });
}

std::vector<CustomerEvent> PostgresTransaction::customer_events(std::string_view customer_id) {
  return reading("reading customer events", [&](Connection& c) {
    std::vector<CustomerEvent> out;
    const auto r = c.exec(
        "SELECT sequence, kind, actor, at, payload FROM customer_events WHERE customer_id = $1 ORDER BY sequence",
        Params().text(customer_id));
    for (int i = 0; i < r.rows(); ++i)
      out.push_back(read_customer_event(std::string(customer_id), r.integer(i, 0), r.text(i, 1), r.string(i, 2),
                                        r.integer(i, 3), r.text(i, 4)));
    return out;
  });
}

void PostgresTransaction::append_customer_events(std::span<const CustomerEvent> events) {
  // No savepoint: as for a ticket's events, the customer's row is locked while its next
  // sequence is read, and every refusal comes before the one INSERT.
  writing_unguarded("appending customer events", [&](Connection& c) {
    std::map<std::string, std::int64_t, std::less<>> next;  // per customer: the sequence it must have
    std::vector<std::string> ids, sequences, kinds, actors, ats, payloads;
    for (std::size_t i = 0; i < events.size(); ++i) {
      const CustomerEvent& e = events[i];
      const std::string path = "/customer_events/" + std::to_string(i);
      auto it = next.find(e.customer_id);
      if (it == next.end()) {
        const auto r = c.exec(
            "SELECT coalesce((SELECT max(sequence) FROM customer_events WHERE customer_id = $1), 0) + 1 "
            "FROM customers WHERE id = $1 FOR NO KEY UPDATE",
            Params().text(e.customer_id));
        if (r.rows() == 0)
          throw Error(ErrorCode::not_found, path + "/customer_id", "no customer \"" + e.customer_id + "\"");
        it = next.emplace(e.customer_id, r.integer(0, 0)).first;
      }
      if (e.sequence != it->second)
        throw Error(ErrorCode::conflict, path + "/sequence",
                    "event " + std::to_string(e.sequence) + " of customer \"" + e.customer_id + "\" does not follow " +
                        std::to_string(it->second - 1) + " (appended by someone else)");
      ++it->second;
      ids.push_back(e.customer_id);
      sequences.push_back(std::to_string(e.sequence));
      kinds.emplace_back(to_string(e.kind));
      actors.push_back(e.actor);
      ats.push_back(std::to_string(to_unix(e.at)));
      payloads.push_back(payload_json(e));
    }
    if (ids.empty()) return;
    c.exec(
        "INSERT INTO customer_events (customer_id, sequence, kind, actor, at, payload) "
        "SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::bigint[], $6::text[])",
        Params().text_array(ids).text_array(sequences).text_array(kinds).text_array(actors).text_array(ats).text_array(
            payloads));
  });
}

}  // namespace ticketcore::detail::postgres
