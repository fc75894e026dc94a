// MemoryStore's threading contract: writers one at a time, readers on consistent snapshots.
#include <catch2/catch.hpp>

#include <atomic>
#include <set>
#include <thread>

#include "store/fixtures.hpp"
#include "ticketcore/store/memory_store.hpp"

using namespace store_testing;

TEST_CASE("memory concurrency: 4 threads of write transactions lose no update and repeat no number", "[store]") {
  auto store = MemoryStore::create();
  write(*store, [](StoreTransaction& tx) { tx.insert_customer(customer("C001")); });
  constexpr int kThreads = 4;
  constexpr int kPerThread = 150;
  std::atomic<bool> torn{false};
  std::atomic<bool> stop_reading{false};
  std::vector<std::thread> threads;
  for (int n = 0; n < kThreads; ++n)
    threads.emplace_back([&, n] {
      for (int i = 0; i < kPerThread; ++i) {
        auto tx = store->write();
        const auto number = tx->next_number("ticket:202605");
        tx->insert_ticket(ticket("202605-" + std::to_string(number), "C001"), {});
        if (i % 5 == n % 5) continue;  // some roll back: their number is handed out again
        tx->commit();
      }
    });
  // A reader meanwhile: in every snapshot the counter equals the number of tickets.
  std::thread reader([&] {
    while (!stop_reading) {
      auto tx = store->read();
      const auto counters = tx->counters();
      const auto last = counters.empty() ? 0 : counters.front().second;
      TicketQuery q;
      q.order = TicketOrder::id;
      q.limit = 1000;
      if (static_cast<std::int64_t>(all_pages(*tx, q).size()) != last) torn = true;
    }
  });
  for (auto& t : threads) t.join();
  stop_reading = true;
  reader.join();

  auto tx = store->read();
  constexpr int kCommitted = kThreads * (kPerThread - kPerThread / 5);
  CHECK(tx->counters() == std::vector<std::pair<std::string, std::int64_t>>{{"ticket:202605", kCommitted}});
  TicketQuery q;
  q.order = TicketOrder::id;
  q.limit = 1000;
  const auto tickets = all_pages(*tx, q);
  std::set<std::string> unique;
  for (const auto& t : tickets) unique.insert(t.id);
  CHECK(tickets.size() == static_cast<std::size_t>(kCommitted));
  CHECK(unique.size() == tickets.size());
  CHECK(unique.contains("202605-1"));
  CHECK(unique.contains("202605-" + std::to_string(kCommitted)));
  CHECK_FALSE(torn);
}

TEST_CASE("memory concurrency: write() waits for the live writer but read() does not", "[store]") {
  auto store = MemoryStore::create();
  auto first = store->write();
  first->next_number("n");
  std::atomic<bool> second_started{false};
  std::atomic<std::int64_t> second_got{0};
  std::thread second([&] {
    auto tx = store->write();
    second_started = true;
    second_got = tx->next_number("n");
    tx->commit();
  });
  // A reader is not held up by the live writer and sees the last commit (nothing yet).
  CHECK(store->read()->counters().empty());
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK_FALSE(second_started);
  first->commit();
  second.join();
  CHECK(second_got == 2);  // it started from the first writer's commit
}

TEST_CASE("memory: calls after commit are refused", "[store]") {
  auto store = MemoryStore::create();
  auto tx = store->write();
  tx->next_number("n");
  tx->commit();
  CHECK(code_of([&] { tx->next_number("n"); }) == ErrorCode::storage);
  CHECK(code_of([&] { tx->counters(); }) == ErrorCode::storage);
  CHECK(read(*store, [](StoreTransaction& t) { return t.counters(); }).size() == 1);
  auto next = store->write();  // the writer lock went with the commit
  CHECK(next->next_number("n") == 2);
}
