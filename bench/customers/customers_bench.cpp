// The customers area's engines on one customer record: phone numbers normalized from the
// formats agents type, the tier rules over a year of purchases, a history page of a
// customer with 200 tickets, and the profile built from them. No issue names a target;
// they are here so a change that slows the customer screen shows.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "figures.hpp"
#include "ticketcore/customers/contact.hpp"
#include "ticketcore/customers/history.hpp"
#include "ticketcore/customers/profile.hpp"
#include "ticketcore/customers/tiers.hpp"

namespace {

using namespace ticketcore;

const Instant kNow = *parse_instant("2026-03-04T01:30:00Z");

// A year of purchases and 200 tickets of six events each, one every ~2 days.
struct Record {
  Customer customer;
  std::vector<Ticket> tickets;
  std::vector<CustomerEvent> record_events;

  Record() {
    customer.id = "C20250101001";
    customer.name = "Hangzhou Lianhe Manufacturing";
    customer.industry = "manufacturing";
    customer.birth_date = std::chrono::year{1994} / std::chrono::January / 20;
    customer.tags = {"trait:enterprise", "service_time:weekend"};
    for (int k = 0; k < 60; ++k) {
      Purchase p;
      p.id = "P2025" + std::to_string(100000 + k);
      p.product = k % 3 == 0 ? "Router X" : "Switch S";
      p.purchased_at = kNow - std::chrono::hours(24 * 6 * k);
      p.price = Money{1200.0 + k, "CNY"};
      customer.purchases.push_back(p);
      record_events.push_back(
          {k + 1, customer.id, CustomerEventKind::purchase_recorded, "p-01", *p.purchased_at, {}});
    }
    for (int k = 0; k < 200; ++k) {
      Ticket t;
      t.id = "202603-" + std::to_string(1000 + k);
      t.customer_id = customer.id;
      t.request_type = k % 7 == 0 ? RequestType::complaint : RequestType::technical_support;
      t.subtype = k % 2 ? "delivery speed" : "hardware_fault";
      t.subject = "Router reboots";
      t.created_at = kNow - std::chrono::hours(47 * k);
      t.status = k < 5 ? Status::in_progress : Status::closed;
      tickets.push_back(t);
    }
  }

  std::vector<Event> events_of(const Ticket& t) const {
    std::vector<Event> out;
    for (std::int64_t s = 1; s <= 6; ++s)
      out.push_back({s, t.id, s == 1 ? EventKind::created : EventKind::public_comment, "t-01",
                     t.created_at + std::chrono::minutes(10 * s), {}});
    return out;
  }
};

const Record& record() {
  static const Record r;
  return r;
}

void BM_normalize_phone(benchmark::State& state) {
  const std::vector<std::string> written{"13812345678",      "+86 138-1234-5678", "0086 13812345678",
                                         "(010) 88886666",   "+1 650-253-0000",   "１３８１２３４５６７８",
                                         "138 1234 5678",    "tel:+86-138-1234-5678"};
  std::size_t i = 0;
  for (auto _ : state) {
    std::string e164 = normalize_phone(written[i++ % written.size()], "CN", "/phones/0");
    benchmark::DoNotOptimize(e164);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_normalize_phone);

void BM_decide_tier(benchmark::State& state) {
  const TierRules rules;
  for (auto _ : state) {
    TierDecision d = decide_tier(rules, record().customer, kNow);
    benchmark::DoNotOptimize(d);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_decide_tier);

// The first page of 50, and a page deep in the history (after 500 entries).
void BM_history_page(benchmark::State& state) {
  const Record& r = record();
  const HistorySources sources{r.record_events, r.customer.purchases, r.tickets,
                               [&](const Ticket& t) { return r.events_of(t); }};
  HistoryQuery q;
  q.customer_id = r.customer.id;
  q.limit = 500;
  const std::string deep = history_page(q, sources).next_cursor;
  q.limit = 50;
  q.after = state.range(0) ? deep : std::string();
  for (auto _ : state) {
    HistoryPage page = history_page(q, sources);
    benchmark::DoNotOptimize(page);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_history_page)->Arg(0)->Arg(1);

void BM_profile(benchmark::State& state) {
  const Record& r = record();
  const ProfileSettings settings{90, "Asia/Shanghai"};
  for (auto _ : state) {
    std::string line = summary_line(profile_of(r.customer, r.tickets, kNow, settings));
    benchmark::DoNotOptimize(line);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_profile);

const bool registered = ticketcore::bench::add_figures({
    {"customers.phone_normalize_per_s", "BM_normalize_phone", "", "numbers/s"},
    {"customers.tier_per_s", "BM_decide_tier", "", "decisions/s"},
    {"customers.history_page_per_s", "BM_history_page/0", "", "pages/s"},
    {"customers.history_deep_page_per_s", "BM_history_page/1", "", "pages/s"},
    {"customers.profile_per_s", "BM_profile", "", "profiles/s"},
});

}  // namespace
