// Opening a desk, its configuration history and its customers.
#include "ticketcore/desk.hpp"

#include "ticketcore/commands/facts.hpp"

#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "access_checks.hpp"
#include "customer_records.hpp"
#include "ticketcore/customers/contact.hpp"
#include "ticketcore/customers/tags.hpp"
#include "ticketcore/error.hpp"
#include "ticketcore/model/ids.hpp"
#include "unit_of_work.hpp"

namespace ticketcore {

namespace {

// Makes `config` the current version in the store, unless it is already; the people
// of the document become the store's directory.
void publish_in(StoreTransaction& tx, const DeskConfig& config, Instant now) {
  const std::string text = config.to_json_text();
  const auto current = tx.current_config();
  if (current && current->version == config.version()) {
    if (current->text != text)
      throw Error(ErrorCode::conflict, "/version",
                  "configuration version \"" + config.version() + "\" is stored with another text; give the change a new version");
    return;
  }
  for (const StoredConfig& old : tx.config_history())
    if (old.version == config.version())
      throw Error(ErrorCode::conflict, "/version",
                  "configuration version \"" + config.version() + "\" was published before and is not the current one" +
                      (current ? " (\"" + current->version + "\")" : std::string()) + "; give it a new version");
  tx.publish_config(StoredConfig{config.version(), text, now});
  for (const Team& team : config.teams()) tx.put_team(team);
  for (const Agent& agent : config.agents()) tx.put_agent(agent);
}

}  // namespace

Instant SystemClock::now() const {
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

std::unique_ptr<Desk> Desk::open(std::shared_ptr<Store> store, DeskConfig config, std::shared_ptr<const Clock> clock) {
  if (!store) throw_invalid("/store", "a desk needs a store");
  if (!clock) throw_invalid("/clock", "a desk needs a clock");
  auto tx = store->write();
  publish_in(*tx, config, clock->now());
  tx->commit();
  return std::unique_ptr<Desk>(new Desk(std::move(store), std::move(config), std::move(clock)));
}

DeskConfig Desk::config() const {
  std::lock_guard lock(config_mutex_);
  return config_;
}

void Desk::publish(const Actor& actor, DeskConfig next) {
  return guard(actor, "publish", [&] {
    const detail::Access access(config(), actor, Permission::configure);
    auto tx = store_->write();
    if (const auto current = tx->current_config(); current && current->version == next.version())
      throw Error(ErrorCode::conflict, "/version", "configuration version \"" + next.version() + "\" is already in force");
    const Instant now = clock_->now();
    publish_in(*tx, next, now);
    tx->append_audit({0, now, actor, AuditAction::publish_config, "", "",
                      nlohmann::json{{"version", next.version()}}.dump()});
    tx->commit();
    std::lock_guard lock(config_mutex_);
    config_ = std::move(next);
  });
}

DryRunReport Desk::dry_run(const Actor& actor, const DeskConfig& proposed) const {
  return guard(actor, "dry_run", [&] {
    const DeskConfig current = config();
    const detail::Access access(current, actor, Permission::configure);
    const Instant now = clock_->now();
    auto tx = store_->read();
    // Every open ticket, page by page, with what its routing facts are made of.
    std::vector<Ticket> open;
    TicketQuery query;
    query.statuses = open_statuses();
    query.order = TicketOrder::id;
    query.limit = 1000;
    do {
      TicketPage page = tx->tickets(query);
      for (Ticket& t : page.tickets) open.push_back(std::move(t));
      query.after = page.next_cursor;
    } while (!query.after.empty());

    // The facts are the same under both versions: they come from the stored history.
    struct Facts {
      std::vector<Event> events;
      SlaStatus sla;
      std::optional<Customer> customer;
      std::vector<Instant> earlier;
    };
    std::vector<Facts> facts;
    facts.reserve(open.size());
    for (const Ticket& t : open) {
      Facts f{tx->events(t.id), {}, tx->customer(t.customer_id), tx->customer_ticket_times(t.customer_id)};
      f.sla = sla_status({t, f.events, f.customer ? f.customer->tier : CustomerTier::normal}, current.sla(), now);
      facts.push_back(std::move(f));
    }
    std::size_t next = 0;
    return ticketcore::dry_run(current.rules(), proposed.rules(), open, [&](const Ticket& t) {
      const Facts& f = facts[next++];
      return routing_facts({t, f.events, f.sla, f.customer ? &*f.customer : nullptr, &current.calendars(), f.earlier},
                           now);
    });
  });
}

Customer Desk::register_customer(const Actor& actor, Customer request) {
  return guard(actor, "register_customer", [&] {
    Customer customer = request;  // each attempt starts from the request
    const DeskConfig cfg = config();
    const detail::Access access(cfg, actor, Permission::register_customer);
    if (!customer.id.empty()) throw_invalid("/id", "the desk numbers new customers; leave the id empty");
    detail::check_desk_owned(customer, nullptr);
    check_tags(cfg.tag_types(), customer.tags, "/tags");
    customer = detail::with_normal_contacts(std::move(customer), cfg);
    const Instant now = clock_->now();
    auto tx = store_->write();
    const Date today = cfg.calendars().get("").local_date(now);
    const NumberFormat& numbers = cfg.customer_numbers();
    customer.id = numbers.format(today, tx->next_number("customer:" + numbers.period(today)));
    customer.created_at = customer.updated_at = now;
    customer.version = 1;
    detail::check_valid(customer);
    tx->insert_customer(customer);
    tx->append_audit({0, now, actor, AuditAction::register_customer, customer.id, "",
                      nlohmann::json{{"after", detail::audit_form(customer, cfg)}}.dump()});
    tx->commit();
    return detail::shown_to(actor, customer, cfg);
  });
}

Customer Desk::update_customer(const Actor& actor, Customer request) {
  return guard(actor, "update_customer", [&] {
    Customer customer = request;  // each attempt starts from the request
    const DeskConfig cfg = config();
    const detail::Access access(cfg, actor, Permission::update_customer);
    const Instant now = clock_->now();
    auto tx = store_->write();
    const auto stored = tx->customer(customer.id);
    if (!stored) throw Error(ErrorCode::not_found, "/id", "no customer \"" + customer.id + "\"");
    access.require_customer(*tx, customer.id);
    if (customer.version != stored->version)
      throw Error(ErrorCode::conflict, "/version",
                  "customer \"" + customer.id + "\" is at version " + std::to_string(stored->version) + ", not " +
                      std::to_string(customer.version) + ": it changed meanwhile");
    customer = detail::unmask_written_back(std::move(customer), *stored, detail::shown_to(actor, *stored, cfg));
    detail::check_desk_owned(customer, &*stored);
    check_tags(cfg.tag_types(), customer.tags, "/tags");
    customer = detail::with_normal_contacts(std::move(customer), cfg);
    customer.created_at = stored->created_at;
    customer.updated_at = now;
    customer.version = stored->version + 1;
    detail::check_valid(customer);
    tx->update_customer(customer);
    tx->append_audit({0, now, actor, AuditAction::update_customer, customer.id, "",
                      nlohmann::json{{"before", detail::audit_form(*stored, cfg)},
                                     {"after", detail::audit_form(customer, cfg)}}
                          .dump()});
    tx->commit();
    return detail::shown_to(actor, customer, cfg);
  });
}

Customer Desk::customer(const Actor& actor, std::string_view id) const {
  return guard(actor, "customer", [&] {
    const DeskConfig cfg = config();
    const detail::Access access(cfg, actor, Permission::read);
    auto tx = store_->read();
    auto found = tx->customer(id);
    if (!found) throw Error(ErrorCode::not_found, "/id", "no customer \"" + std::string(id) + "\"");
    access.require_customer(*tx, id);
    return detail::shown_to(actor, *found, cfg);
  });
}

Customer Desk::customer_unmasked(const Actor& actor, std::string_view id) {
  return guard(actor, "customer_unmasked", [&] {
    const detail::Access access(config(), actor, Permission::read_unmasked);
    auto tx = store_->write();  // the read and its record together
    auto found = tx->customer(id);
    if (!found) throw Error(ErrorCode::not_found, "/id", "no customer \"" + std::string(id) + "\"");
    access.require_customer(*tx, id);
    tx->append_audit({0, clock_->now(), actor, AuditAction::read_unmasked, found->id, "", "{}"});
    tx->commit();
    return std::move(*found);
  });
}

CustomerPage Desk::find_customers(const Actor& actor, const CustomerQuery& query) const {
  return guard(actor, "find_customers", [&] {
    const DeskConfig cfg = config();
    const detail::Access access(cfg, actor, Permission::read);
    CustomerQuery scoped = query;
    if (access.scope() != Scope::all) scoped.scope = access.query_scope();
    // A number or address is found however it is written; one that is none finds nobody.
    if (!query.phone.empty()) {
      const auto key = phone_key(query.phone, cfg.default_region());
      if (!key) return CustomerPage{};
      scoped.phone = *key;
    }
    if (!query.email.empty()) scoped.email = email_key(query.email);
    CustomerPage page = store_->read()->customers(scoped);
    for (Customer& c : page.customers) c = detail::shown_to(actor, c, cfg);
    return page;
  });
}

AuditPage Desk::audit(const Actor& actor, const AuditQuery& query) const {
  return guard(actor, "audit", [&] {
    const detail::Access access(config(), actor, Permission::audit);
    return store_->read()->audit(query);
  });
}

void Desk::wait_before_retry(int attempt) {
  thread_local std::minstd_rand random(std::random_device{}());
  const int ceiling = 2 << attempt;  // 4, 8, 16, 32 ms
  std::this_thread::sleep_for(std::chrono::milliseconds(1 + static_cast<int>(random() % static_cast<unsigned>(ceiling))));
}

void Desk::record_denial(const Actor& actor, const char* call, const Error& denial) const noexcept {
  try {
    auto tx = store_->write();
    tx->append_audit({0, clock_->now(), actor, AuditAction::denied, "", "",
                      nlohmann::json{{"call", call}, {"path", denial.path()}, {"reason", denial.message()}}.dump()});
    tx->commit();
  } catch (...) {
    // The caller learns of the denial either way; a store that cannot write has failed
    // more than this record, and the next write will say so.
  }
}

}  // namespace ticketcore
