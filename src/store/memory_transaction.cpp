// MemoryStore's transaction: reads from its snapshot, writes into its own copy of the
// tables, publishes the copy on commit. Every write checks all its rules before it
// changes a table, so a write that throws leaves the transaction as it was.
#include "store/memory_transaction.hpp"

#include <algorithm>
#include <limits>
#include <map>

#include "store/due_tickets.hpp"
#include "store/search_match.hpp"
#include "ticketcore/error.hpp"

namespace ticketcore::detail {
namespace {

[[noreturn]] void fail(ErrorCode code, std::string path, std::string message) {
  throw Error(code, std::move(path), std::move(message));
}

void check_new_version(std::int64_t version) {
  if (version < 1) throw_invalid("/version", "must be at least 1 to store, not " + std::to_string(version));
}

void check_next_version(std::int64_t stored, std::int64_t version, std::string_view what) {
  if (stored != version - 1)
    fail(ErrorCode::conflict, "/version",
         std::string(what) + " version " + std::to_string(version) + " does not follow the stored version " +
             std::to_string(stored) + " (changed by someone else)");
}

class MemoryTransaction final : public StoreTransaction {
 public:
  MemoryTransaction(std::shared_ptr<MemoryStore::Shared> shared, bool writes) : shared_(std::move(shared)) {
    if (writes) writer_ = std::unique_lock(shared_->writer);
    std::shared_ptr<const Tables> snapshot;
    {
      std::lock_guard lock(shared_->publish);
      snapshot = shared_->published;
    }
    tables_ = *snapshot;  // shares every table until the first write to it
  }

  // Customers.
  std::optional<Customer> customer(std::string_view id) override {
    live();
    const auto& rows = tables_.customers.get();
    auto at = rows.find(id);
    if (at == rows.end()) return std::nullopt;
    return *at->second;
  }

  CustomerPage customers(const CustomerQuery& query) override {
    live();
    return query_customers(tables_, query);
  }

  void insert_customer(const Customer& customer) override {
    writable();
    check_new_version(customer.version);
    if (tables_.customers.get().contains(customer.id))
      fail(ErrorCode::conflict, "/id", "customer \"" + customer.id + "\" exists");
    tables_.customers.edit().emplace(customer.id, std::make_shared<const Customer>(customer));
  }

  void update_customer(const Customer& customer) override {
    writable();
    const auto& rows = tables_.customers.get();
    auto at = rows.find(customer.id);
    if (at == rows.end()) fail(ErrorCode::not_found, "/id", "no customer \"" + customer.id + "\"");
    check_next_version(at->second->version, customer.version, "customer");
    tables_.customers.edit()[customer.id] = std::make_shared<const Customer>(customer);
  }

  std::vector<CustomerEvent> customer_events(std::string_view customer_id) override {
    live();
    const auto& rows = tables_.customer_events.get();
    auto at = rows.find(customer_id);
    return at == rows.end() ? std::vector<CustomerEvent>{} : *at->second;
  }

  void append_customer_events(std::span<const CustomerEvent> events) override {
    writable();
    // Check every event against its customer's sequence, counting the earlier ones of this call.
    std::map<std::string, std::int64_t, std::less<>> last;
    const auto& rows = tables_.customer_events.get();
    for (std::size_t i = 0; i < events.size(); ++i) {
      const auto& e = events[i];
      const auto path = "/customer_events/" + std::to_string(i);
      auto at = last.find(e.customer_id);
      if (at == last.end()) {
        if (!tables_.customers.get().contains(e.customer_id))
          fail(ErrorCode::not_found, path + "/customer_id", "no customer \"" + e.customer_id + "\"");
        auto stored = rows.find(e.customer_id);
        at = last.emplace(e.customer_id, stored == rows.end() ? 0 : static_cast<std::int64_t>(stored->second->size()))
                 .first;
      }
      if (e.sequence != at->second + 1)
        fail(ErrorCode::conflict, path + "/sequence",
             "event " + std::to_string(e.sequence) + " of customer \"" + e.customer_id + "\" does not follow " +
                 std::to_string(at->second) + " (appended by someone else)");
      at->second = e.sequence;
    }
    for (const auto& [id, count] : last) {
      auto stored = rows.find(id);
      auto list = stored == rows.end() ? std::make_shared<std::vector<CustomerEvent>>()
                                       : std::make_shared<std::vector<CustomerEvent>>(*stored->second);
      for (const auto& e : events)
        if (e.customer_id == id) list->push_back(e);
      tables_.customer_events.edit()[id] = std::move(list);
    }
  }

  // Tickets and their events.
  std::optional<Ticket> ticket(std::string_view id) override {
    live();
    const auto* row = find_ticket(id);
    if (!row) return std::nullopt;
    return row->ticket;
  }

  TicketPage tickets(const TicketQuery& query) override {
    live();
    return query_tickets(tables_, query);
  }

  void insert_ticket(const Ticket& ticket, const TicketSchedule& schedule) override {
    writable();
    check_new_version(ticket.version);
    if (find_ticket(ticket.id)) fail(ErrorCode::conflict, "/id", "ticket \"" + ticket.id + "\" exists");
    check_customer(ticket);
    auto row = std::make_shared<TicketRow>(TicketRow{ticket, schedule, {}, searchable_text(ticket, {})});
    put_ticket(tables_, std::move(row));
  }

  void update_ticket(const Ticket& ticket, const TicketSchedule& schedule) override {
    writable();
    const auto* stored = find_ticket(ticket.id);
    if (!stored) fail(ErrorCode::not_found, "/id", "no ticket \"" + ticket.id + "\"");
    check_next_version(stored->ticket.version, ticket.version, "ticket");
    if (ticket.customer_id != stored->ticket.customer_id) check_customer(ticket);
    auto row = std::make_shared<TicketRow>(
        TicketRow{ticket, schedule, stored->events, searchable_text(ticket, stored->events)});
    put_ticket(tables_, std::move(row));
  }

  void set_schedules(std::span<const ScheduledTicket> schedules) override {
    writable();
    for (std::size_t i = 0; i < schedules.size(); ++i)
      if (!find_ticket(schedules[i].ticket_id))
        fail(ErrorCode::not_found, std::string("/").append(std::to_string(i)).append("/ticket_id"),
             "no ticket \"" + schedules[i].ticket_id + "\"");
    for (const ScheduledTicket& s : schedules) {
      auto row = std::make_shared<TicketRow>(*find_ticket(s.ticket_id));
      row->schedule = s.schedule;
      put_ticket(tables_, std::move(row));
    }
  }

  TicketSchedule schedule(std::string_view ticket_id) override {
    live();
    const auto* row = find_ticket(ticket_id);
    if (!row) fail(ErrorCode::not_found, "/ticket_id", "no ticket \"" + std::string(ticket_id) + "\"");
    return row->schedule;
  }

  std::vector<Event> events(std::string_view ticket_id) override {
    live();
    const auto* row = find_ticket(ticket_id);
    return row ? row->events : std::vector<Event>{};
  }

  void append_events(std::span<const Event> events) override {
    writable();
    // Check every event against its ticket's sequence, counting the earlier ones of this call.
    std::map<std::string, std::int64_t, std::less<>> last;
    for (std::size_t i = 0; i < events.size(); ++i) {
      const auto& e = events[i];
      const auto path = "/events/" + std::to_string(i);
      auto at = last.find(e.ticket_id);
      if (at == last.end()) {
        const auto* row = find_ticket(e.ticket_id);
        if (!row) fail(ErrorCode::not_found, path + "/ticket_id", "no ticket \"" + e.ticket_id + "\"");
        at = last.emplace(e.ticket_id, static_cast<std::int64_t>(row->events.size())).first;
      }
      if (e.sequence != at->second + 1)
        fail(ErrorCode::conflict, path + "/sequence",
             "event " + std::to_string(e.sequence) + " of ticket \"" + e.ticket_id + "\" does not follow " +
                 std::to_string(at->second) + " (appended by someone else)");
      at->second = e.sequence;
    }
    for (const auto& [id, count] : last) {
      auto row = std::make_shared<TicketRow>(*find_ticket(id));
      for (const auto& e : events) {
        if (e.ticket_id != id) continue;
        row->events.push_back(e);
        if (auto text = event_search_text(e); !text.empty()) row->search_text += '\n' + text;
      }
      put_ticket(tables_, std::move(row));
    }
  }

  std::vector<Instant> customer_ticket_times(std::string_view customer_id) override {
    live();
    const auto& index = tables_.customer_tickets.get();
    std::vector<Instant> times;
    for (auto it = index.lower_bound(std::make_tuple(std::string(customer_id), Instant::min(), std::string()));
         it != index.end() && std::get<0>(*it) == customer_id; ++it)
      times.push_back(std::get<1>(*it));
    return times;
  }

  std::vector<DueTicket> due_tickets(Instant now, std::size_t limit) override {
    live();
    std::vector<std::string> ids;
    for (const auto& [at, id] : tables_.due.get()) {
      if (at > now || ids.size() >= limit) break;
      ids.push_back(id);
    }
    return read_due_tickets(*this, ids);
  }

  // Report rows.
  void put_facts(const TicketFacts& facts) override {
    writable();
    const auto* ticket = find_ticket(facts.id);
    if (!ticket) fail(ErrorCode::not_found, "/ticket_id", "no ticket \"" + facts.id + "\"");
    put_facts_row(tables_, std::make_shared<const FactsRow>(FactsRow{facts, ticket->ticket.customer_id}));
  }

  void scan_facts(const FactsScan& scan, const std::function<void(const TicketFacts&)>& each) override {
    live();
    scan_facts_rows(tables_, scan, each);
  }

  // The desk's people and the assignment state.
  std::vector<Team> teams() override {
    live();
    return values(tables_.teams.get());
  }

  void put_team(const Team& team) override {
    writable();
    tables_.teams.edit().insert_or_assign(team.id, team);
  }

  std::vector<Agent> agents() override {
    live();
    return values(tables_.agents.get());
  }

  void put_agent(const Agent& agent) override {
    writable();
    tables_.agents.edit().insert_or_assign(agent.id, agent);
  }

  Workload workload() override {
    live();
    return Workload{tables_.open_tickets.get(), tables_.last_assigned.get()};
  }

  void save_cursors(const Workload& workload) override {
    writable();
    tables_.last_assigned.edit() = workload.last_assigned;
  }

  // Counters and handed-out keys.
  std::int64_t next_number(std::string_view counter) override {
    writable();
    auto& counters = tables_.counters.edit();
    auto at = counters.find(counter);
    if (at == counters.end()) at = counters.emplace(std::string(counter), 0).first;
    return ++at->second;
  }

  std::vector<std::pair<std::string, std::int64_t>> counters() override {
    live();
    const auto& counters = tables_.counters.get();
    return {counters.begin(), counters.end()};
  }

  void set_counter(std::string_view counter, std::int64_t value) override {
    writable();
    if (value < 0) throw_invalid("/value", "a counter's value must be >= 0, not " + std::to_string(value));
    tables_.counters.edit().insert_or_assign(std::string(counter), value);
  }

  std::vector<bool> hand_out(std::span<const HandedOutKey> keys) override {
    writable();
    for (std::size_t i = 0; i < keys.size(); ++i)
      if (!find_ticket(keys[i].ticket_id))
        fail(ErrorCode::not_found, std::string("/").append(std::to_string(i)).append("/ticket_id"), "no ticket \"" + keys[i].ticket_id + "\"");
    std::vector<bool> fresh;
    fresh.reserve(keys.size());
    for (const HandedOutKey& key : keys) {
      fresh.push_back(!tables_.keys.get().contains(key.key));
      if (!fresh.back()) continue;
      tables_.keys.edit().emplace(key.key, key);
      tables_.ticket_keys.edit().emplace(key.ticket_id, key.key);
    }
    return fresh;
  }

  std::vector<HandedOutKey> handed_out(std::string_view ticket_id) override {
    live();
    const auto& index = tables_.ticket_keys.get();
    const auto& keys = tables_.keys.get();
    std::vector<HandedOutKey> out;
    for (auto it = index.lower_bound(std::make_pair(std::string(ticket_id), std::string()));
         it != index.end() && it->first == ticket_id; ++it)
      out.push_back(keys.find(it->second)->second);
    return out;
  }

  // Configuration history.
  void publish_config(const StoredConfig& config) override {
    writable();
    const auto& configs = tables_.configs.get();
    if (std::any_of(configs.begin(), configs.end(), [&](const auto& c) { return c->version == config.version; }))
      fail(ErrorCode::conflict, "/version", "configuration version \"" + config.version + "\" was published before");
    tables_.configs.edit().push_back(std::make_shared<const StoredConfig>(config));
  }

  std::optional<StoredConfig> current_config() override {
    live();
    const auto& configs = tables_.configs.get();
    if (configs.empty()) return std::nullopt;
    return *configs.back();
  }

  std::vector<StoredConfig> config_history() override {
    live();
    std::vector<StoredConfig> out;
    for (const auto& c : tables_.configs.get()) out.push_back(*c);
    return out;
  }

  // Retention.
  Purge purge(Instant closed_before, Instant now) override {
    writable();
    std::vector<std::string> ids;
    for (const auto& [id, row] : tables_.tickets.get()) {
      const auto& t = row->ticket;
      const bool finished = t.status == Status::closed || t.status == Status::cancelled || t.status == Status::merged;
      if (finished && t.closed_at.value_or(t.updated_at) < closed_before) ids.push_back(id);
    }
    Purge record{now, closed_before, 0, 0};
    for (const auto& id : ids) {
      record.events += erase_ticket(tables_, id);
      ++record.tickets;
    }
    tables_.purges.edit().push_back(record);
    return record;
  }

  std::vector<Purge> purges() override {
    live();
    return tables_.purges.get();
  }

  void record_purge(const Purge& purge) override {
    writable();
    tables_.purges.edit().push_back(purge);
  }

  std::int64_t append_audit(const AuditEntry& entry) override {
    writable();
    auto& log = tables_.audit.edit();
    log.push_back(entry);
    log.back().sequence = static_cast<std::int64_t>(log.size());
    return log.back().sequence;
  }

  AuditPage audit(const AuditQuery& query) override {
    live();
    return query_audit(tables_, query);
  }

  void commit() override {
    live();
    if (writer_.owns_lock()) {
      auto published = std::make_shared<const Tables>(std::move(tables_));
      std::lock_guard lock(shared_->publish);
      shared_->published = std::move(published);
    }
    finished_ = true;
    if (writer_.owns_lock()) writer_.unlock();
  }

 private:
  void live() const {
    if (finished_) fail(ErrorCode::storage, "", "the transaction has been committed");
  }
  void writable() const {
    live();
    if (!writer_.owns_lock()) fail(ErrorCode::storage, "", "a read transaction cannot write");
  }

  const TicketRow* find_ticket(std::string_view id) const {
    const auto& rows = tables_.tickets.get();
    auto at = rows.find(id);
    return at == rows.end() ? nullptr : at->second.get();
  }

  void check_customer(const Ticket& ticket) const {
    if (!tables_.customers.get().contains(ticket.customer_id))
      fail(ErrorCode::not_found, "/customer_id", "no customer \"" + ticket.customer_id + "\"");
  }

  template <class V>
  static std::vector<V> values(const ByName<V>& table) {
    std::vector<V> out;
    out.reserve(table.size());
    for (const auto& [id, value] : table) out.push_back(value);
    return out;
  }

  std::shared_ptr<MemoryStore::Shared> shared_;
  std::unique_lock<std::mutex> writer_;  // owned by a write transaction until it ends
  Tables tables_;
  bool finished_ = false;
};

}  // namespace

std::unique_ptr<StoreTransaction> make_memory_transaction(std::shared_ptr<MemoryStore::Shared> shared, bool writes) {
  return std::make_unique<MemoryTransaction>(std::move(shared), writes);
}

}  // namespace ticketcore::detail
