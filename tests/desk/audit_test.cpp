// Customers masked on every read, the unmasked read as an audited call, and the audit
// log: what it records, who may read it, how it is queried, and that purges keep it.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "desk_harness.hpp"
#include "store_kinds.hpp"

using namespace desk_test;

namespace {

struct Person {
  Harness h;
  Customer zhang;
  std::string ticket;  // assigned to t-01, so the agent sees Zhang

  explicit Person(std::shared_ptr<Store> store = MemoryStore::create()) : h(std::move(store)) {
    Customer c;
    c.name = "张伟";
    c.gender = Gender::male;
    c.phones = {"13812345678"};
    c.emails = {"zhang.wei@example.com"};
    c.identity_number = "110101199003074578";
    zhang = h.desk->register_customer(kAdmin, c);
    const TakeInResult r = h.desk->take_in(kAdmin, Harness::question(zhang, Channel::phone, "Invoice copy"));
    if (r.ticket.assignee != kEngineer.id) h.desk->assign(kAdmin, {r.ticket.id, 0}, kEngineer.id);
    ticket = r.ticket.id;
  }
};

}  // namespace

TEMPLATE_TEST_CASE("audit: reads are masked, and the unmasked read needs the right and is recorded", "[audit]",
                   TC_DESK_STORE_KINDS) {
  TestType kind;
  Person p(kind.make());
  const Customer shown = p.h.desk->customer(kEngineer, p.zhang.id);
  CHECK(shown.name == "张先生");
  CHECK(shown.phones == std::vector<std::string>{"138****5678"});
  CHECK(shown.emails == std::vector<std::string>{"zha***@example.com"});
  CHECK(shown.identity_number.ends_with("4578"));
  CHECK(shown.identity_number.find("1101011990") == std::string::npos);
  CustomerQuery by_phone;
  by_phone.phone = "13812345678";
  const CustomerPage page = p.h.desk->find_customers(kEngineer, by_phone);
  REQUIRE(page.customers.size() == 1);
  CHECK(page.customers[0].phones == shown.phones);

  // The agent may not read it whole; the admin may, and the read is on record.
  try {
    p.h.desk->customer_unmasked(kEngineer, p.zhang.id);
    FAIL("an agent read a customer unmasked");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::denied);
  }
  const Customer whole = p.h.desk->customer_unmasked(kAdmin, p.zhang.id);
  CHECK(whole.phones == std::vector<std::string>{"+8613812345678"});  // as stored: E.164
  CHECK(whole.identity_number == "110101199003074578");

  AuditQuery about;
  about.customer_id = p.zhang.id;
  const AuditPage log = p.h.desk->audit(kAdmin, about);
  REQUIRE(log.entries.size() == 2);
  CHECK(log.entries[0].action == AuditAction::register_customer);
  CHECK(log.entries[1].action == AuditAction::read_unmasked);
  CHECK(log.entries[1].actor == kAdmin);
  CHECK(log.entries[1].at == p.h.clock->now());
  // The agent's refused attempt is on record too, by actor.
  AuditQuery by_agent;
  by_agent.actor_id = kEngineer.id;
  const AuditPage refused = p.h.desk->audit(kAdmin, by_agent);
  REQUIRE(refused.entries.size() == 1);
  CHECK(refused.entries[0].action == AuditAction::denied);
  CHECK(refused.entries[0].detail.find("customer_unmasked") != std::string::npos);
  // Only admins read the log.
  CHECK_THROWS_AS(p.h.desk->audit(kSupervisor, about), Error);
}

TEMPLATE_TEST_CASE("audit: a masked record written back keeps its data, and the change is recorded masked", "[audit]",
                   TC_DESK_STORE_KINDS) {
  TestType kind;
  Person p(kind.make());
  Customer shown = p.h.desk->customer(kEngineer, p.zhang.id);
  shown.tier = CustomerTier::vip;
  shown.phones.push_back("13900001111");  // a new number beside the masked one
  const Customer returned = p.h.desk->update_customer(kEngineer, shown);
  CHECK(returned.phones == std::vector<std::string>{"138****5678", "139****1111"});

  const Customer stored = *p.h.store->read()->customer(p.zhang.id);
  CHECK(stored.tier == CustomerTier::vip);
  CHECK(stored.name == "张伟");
  CHECK(stored.phones == std::vector<std::string>{"+8613812345678", "+8613900001111"});
  CHECK(stored.emails == std::vector<std::string>{"zhang.wei@example.com"});
  CHECK(stored.identity_number == "110101199003074578");

  AuditQuery changes;
  changes.action = AuditAction::update_customer;
  const AuditPage log = p.h.desk->audit(kAdmin, changes);
  REQUIRE(log.entries.size() == 1);
  const std::string& detail = log.entries[0].detail;
  CHECK(detail.find("\"before\"") != std::string::npos);
  CHECK(detail.find("\"after\"") != std::string::npos);
  CHECK(detail.find("vip") != std::string::npos);
  CHECK(detail.find("13812345678") == std::string::npos);  // masked in the log
  CHECK(detail.find("110101199003074578") == std::string::npos);
  CHECK(detail.find("138****5678") != std::string::npos);
}

TEST_CASE("audit: publications and purges are recorded, pages follow the cursor, and a purge keeps the log") {
  Person p;
  Customer shown = p.h.desk->customer(kAdmin, p.zhang.id);
  for (int k = 0; k < 4; ++k) {
    shown.industry = "manufacturing " + std::to_string(k);
    shown = p.h.desk->update_customer(kAdmin, shown);
  }
  nlohmann::json next = nlohmann::json::parse(p.h.desk->config().to_json_text());
  next["version"] = "standard-2026.2";
  p.h.desk->publish(kAdmin, DeskConfig::from_json_text(next.dump()));
  // The ticket closed and forgotten: past retention, purged.
  const std::string t = p.ticket;
  p.h.desk->change_status(kEngineer, {t, 0}, Status::in_progress);
  p.h.desk->resolve(kEngineer, {t, 0}, "sent");
  p.h.desk->close(kEngineer, {t, 0});
  p.h.clock->advance(std::chrono::days(p.h.desk->config().retention().closed_ticket_days + 1));
  const Purge purged = p.h.desk->purge(kAdmin);
  CHECK(purged.tickets == 1);

  AuditQuery all;
  all.limit = 2;
  std::vector<AuditEntry> entries;
  for (;;) {
    const AuditPage page = p.h.desk->audit(kAdmin, all);
    entries.insert(entries.end(), page.entries.begin(), page.entries.end());
    if (page.next_cursor.empty()) break;
    all.after = page.next_cursor;
  }
  REQUIRE(entries.size() == 7);  // registered, four updates, the publication, the purge
  CHECK(entries[5].action == AuditAction::publish_config);
  CHECK(entries[5].detail.find("standard-2026.2") != std::string::npos);
  for (std::size_t k = 0; k < entries.size(); ++k) CHECK(entries[k].sequence == std::int64_t(k) + 1);
  CHECK(entries.back().action == AuditAction::purge);
  CHECK(entries.back().detail.find("\"tickets\":1") != std::string::npos);

  AuditQuery in_period;
  in_period.from = p.h.clock->now();
  CHECK(p.h.desk->audit(kAdmin, in_period).entries.size() == 1);  // the purge alone
}
