// Contract: ticket queries filter, order and page exactly as a brute-force oracle over
// the same tickets says; pages stay stable while tickets are written between them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "store/backends.hpp"
#include "store/fixtures.hpp"

using namespace store_testing;

namespace {

struct Stored {
  Ticket ticket;
  TicketSchedule schedule;
};

// 60 tickets over 3 customers with fields drawn from small pools, so filters and sort
// keys collide often (ties exercise the id tie-break).
std::vector<Stored> generated_tickets() {
  std::mt19937 rng(20260501);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  const Status statuses[] = {Status::new_ticket, Status::assigned, Status::in_progress, Status::resolved,
                             Status::closed};
  const char* teams[] = {"", "technical_support", "billing"};
  const char* agents[] = {"", "a-01", "a-02"};
  const char* customers[] = {"C001", "C002", "C003"};
  const char* priorities[] = {"P1", "P2", "P3"};
  const Channel channels[] = {Channel::phone, Channel::email, Channel::wechat};
  std::vector<Stored> out;
  for (int i = 0; i < 60; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "202605-%03d", (i * 37) % 60 + 1);  // ids not in insert order
    auto t = ticket(id, customers[pick(3)], minute(pick(20)));
    t.status = statuses[pick(5)];
    t.team = teams[pick(3)];
    t.assignee = agents[pick(3)];
    t.priority = priorities[pick(3)];
    t.channel = channels[pick(3)];
    if (pick(2)) t.tags = {"hardware"};
    if (pick(3) == 0) t.tags.push_back("vip");
    t.updated_at = t.created_at + std::chrono::minutes(pick(30));
    TicketSchedule s;
    if (pick(3)) s.due_at = minute(100 + pick(15));
    out.push_back({t, s});
  }
  return out;
}

template <class Backend>
std::unique_ptr<Store> stored(const std::vector<Stored>& rows) {
  auto store = Backend::make();
  write(*store, [&](StoreTransaction& tx) {
    for (const char* id : {"C001", "C002", "C003"}) tx.insert_customer(customer(id));
    for (const auto& r : rows) tx.insert_ticket(r.ticket, r.schedule);
  });
  return store;
}

// The oracle: filter by the query's fields, sort by its order, then take every row.
std::vector<std::string> oracle(const std::vector<Stored>& rows, const TicketQuery& q) {
  std::vector<const Stored*> hits;
  for (const auto& r : rows) {
    const auto& t = r.ticket;
    if (!q.statuses.empty() && std::count(q.statuses.begin(), q.statuses.end(), t.status) == 0) continue;
    if (!q.team.empty() && q.team != t.team) continue;
    if (q.assignee && *q.assignee != t.assignee) continue;
    if (!q.customer_id.empty() && q.customer_id != t.customer_id) continue;
    if (!q.priority.empty() && q.priority != t.priority) continue;
    if (!q.tag.empty() && std::count(t.tags.begin(), t.tags.end(), q.tag) == 0) continue;
    if (q.channel && *q.channel != t.channel) continue;
    if (q.created_from && t.created_at < *q.created_from) continue;
    if (q.created_before && !(t.created_at < *q.created_before)) continue;
    if (q.updated_from && t.updated_at < *q.updated_from) continue;
    if (q.updated_before && !(t.updated_at < *q.updated_before)) continue;
    hits.push_back(&r);
  }
  // Rank: (has no key, key, id); descending reverses key and id but keyless rows stay last.
  auto rank = [&](const Stored* r) {
    std::optional<Instant> key;
    if (q.order == TicketOrder::created_at) key = r->ticket.created_at;
    if (q.order == TicketOrder::updated_at) key = r->ticket.updated_at;
    if (q.order == TicketOrder::due_at) key = r->schedule.due_at;
    const long long k = key ? to_unix(*key) : 0;
    return std::make_tuple(q.order == TicketOrder::due_at && !key, q.descending ? -k : k);
  };
  std::stable_sort(hits.begin(), hits.end(), [&](const Stored* a, const Stored* b) {
    if (rank(a) != rank(b)) return rank(a) < rank(b);
    return q.descending ? a->ticket.id > b->ticket.id : a->ticket.id < b->ticket.id;
  });
  std::vector<std::string> out;
  for (const auto* r : hits) out.push_back(r->ticket.id);
  return out;
}

std::vector<TicketQuery> filter_queries() {
  std::vector<TicketQuery> qs(13);
  qs[1].statuses = {Status::new_ticket, Status::assigned};
  qs[2].team = "billing";
  qs[3].assignee = "";
  qs[4].assignee = "a-02";
  qs[5].customer_id = "C002";
  qs[6].priority = "P1";
  qs[7].tag = "vip";
  qs[8].channel = Channel::wechat;
  qs[9].created_from = minute(5);
  qs[9].created_before = minute(12);
  qs[10].updated_from = minute(20);
  qs[11].updated_before = minute(10);
  qs[12].statuses = {Status::in_progress};
  qs[12].team = "technical_support";
  qs[12].tag = "hardware";
  qs[12].priority = "P2";
  return qs;
}

}  // namespace

TEMPLATE_TEST_CASE("queries: every filter and order and direction agrees with the oracle page by page", "[store]",
                   TC_STORE_BACKENDS) {
  const auto rows = generated_tickets();
  auto store = stored<TestType>(rows);
  auto tx = store->read();
  int nonempty = 0;
  for (auto q : filter_queries()) {
    for (auto order : {TicketOrder::created_at, TicketOrder::updated_at, TicketOrder::due_at, TicketOrder::id}) {
      for (bool descending : {false, true}) {
        for (std::size_t limit : {std::size_t{7}, std::size_t{1000}}) {
          q.order = order;
          q.descending = descending;
          q.limit = limit;
          const auto expected = oracle(rows, q);
          INFO("order " << static_cast<int>(order) << " descending " << descending << " limit " << limit);
          CHECK(ids(all_pages(*tx, q)) == expected);
          nonempty += !expected.empty();
        }
      }
    }
  }
  CHECK(nonempty > 80);  // the filters select something, so the comparison says something
}

TEMPLATE_TEST_CASE("queries: the due_at order puts tickets without a deadline last both ways", "[store]",
                   TC_STORE_BACKENDS) {
  auto store = store_with_customers<TestType>();
  write(*store, [](StoreTransaction& tx) {
    tx.insert_ticket(ticket("T1", "C001"), {std::nullopt, std::nullopt});
    tx.insert_ticket(ticket("T2", "C001"), {minute(20), std::nullopt});
    tx.insert_ticket(ticket("T3", "C001"), {minute(10), std::nullopt});
    tx.insert_ticket(ticket("T4", "C001"), {std::nullopt, std::nullopt});
    tx.insert_ticket(ticket("T5", "C001"), {minute(10), std::nullopt});
  });
  auto tx = store->read();
  TicketQuery q;
  q.order = TicketOrder::due_at;
  q.limit = 2;
  CHECK(ids(all_pages(*tx, q)) == std::vector<std::string>{"T3", "T5", "T2", "T1", "T4"});
  q.descending = true;
  CHECK(ids(all_pages(*tx, q)) == std::vector<std::string>{"T2", "T5", "T3", "T4", "T1"});
}

TEMPLATE_TEST_CASE("queries: a page boundary holds while tickets are written between pages", "[store]",
                   TC_STORE_BACKENDS) {
  auto store = store_with_customers<TestType>();
  write(*store, [](StoreTransaction& tx) {
    for (int i = 1; i <= 6; ++i) tx.insert_ticket(ticket("T" + std::to_string(i), "C001", minute(i * 10)), {});
  });
  TicketQuery q;  // created_at ascending
  q.limit = 3;
  auto first = read(*store, [&](StoreTransaction& tx) { return tx.tickets(q); });
  CHECK(ids(first.tickets) == std::vector<std::string>{"T1", "T2", "T3"});
  write(*store, [](StoreTransaction& tx) {
    tx.insert_ticket(ticket("T0", "C001", minute(5)), {});    // before the boundary: not seen
    tx.insert_ticket(ticket("T35", "C001", minute(30)), {});  // same key as T3, later id: next page
    tx.insert_ticket(ticket("T25", "C001", minute(30)), {});  // same key as T3, earlier id: not seen
  });
  q.after = first.next_cursor;
  auto tx = store->read();
  CHECK(ids(all_pages(*tx, q)) == std::vector<std::string>{"T35", "T4", "T5", "T6"});
}

TEMPLATE_TEST_CASE("queries: a bad limit or cursor is refused with its field", "[store]", TC_STORE_BACKENDS) {
  auto store = store_with_customers<TestType>();
  write(*store, [](StoreTransaction& tx) {
    for (int i = 1; i <= 3; ++i) tx.insert_ticket(ticket("T" + std::to_string(i), "C001", minute(i)), {});
  });
  auto tx = store->read();
  for (std::size_t limit : {std::size_t{0}, std::size_t{1001}}) {
    TicketQuery q;
    q.limit = limit;
    const auto e = error_of([&] { tx->tickets(q); });
    CHECK(e.code() == ErrorCode::invalid_input);
    CHECK(e.path() == "/limit");
  }
  TicketQuery q;
  q.limit = 1;
  const auto cursor = tx->tickets(q).next_cursor;
  REQUIRE_FALSE(cursor.empty());
  for (const char* bad : {"garbage", "t1.", "%%%"}) {
    q.after = bad;
    const auto e = error_of([&] { tx->tickets(q); });
    CHECK(e.code() == ErrorCode::invalid_input);
    CHECK(e.path() == "/after");
  }
  q.after = cursor;
  q.order = TicketOrder::updated_at;  // a cursor of another order
  CHECK(code_of([&] { tx->tickets(q); }) == ErrorCode::invalid_input);
  q.order = TicketOrder::created_at;
  CHECK(ids(tx->tickets(q).tickets) == std::vector<std::string>{"T2"});
}
