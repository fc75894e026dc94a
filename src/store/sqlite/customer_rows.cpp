// A SqliteTransaction's customers: the row and its phone, email and tag lookup rows,
// written together (transaction.hpp).
#include <map>

#include "store/records.hpp"
#include "store/sqlite/transaction.hpp"
#include "ticketcore/model/enum_names.hpp"

namespace ticketcore::detail::sqlite {
namespace {

void bind_customer_columns(SQLite::Statement& s, const Customer& customer) {
  s.bind(1, customer.id);
  s.bind(2, customer.name);
  s.bind(3, std::string(to_string(customer.tier)));
  s.bind(4, customer.version);
  s.bind(5, entity_json(customer));
  s.bind(6, customer.merged_into);
}

void write_lookups(Connection& c, const Customer& customer, bool replace) {
  struct Lookup {
    const char* table;
    const char* column;
    const std::vector<std::string>& values;
    bool lower;
  };
  const Lookup lookups[] = {{"customer_phones", "phone", customer.phones, false},
                            {"customer_emails", "email", customer.emails, true},
                            {"customer_tags", "tag", customer.tags, false}};
  for (const auto& lookup : lookups) {
    if (replace) {
      auto s = c.statement(std::string("DELETE FROM ") + lookup.table + " WHERE customer_id = ?");
      s->bind(1, customer.id);
      s->exec();
    }
    auto s = c.statement(std::string("INSERT INTO ") + lookup.table + " (" + lookup.column +
                         ", customer_id) VALUES (?, ?) ON CONFLICT DO NOTHING");
    for (const auto& value : lookup.values) {
      s->reset();
      s->bind(1, lookup.lower ? ascii_lower(value) : value);
      s->bind(2, customer.id);
      s->exec();
    }
  }
}

}  // namespace

std::optional<Customer> SqliteTransaction::customer(std::string_view id) {
  return reading("reading a customer", [&](Connection& c) -> std::optional<Customer> {
    auto s = c.statement("SELECT json FROM customers WHERE id = ?");
    s->bind(1, std::string(id));
    if (!s->executeStep()) return std::nullopt;
    return read_entity<Customer>(s->getColumn(0).getString(), "customers");
  });
}

void SqliteTransaction::insert_customer(const Customer& customer) {
  writing("adding a customer", [&](Connection& c) {
    if (customer.version < 1)
      throw_invalid("/version",
                    "a customer's version must be at least 1, not " + std::to_string(customer.version));
    {
      auto s = c.statement(
          "INSERT INTO customers (id, name, tier, version, json, merged_into) VALUES (?, ?, ?, ?, ?, ?) ON "
          "CONFLICT (id) DO NOTHING");
      bind_customer_columns(*s, customer);
      if (s->exec() == 0)
        throw Error(ErrorCode::conflict, "/id", "customer \"" + customer.id + "\" exists already");
    }
    write_lookups(c, customer, false);
  });
}

void SqliteTransaction::update_customer(const Customer& customer) {
  writing("updating a customer", [&](Connection& c) {
    {
      auto s = c.statement("SELECT version FROM customers WHERE id = ?");
      s->bind(1, customer.id);
      if (!s->executeStep()) throw Error(ErrorCode::not_found, "/id", "no customer \"" + customer.id + "\"");
      const auto stored = s->getColumn(0).getInt64();
      if (stored != customer.version - 1)
        throw Error(ErrorCode::conflict, "/version",
                    "customer \"" + customer.id + "\" is at version " + std::to_string(stored) +
                        ", so version " + std::to_string(customer.version) + " does not follow it");
    }
    {
      auto s = c.statement(
          "UPDATE customers SET name = ?2, tier = ?3, version = ?4, json = ?5, merged_into = ?6 WHERE id = ?1 "
          "AND version = ?7");
      bind_customer_columns(*s, customer);
      s->bind(7, customer.version - 1);
      if (s->exec() != 1)
        throw Error(ErrorCode::conflict, "/version", "customer \"" + customer.id + "\" changed meanwhile");
    }
    write_lookups(c, customer, true);
  });
}

std::vector<CustomerEvent> SqliteTransaction::customer_events(std::string_view customer_id) {
  return reading("reading customer events", [&](Connection& c) {
    std::vector<CustomerEvent> out;
    auto s = c.statement(
        "SELECT sequence, kind, actor, at, payload FROM customer_events WHERE customer_id = ? ORDER BY sequence");
    s->bind(1, std::string(customer_id));
    while (s->executeStep())
      out.push_back(read_customer_event(std::string(customer_id), s->getColumn(0).getInt64(),
                                        s->getColumn(1).getString(), s->getColumn(2).getString(),
                                        s->getColumn(3).getInt64(), s->getColumn(4).getString()));
    return out;
  });
}

void SqliteTransaction::append_customer_events(std::span<const CustomerEvent> events) {
  writing("appending customer events", [&](Connection& c) {
    std::map<std::string, std::int64_t, std::less<>> next;  // per customer: the sequence it must have
    auto insert = c.statement(
        "INSERT INTO customer_events (customer_id, sequence, kind, actor, at, payload) VALUES (?, ?, ?, ?, ?, ?)");
    for (std::size_t i = 0; i < events.size(); ++i) {
      const CustomerEvent& e = events[i];
      const std::string path = "/customer_events/" + std::to_string(i);
      auto it = next.find(e.customer_id);
      if (it == next.end()) {
        auto known = c.statement("SELECT 1 FROM customers WHERE id = ?");
        known->bind(1, e.customer_id);
        if (!known->executeStep())
          throw Error(ErrorCode::not_found, path + "/customer_id", "no customer \"" + e.customer_id + "\"");
        auto s = c.statement("SELECT coalesce(max(sequence), 0) + 1 FROM customer_events WHERE customer_id = ?");
        s->bind(1, e.customer_id);
        s->executeStep();
        it = next.emplace(e.customer_id, s->getColumn(0).getInt64()).first;
      }
      if (e.sequence != it->second)
        throw Error(ErrorCode::conflict, path + "/sequence",
                    "event " + std::to_string(e.sequence) + " of customer \"" + e.customer_id + "\" does not follow " +
                        std::to_string(it->second - 1) + " (appended by someone else)");
      ++it->second;
      insert->reset();
      insert->bind(1, e.customer_id);
      insert->bind(2, e.sequence);
      insert->bind(3, std::string(to_string(e.kind)));
      insert->bind(4, e.actor);
      insert->bind(5, static_cast<std::int64_t>(to_unix(e.at)));
      insert->bind(6, payload_json(e));
      insert->exec();
    }
  });
}

}  // namespace ticketcore::detail::sqlite
