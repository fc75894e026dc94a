// Customer records through the Desk: purchases and the tier rules they re-run, merging
// duplicates and undoing a merge, the whole history page by page, the profile, and
// "in warranty" as a fact for routing and priority rules. Each on every store.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "desk_harness.hpp"
#include "store/fixtures.hpp"
#include "store_kinds.hpp"
#include "ticketcore/model/event_payloads.hpp"

using namespace desk_test;

namespace {

Purchase bought(const char* product, const char* when, double price = 0) {
  Purchase p;
  p.product = product;
  p.purchased_at = at(when);
  if (price > 0) p.price = Money{price, "CNY"};
  return p;
}

std::string text_of(const AttributeValue& v) { return std::get<std::string>(v); }

using store_testing::error_of;

// Two records of one enterprise: the duplicate shares the kept one's phone.
struct Duplicates {
  Harness& h;
  Customer kept, duplicate;

  explicit Duplicates(Harness& harness) : h(harness) {
    Customer k;
    k.kind = CustomerKind::enterprise;
    k.name = "Hangzhou Lianhe Manufacturing";
    k.phones = {"13812345678"};
    k.emails = {"service@lianhe.example"};
    k.tags = {"trait:enterprise"};
    kept = h.desk->register_customer(kAdmin, k);
    Customer d = k;
    d.name = "Lianhe Mfg";
    d.phones = {"+86 138 1234 5678", "13900001111"};
    d.emails = {"SERVICE@lianhe.example", "li.na@lianhe.example"};
    d.tags = {"trait:price_sensitive", "service_time:weekend"};
    duplicate = h.desk->register_customer(kAdmin, d);
  }
};

}  // namespace

TEMPLATE_TEST_CASE("purchases: each one re-runs the tier rules and a rise is an event with its reason", "",
                   TC_DESK_STORE_KINDS) {
  TestType kind;
  Harness h(kind.make());
  const Customer c = h.enterprise();
  h.desk->record_purchase(kAdmin, c.id, bought("Router X", "2026-01-10T02:00:00Z"));
  h.desk->record_purchase(kAdmin, c.id, bought("Router X", "2025-03-04T01:30:00Z"));  // exactly a year ago: out
  Customer after = h.desk->record_purchase(kAdmin, c.id, bought("Switch S", "2026-02-01T02:00:00Z"));
  CHECK(after.tier == CustomerTier::normal);
  after = h.desk->record_purchase(kAdmin, c.id, bought("Switch S", "2026-03-01T02:00:00Z"));
  CHECK(after.tier == CustomerTier::vip);

  const Customer stored = *h.store->read()->customer(c.id);
  REQUIRE(stored.purchases.size() == 4);
  CHECK(stored.purchases[0].id == "P20260304001");
  CHECK(stored.purchases[3].id == "P20260304004");
  CHECK(stored.purchases[3].recorded_at == h.clock->now());
  CHECK(stored.tier == CustomerTier::vip);
  CHECK(stored.version == c.version + 4);

  const std::vector<CustomerEvent> events = h.store->read()->customer_events(c.id);
  REQUIRE(events.size() == 5);
  for (std::size_t k = 0; k < events.size(); ++k) CHECK(events[k].sequence == std::int64_t(k + 1));
  CHECK(events[0].kind == CustomerEventKind::purchase_recorded);
  CHECK(text_of(events[0].payload.at("purchase")) == "P20260304001");
  CHECK(events[3].kind == CustomerEventKind::purchase_recorded);
  CHECK(events[4].kind == CustomerEventKind::tier_changed);
  CHECK(text_of(events[4].payload.at("from")) == "normal");
  CHECK(text_of(events[4].payload.at("to")) == "vip");
  CHECK(text_of(events[4].payload.at("reason")) == "3 purchases in the last 365 days reach vip (3)");
  CHECK(events[4].actor == "m-01");

  // One large purchase reaches strategic by amount.
  after = h.desk->record_purchase(kAdmin, c.id, bought("Line L", "2026-03-02T02:00:00Z", 600000));
  CHECK(after.tier == CustomerTier::strategic);
  CHECK(text_of(h.store->read()->customer_events(c.id).back().payload.at("reason")) ==
        "purchases of 600000.00 CNY in the last 365 days reach strategic (500000.00 CNY)");
}

TEMPLATE_TEST_CASE("purchases: bad input names its field and writes nothing", "", TC_DESK_STORE_KINDS) {
  TestType kind;
  Harness h(kind.make());
  const Customer c = h.enterprise();
  const std::string before = h.dump();
  Purchase numbered = bought("Router X", "2026-01-10T02:00:00Z");
  numbered.id = "P1";
  CHECK(error_of([&] { h.desk->record_purchase(kAdmin, c.id, numbered); }).path() == "/purchase/id");
  Purchase nameless = bought("", "2026-01-10T02:00:00Z");
  const Error e = error_of([&] { h.desk->record_purchase(kAdmin, c.id, nameless); });
  CHECK(e.code() == ErrorCode::invalid_input);
  CHECK(e.path() == "/purchase/product");
  CHECK(error_of([&] { h.desk->record_purchase(kAdmin, "C00000000001", bought("X", "2026-01-10T02:00:00Z")); })
            .code() == ErrorCode::not_found);
  CHECK(h.dump() == before);

  // The record's purchases and merge mark are the desk's: an update cannot change them.
  Customer edited = h.desk->customer(kAdmin, c.id);
  edited.purchases.push_back(bought("Router X", "2026-01-10T02:00:00Z"));
  CHECK(error_of([&] { h.desk->update_customer(kAdmin, edited); }).path() == "/purchases");
  edited = h.desk->customer(kAdmin, c.id);
  edited.merged_into = "C20260304999";
  CHECK(error_of([&] { h.desk->update_customer(kAdmin, edited); }).path() == "/merged_into");
  Customer fresh;
  fresh.name = "王强";
  fresh.purchases = {bought("Router X", "2026-01-10T02:00:00Z")};
  CHECK(error_of([&] { h.desk->register_customer(kAdmin, fresh); }).path() == "/purchases");
  // Typed tags follow the configured types.
  fresh.purchases.clear();
  fresh.tags = {"vip-ish", "trait:unknown"};
  CHECK(error_of([&] { h.desk->register_customer(kAdmin, fresh); }).path() == "/tags/1");
  CHECK(h.dump() == before);
}

TEMPLATE_TEST_CASE("customer merge: every ticket and purchase follows, both records tell of it", "", MemoryKind,
                   SqliteKind) {
  TestType kind;
  Harness h(kind.make());
  Duplicates d(h);
  const std::string kept_ticket = h.desk->take_in(kReceiver, Harness::erp_fault(d.kept)).ticket.id;
  std::vector<std::string> moved;
  for (const char* subject : {"Label printer jams", "Invoice copy needed"})
    moved.push_back(h.desk->take_in(kReceiver, Harness::question(d.duplicate, Channel::email, subject)).ticket.id);
  h.desk->record_purchase(kAdmin, d.duplicate.id, bought("Router X", "2026-01-10T02:00:00Z"));

  // Only a role with the right merges; an agent is refused and nothing moves.
  CHECK(error_of([&] { h.desk->merge_customers(kReceiver, d.duplicate.id, d.kept.id); }).code() ==
        ErrorCode::denied);
  CHECK(h.store->read()->ticket(moved[0])->customer_id == d.duplicate.id);

  const Customer kept = h.desk->merge_customers(kAdmin, d.duplicate.id, d.kept.id);
  CHECK(kept.id == d.kept.id);
  auto tx = h.store->read();
  for (const std::string& id : moved) {
    const Ticket t = *tx->ticket(id);
    CHECK(t.customer_id == d.kept.id);
    const Event last = tx->events(id).back();
    CHECK(last.kind == EventKind::customer_changed);
    const auto payload = events::read_payload<events::CustomerChanged>(last);
    CHECK(payload.from == d.duplicate.id);
    CHECK(payload.to == d.kept.id);
    CHECK(payload.reason == "customer_merge");
  }
  TicketQuery of_kept;
  of_kept.customer_id = d.kept.id;
  CHECK(tx->tickets(of_kept).tickets.size() == 3);
  TicketQuery of_duplicate;
  of_duplicate.customer_id = d.duplicate.id;
  CHECK(tx->tickets(of_duplicate).tickets.empty());
  CHECK(tx->ticket(kept_ticket)->customer_id == d.kept.id);

  const Customer stored_kept = *tx->customer(d.kept.id);
  CHECK(stored_kept.phones == std::vector<std::string>{"+8613812345678", "+8613900001111"});
  CHECK(stored_kept.emails == std::vector<std::string>{"service@lianhe.example", "li.na@lianhe.example"});
  CHECK(stored_kept.tags ==
        std::vector<std::string>{"trait:enterprise", "trait:price_sensitive", "service_time:weekend"});
  REQUIRE(stored_kept.purchases.size() == 1);
  CHECK(stored_kept.purchases[0].product == "Router X");
  const Customer stored_duplicate = *tx->customer(d.duplicate.id);
  CHECK(stored_duplicate.merged_into == d.kept.id);
  CHECK(stored_duplicate.purchases.empty());

  const CustomerEvent into = tx->customer_events(d.duplicate.id).back();
  CHECK(into.kind == CustomerEventKind::merged_into);
  CHECK(text_of(into.payload.at("into")) == d.kept.id);
  CHECK(text_of(into.payload.at("tickets")) == moved[0] + "\n" + moved[1]);
  const CustomerEvent from = tx->customer_events(d.kept.id).back();
  CHECK(from.kind == CustomerEventKind::merged_from);
  CHECK(text_of(from.payload.at("from")) == d.duplicate.id);
  CHECK(text_of(from.payload.at("phones")) == "+8613900001111");

  // Lookups find the kept record only, unless asked for merged ones too.
  CustomerQuery by_phone;
  by_phone.phone = "13812345678";
  const CustomerPage found = h.desk->find_customers(kAdmin, by_phone);
  REQUIRE(found.customers.size() == 1);
  CHECK(found.customers[0].id == d.kept.id);
  by_phone.include_merged = true;
  CHECK(h.desk->find_customers(kAdmin, by_phone).customers.size() == 2);
  // The merged record takes no new tickets or purchases, nor a second merge.
  CHECK(error_of([&] { h.desk->take_in(kReceiver, Harness::question(d.duplicate, Channel::email, "x")); }).path() ==
        "/customer_id");
  CHECK(error_of([&] { h.desk->merge_customers(kAdmin, d.duplicate.id, d.kept.id); }).code() == ErrorCode::conflict);

  AuditQuery merges;
  merges.action = AuditAction::merge_customers;
  const AuditPage log = h.desk->audit(kAdmin, merges);
  REQUIRE(log.entries.size() == 1);
  CHECK(log.entries[0].customer_id == d.kept.id);
}

TEMPLATE_TEST_CASE("customer merge: records that share no phone or email are not merged", "", MemoryKind,
                   SqliteKind) {
  TestType kind;
  Harness h(kind.make());
  const Customer a = h.enterprise("Hangzhou Lianhe Manufacturing");
  Customer other;
  other.name = "王强";
  other.phones = {"13900002222"};
  const Customer b = h.desk->register_customer(kAdmin, other);
  const std::string before = h.dump();
  const Error e = error_of([&] { h.desk->merge_customers(kAdmin, b.id, a.id); });
  CHECK(e.code() == ErrorCode::invalid_input);
  CHECK(e.path() == "/kept");
  CHECK(error_of([&] { h.desk->merge_customers(kAdmin, a.id, a.id); }).path() == "/kept");
  CHECK(h.dump() == before);
}

TEMPLATE_TEST_CASE("customer merge: an admin undoes it within the retention period", "", TC_DESK_STORE_KINDS) {
  TestType kind;
  Harness h(kind.make());
  Duplicates d(h);
  std::vector<std::string> moved;
  for (const char* subject : {"Label printer jams", "Invoice copy needed"})
    moved.push_back(h.desk->take_in(kReceiver, Harness::question(d.duplicate, Channel::email, subject)).ticket.id);
  h.desk->record_purchase(kAdmin, d.duplicate.id, bought("Router X", "2026-01-10T02:00:00Z"));
  const Customer kept_before = *h.store->read()->customer(d.kept.id);
  h.desk->merge_customers(kAdmin, d.duplicate.id, d.kept.id);
  h.clock->advance(std::chrono::hours(24 * 30));
  // Taken in for the kept record after the merge: it stays there.
  const std::string later = h.desk->take_in(kReceiver, Harness::erp_fault(d.kept)).ticket.id;

  CHECK(error_of([&] { h.desk->reverse_customer_merge(kSupervisor, d.duplicate.id, "wrong"); }).code() ==
        ErrorCode::denied);
  CHECK(error_of([&] { h.desk->reverse_customer_merge(kAdmin, d.duplicate.id, ""); }).path() == "/reason");
  const Customer restored = h.desk->reverse_customer_merge(kAdmin, d.duplicate.id, "two companies after all");
  CHECK(restored.merged_into.empty());

  auto tx = h.store->read();
  for (const std::string& id : moved) {
    CHECK(tx->ticket(id)->customer_id == d.duplicate.id);
    CHECK(events::read_payload<events::CustomerChanged>(tx->events(id).back()).reason == "merge_reversed");
  }
  CHECK(tx->ticket(later)->customer_id == d.kept.id);
  const Customer kept = *tx->customer(d.kept.id);
  CHECK(kept.phones == kept_before.phones);
  CHECK(kept.emails == kept_before.emails);
  CHECK(kept.tags == kept_before.tags);
  CHECK(kept.purchases.empty());
  const Customer duplicate = *tx->customer(d.duplicate.id);
  REQUIRE(duplicate.purchases.size() == 1);
  CHECK(duplicate.purchases[0].product == "Router X");
  CHECK(tx->customer_events(d.duplicate.id).back().kind == CustomerEventKind::merge_reversed);
  CHECK(tx->customer_events(d.kept.id).back().kind == CustomerEventKind::merge_reversed);
  CustomerQuery by_phone;
  by_phone.phone = "13900001111";
  CHECK(h.desk->find_customers(kAdmin, by_phone).customers.size() == 1);
  CHECK(error_of([&] { h.desk->reverse_customer_merge(kAdmin, d.duplicate.id, "again"); }).code() ==
        ErrorCode::conflict);

  // Past the retention period (1096 days by default) a merge stays.
  h.desk->merge_customers(kAdmin, d.duplicate.id, d.kept.id);
  h.clock->advance(std::chrono::hours(24 * 1097));
  const std::string before = h.dump();
  CHECK(error_of([&] { h.desk->reverse_customer_merge(kAdmin, d.duplicate.id, "too late"); }).code() ==
        ErrorCode::conflict);
  CHECK(h.dump() == before);
}

TEMPLATE_TEST_CASE("customer history: pages in any size make up the whole, newest first", "", MemoryKind,
                   SqliteKind) {
  TestType kind;
  Harness h(kind.make());
  const Customer c = h.enterprise();
  const std::string first = h.desk->take_in(kReceiver, Harness::question(c, Channel::email, "Invoice copy")).ticket.id;
  h.clock->advance(std::chrono::minutes(5));
  h.desk->record_purchase(kAdmin, c.id, bought("Router X", "2026-03-04T01:31:00Z"));
  h.clock->advance(std::chrono::minutes(5));
  h.desk->comment(kAdmin, {first, 0}, "We sent it again.");
  h.desk->internal_comment(kAdmin, {first, 0}, "Customer asked twice.");
  h.desk->take_in(kReceiver, Harness::erp_fault(c));

  HistoryQuery all;
  all.customer_id = c.id;
  all.limit = 1000;
  const HistoryPage whole = h.desk->customer_history(kAdmin, all);
  CHECK(whole.next_cursor.empty());
  // Two tickets, their events but "created", a purchase, its record event.
  std::size_t events = 0;
  TicketQuery mine;
  mine.customer_id = c.id;
  const std::vector<Ticket> tickets = h.store->read()->tickets(mine).tickets;
  REQUIRE(tickets.size() == 2);
  for (const Ticket& t : tickets) events += h.store->read()->events(t.id).size() - 1;
  CHECK(whole.entries.size() == 2 + events + 1 + 1);
  for (std::size_t k = 1; k < whole.entries.size(); ++k) CHECK(whole.entries[k - 1].at >= whole.entries[k].at);
  CHECK(whole.entries.back().kind == HistoryKind::ticket);
  CHECK(whole.entries.back().ticket->id == first);

  for (std::size_t size : {1u, 2u, 3u, 7u}) {
    INFO(size);
    HistoryQuery q = all;
    q.limit = size;
    std::vector<HistoryEntry> walked;
    do {
      const HistoryPage page = h.desk->customer_history(kAdmin, q);
      CHECK(page.entries.size() <= size);
      walked.insert(walked.end(), page.entries.begin(), page.entries.end());
      q.after = page.next_cursor;
    } while (!q.after.empty());
    CHECK(walked == whole.entries);
  }

  HistoryQuery purchases = all;
  purchases.kinds = {HistoryKind::purchase};
  const HistoryPage only = h.desk->customer_history(kAdmin, purchases);
  REQUIRE(only.entries.size() == 1);
  CHECK(only.entries[0].purchase->product == "Router X");
  CHECK(only.entries[0].at == at("2026-03-04T01:31:00Z"));

  // The customer sees their tickets, purchases and public events; not the desk's notes or record events.
  const Actor self{ActorKind::customer, c.id};
  const HistoryPage own = h.desk->customer_history(self, all);
  for (const HistoryEntry& e : own.entries) {
    CHECK(e.kind != HistoryKind::record_event);
    if (e.event) CHECK(e.event->kind != EventKind::internal_comment);
  }
  CHECK(own.entries.size() < whole.entries.size());
  // Another customer sees nothing of it.
  Customer stranger;
  stranger.name = "王强";
  const Customer s = h.desk->register_customer(kAdmin, stranger);
  CHECK(error_of([&] { h.desk->customer_history(Actor{ActorKind::customer, s.id}, all); }).code() ==
        ErrorCode::denied);
  HistoryQuery bad = all;
  bad.after = "not a cursor";
  CHECK(error_of([&] { h.desk->customer_history(kAdmin, bad); }).path() == "/after");
}

TEMPLATE_TEST_CASE("customer profile: the data and DOMAIN.md's one line", "", TC_DESK_STORE_KINDS) {
  TestType kind;
  Harness h(kind.make());
  Customer c;
  c.name = "李娜";
  c.gender = Gender::female;
  c.birth_date = std::chrono::year{1994} / std::chrono::January / 20;
  c.industry = "manufacturing";
  c.phones = {"13812345678"};
  c.tags = {"service_time:weekend"};
  c = h.desk->register_customer(kAdmin, c);
  h.desk->record_purchase(kAdmin, c.id, bought("Product A", "2026-01-10T02:00:00Z"));
  h.desk->record_purchase(kAdmin, c.id, bought("Product A", "2026-02-20T02:00:00Z"));
  h.desk->record_purchase(kAdmin, c.id, bought("Product B", "2025-06-01T02:00:00Z"));  // before the window
  Ticket complaint = Harness::question(c, Channel::phone, "The parcel took two weeks");
  complaint.request_type = RequestType::complaint;
  complaint.subtype = "delivery speed";
  h.desk->take_in(kReceiver, complaint);

  const CustomerProfile p = h.desk->customer_profile(kAdmin, c.id);
  CHECK(p.age == 32);
  CHECK(p.tier == CustomerTier::vip);  // three purchases in a year: the tier rules ran
  CHECK(p.recent_purchases == std::vector<ProductCount>{{"Product A", 2}});
  CHECK(p.complaints == 1);
  CHECK(p.complaint_topics == std::vector<std::string>{"delivery speed"});
  CHECK(p.tickets_total == 1);
  CHECK(p.tickets_open == 1);
  CHECK(p.preferred_service_time == "weekend");
  CHECK(summary_line(p) ==
        "32, manufacturing, vip, bought Product A twice in 3 months, complained about delivery speed, prefers "
        "weekend service");
}

TEMPLATE_TEST_CASE("in warranty: a fact for routing and priority rules", "", TC_DESK_STORE_KINDS) {
  TestType kind;
  nlohmann::json doc = nlohmann::json::parse(fixture::standard_desk().to_json_text());
  doc["version"] = "standard-warranty";
  doc["priority_scheme"]["rules"].push_back(
      {{"id", "under_warranty"}, {"when", {{"in_warranty", true}}}, {"at_least", "P2"}});
  doc["rules"]["rules"].insert(doc["rules"]["rules"].begin(),
                               nlohmann::json{{"id", "warranty-tag"},
                                              {"name", "Warranty cases are tagged"},
                                              {"when", {{"field", "customer.in_warranty"}, {"op", "eq"}, {"value", true}}},
                                              {"then", nlohmann::json::array({{{"add_tag", "warranty"}}})}});
  Harness h(kind.make());
  h.desk->publish(kAdmin, DeskConfig::from_json_text(doc.dump()));
  const Customer c = h.enterprise();
  Purchase p = bought("Router X", "2025-06-01T02:00:00Z");
  p.serial_number = "SN-1";
  p.warranty_until = at("2027-06-01T00:00:00Z");
  h.desk->record_purchase(kAdmin, c.id, p);

  Ticket covered = Harness::question(c, Channel::phone, "Router reboots");
  covered.attributes["serial_number"] = std::string("SN-1");
  const TakeInResult in = h.desk->take_in(kReceiver, covered);
  CHECK(in.ticket.priority == "P2");  // a low-urgency question would be P4
  CHECK(std::count(in.ticket.tags.begin(), in.ticket.tags.end(), "warranty") == 1);

  Ticket other = Harness::question(c, Channel::phone, "Old switch broke");
  other.attributes["serial_number"] = std::string("SN-9");
  const TakeInResult out = h.desk->take_in(kReceiver, other);
  CHECK(out.ticket.priority == "P4");
  CHECK(std::count(out.ticket.tags.begin(), out.ticket.tags.end(), "warranty") == 0);
}
