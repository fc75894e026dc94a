// A customer's history from its parts: newest first, ties in one fixed order, and pages
// that make up the whole in any size.
#include <catch2/catch.hpp>

#include "ticketcore/customers/history.hpp"
#include "ticketcore/error.hpp"

using namespace ticketcore;

namespace {

Instant minute(long long minutes) { return from_unix(1772600000 + minutes * 60); }

struct Parts {
  std::vector<CustomerEvent> record_events;
  std::vector<Purchase> purchases;
  std::vector<Ticket> tickets;

  Parts() {
    for (int k = 1; k <= 3; ++k)
      record_events.push_back({k, "C1", CustomerEventKind::purchase_recorded, "a-01", minute(10), {}});
    for (const char* id : {"P2", "P1", "P3"}) {
      Purchase p;
      p.id = id;
      p.product = "Router";
      p.recorded_at = minute(10);  // the same instant as the record events
      purchases.push_back(p);
    }
    Purchase old;
    old.id = "P0";
    old.product = "Switch";
    old.purchased_at = minute(-500);  // bought long before it was recorded
    old.recorded_at = minute(10);
    purchases.push_back(old);
    for (const char* id : {"202603-002", "202603-001"}) {
      Ticket t;
      t.id = id;
      t.customer_id = "C1";
      t.created_at = minute(5);
      tickets.push_back(t);
    }
  }

  HistorySources sources() const {
    return {record_events, purchases, tickets, [](const Ticket& t) {
              std::vector<Event> events;
              events.push_back({1, t.id, EventKind::created, "a-01", t.created_at, {}});
              events.push_back({2, t.id, EventKind::public_comment, "a-01", minute(20), {}});
              events.push_back({3, t.id, EventKind::rated, "customer", minute(20), {}});
              return events;
            }};
  }
};

std::string label(const HistoryEntry& e) {
  switch (e.kind) {
    case HistoryKind::record_event: return "r" + std::to_string(e.record_event->sequence);
    case HistoryKind::purchase: return e.purchase->id;
    case HistoryKind::ticket: return e.ticket->id;
    case HistoryKind::ticket_event:
    case HistoryKind::rating: return e.event->ticket_id + "/" + std::to_string(e.event->sequence);
  }
  return "?";
}

}  // namespace

TEST_CASE("history: newest first, ties by kind then id and sequence, all descending") {
  const Parts parts;
  HistoryQuery q;
  q.customer_id = "C1";
  q.limit = 100;
  const HistoryPage page = history_page(q, parts.sources());
  std::vector<std::string> labels;
  for (const auto& e : page.entries) labels.push_back(label(e));
  // at 20: ratings (kind 4) before ticket events (kind 3); at 10: purchases, then record
  // events; at 5: tickets; the old purchase at its purchased_at, last. No "created" events.
  CHECK(labels == std::vector<std::string>{"202603-002/3", "202603-001/3", "202603-002/2", "202603-001/2", "P3",
                                           "P2", "P1", "r3", "r2", "r1", "202603-002", "202603-001", "P0"});
  CHECK(page.next_cursor.empty());
  CHECK(page.entries[0].kind == HistoryKind::rating);
}

TEST_CASE("history: pages of every size make up the whole, and kinds filter") {
  const Parts parts;
  HistoryQuery q;
  q.customer_id = "C1";
  q.limit = 1000;
  const std::vector<HistoryEntry> whole = history_page(q, parts.sources()).entries;
  for (std::size_t size = 1; size <= whole.size() + 1; ++size) {
    INFO(size);
    HistoryQuery p = q;
    p.limit = size;
    std::vector<HistoryEntry> walked;
    std::size_t pages = 0;
    do {
      const HistoryPage page = history_page(p, parts.sources());
      walked.insert(walked.end(), page.entries.begin(), page.entries.end());
      p.after = page.next_cursor;
      ++pages;
    } while (!p.after.empty());
    CHECK(walked == whole);
    CHECK(pages == (whole.size() + size - 1) / size);  // a full last page says it is the last
  }
  q.kinds = {HistoryKind::rating, HistoryKind::purchase};
  const HistoryPage some = history_page(q, parts.sources());
  CHECK(some.entries.size() == 2 + 4);
  for (const auto& e : some.entries) CHECK((e.kind == HistoryKind::rating || e.kind == HistoryKind::purchase));
}

TEST_CASE("history: a bad limit or cursor is refused at its path") {
  const Parts parts;
  HistoryQuery q;
  q.customer_id = "C1";
  q.limit = 0;
  CHECK_THROWS_WITH(history_page(q, parts.sources()), Catch::Contains("must be 1 to 1000"));
  q.limit = 10;
  for (const char* cursor : {"x", "h1.", "h1.12", "h1.12.9.0.P1", "h1.a.1.0.P1", "c:C1"}) {
    INFO(cursor);
    q.after = cursor;
    try {
      history_page(q, parts.sources());
      FAIL("accepted");
    } catch (const Error& e) {
      CHECK(e.path() == "/after");
    }
  }
}
