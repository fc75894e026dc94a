// Deadlocks the PostgreSQL server breaks: of two write transactions locking two rows in
// opposite order one is rolled back (RolledBack, busy) and the other commits; a Desk call
// the server rolls back so runs again and succeeds.
#include <catch2/catch.hpp>

#ifdef TICKETCORE_WITH_POSTGRESQL

#include <latch>
#include <optional>
#include <thread>

#include "postgres_harness.hpp"
#include "process_harness.hpp"
#include "ticketcore/model/event_payloads.hpp"

using namespace reliability;

namespace {

// A desk on a new schema with one customer and `n` tickets of theirs.
struct Seeded {
  std::string schema = tc_postgres_test::scratch().next_schema();
  std::string customer;
  std::vector<std::string> tickets;
  explicit Seeded(int n) {
    auto desk = Desk::open(open_store(postgres_location(schema, "tc_seed")), fixture::standard_desk(),
                           std::make_shared<SystemClock>());
    customer = register_customer(*desk, 1).id;
    for (int k = 0; k < n; ++k) tickets.push_back(desk->take_in(kReceiver, request(customer, k)).ticket.id);
  }
};

// Gives a ticket a new subject within `tx` (its row locked by the read).
void rename(StoreTransaction& tx, const std::string& id, const std::string& subject) {
  Ticket t = *tx.ticket(id);
  t.subject = subject;
  ++t.version;
  tx.update_ticket(t, tx.schedule(id));
}

// How a side of a deadlock ended.
struct Outcome {
  bool committed = false;
  std::optional<ErrorCode> rolled_back;  // the code of the RolledBack it got
  std::string other;                     // any other failure
  bool finished_after = false;           // after RolledBack, the transaction refused to commit
};

}  // namespace

TEST_CASE("reliability: of two PostgreSQL writers locking in opposite order one is rolled back and one commits") {
  require_postgres();
  const Seeded seeded(2);
  const std::string app = "tc_deadlock_store_" + std::to_string(::getpid());
  std::shared_ptr<Store> store = open_store(postgres_location(seeded.schema, app));
  const std::string a = seeded.tickets[0];
  const std::string b = seeded.tickets[1];

  std::latch first_locked(1);
  std::latch second_locked(1);
  Outcome outcomes[2];
  // Side `k` locks and renames `mine`, waits until the other side holds its row, then
  // locks and renames `theirs`. Side 0 asks first; side 1 asks only once side 0 waits.
  auto side = [&](int k, const std::string& mine, const std::string& theirs) {
    Outcome& out = outcomes[k];
    try {
      auto tx = store->write();
      rename(*tx, mine, "renamed by side " + std::to_string(k));
      if (k == 0) {
        first_locked.count_down();
        second_locked.wait();
      } else {
        second_locked.count_down();
        if (!wait_for_lock_waiters(app, 1)) throw std::runtime_error("side 0 never waited for the lock");
      }
      try {
        rename(*tx, theirs, "renamed by side " + std::to_string(k));
        tx->commit();
        out.committed = true;
      } catch (const RolledBack& e) {
        out.rolled_back = e.code();
        try {
          tx->commit();
        } catch (const Error& after) {
          out.finished_after = after.code() == ErrorCode::storage;
        }
      }
    } catch (const std::exception& e) {
      out.other = e.what();
    }
  };
  std::thread zero([&] { side(0, a, b); });
  first_locked.wait();
  std::thread one([&] { side(1, b, a); });
  zero.join();
  one.join();

  for (const Outcome& o : outcomes) CHECK(o.other == "");
  REQUIRE(outcomes[0].committed != outcomes[1].committed);  // the server broke the deadlock: one side lost
  const int winner = outcomes[0].committed ? 0 : 1;
  const Outcome& loser = outcomes[1 - winner];
  REQUIRE(loser.rolled_back.has_value());
  CHECK(*loser.rolled_back == ErrorCode::busy);
  CHECK(loser.finished_after);  // a rolled-back transaction is over: nothing more is written nor committed

  // Only the winner's writes are kept, each ticket changed once.
  auto tx = store->read();
  for (const std::string& id : {a, b}) {
    INFO("ticket " << id);
    const Ticket t = *tx->ticket(id);
    CHECK(t.subject == "renamed by side " + std::to_string(winner));
    CHECK(t.version == 2);
  }
}

TEST_CASE("reliability: a Desk call PostgreSQL rolls back to break a deadlock succeeds when it runs again") {
  require_postgres();
  const Seeded seeded(1);
  const std::string ticket = seeded.tickets[0];
  const std::string desk_app = "tc_deadlock_desk_" + std::to_string(::getpid());
  auto desk = Desk::open(open_store(postgres_location(seeded.schema, desk_app)), fixture::standard_desk(),
                         std::make_shared<SystemClock>());
  // The server looks for a deadlock in a session that has waited deadlock_timeout (1 s):
  // the raw writer waits longer before it looks (a superuser's setting, as the tests'
  // PGUSER is), so that the cycle is found, and broken, on the comment's side.
  std::shared_ptr<Store> raw = open_store(postgres_location(seeded.schema, "tc_deadlock_raw", "deadlock_timeout=5s"));

  // The raw writer locks the customer; the comment locks the ticket, then waits for the
  // customer (its SLA tier); then the raw writer asks for the ticket: a deadlock, which
  // the server breaks by rolling the comment's transaction back.
  auto tx = raw->write();
  REQUIRE(tx->customer(seeded.customer));
  std::optional<Change> done;
  std::string failure;
  std::thread comment([&] {
    try {
      done = desk->comment(kAdmin, {ticket, 0}, "written after the deadlock");
    } catch (const std::exception& e) {
      failure = e.what();
    }
  });
  REQUIRE(wait_for_lock_waiters(desk_app, 1));
  std::string raw_failure;
  try {
    rename(*tx, ticket, "renamed by the raw writer");
    tx->commit();
  } catch (const std::exception& e) {
    raw_failure = e.what();  // the server chose this side after all: the test proves nothing
  }
  comment.join();
  REQUIRE(raw_failure == "");
  INFO(failure);
  REQUIRE(done.has_value());
  // The comment ran again after the raw writer's commit: it is the third version, with the
  // raw writer's subject, and its event is stored once.
  CHECK(done->ticket.version == 3);
  CHECK(done->ticket.subject == "renamed by the raw writer");
  auto read = raw->read();
  const Ticket stored = *read->ticket(ticket);
  CHECK(stored.version == 3);
  CHECK(stored.subject == "renamed by the raw writer");
  int comments = 0;
  for (const Event& e : read->events(ticket))
    if (e.kind == EventKind::public_comment && events::read_payload<events::PublicComment>(e).text == "written after the deadlock")
      ++comments;
  CHECK(comments == 1);
}

#endif  // TICKETCORE_WITH_POSTGRESQL
