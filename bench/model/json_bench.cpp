// How fast a ticket goes to JSON text and back: the cost every API call pays.
#include <benchmark/benchmark.h>

#include "figures.hpp"
#include "ticketcore/model/json.hpp"

namespace {

using namespace ticketcore;

Ticket sample_ticket() {
  Ticket t;
  t.id = "202605-001";
  t.customer_id = "C20260501001";
  t.channel = Channel::phone;
  t.request_type = RequestType::technical_support;
  t.subject = "Printer jams on every second page";
  t.description = "Since Monday the printer jams; cleaned the rollers, no change.";
  t.urgency = Urgency::high;
  t.impact.users_affected = 12;
  t.priority = "P2";
  t.tags = {"hardware", "printer"};
  t.attributes["region"] = std::string("east");
  t.created_at = t.updated_at = *parse_instant("2026-05-01T09:30:00Z");
  return t;
}

void BM_ticket_to_json(benchmark::State& state) {
  const Ticket t = sample_ticket();
  for (auto _ : state) benchmark::DoNotOptimize(to_json_text(t));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ticket_to_json);

void BM_ticket_from_json(benchmark::State& state) {
  const std::string text = to_json_text(sample_ticket());
  for (auto _ : state) benchmark::DoNotOptimize(from_json_text<Ticket>(text));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ticket_from_json);

const bool registered = bench::add_figures({
    {"model.ticket_to_json_per_s", "BM_ticket_to_json", "", "tickets/s"},
    {"model.ticket_from_json_per_s", "BM_ticket_from_json", "", "tickets/s"},
});

}  // namespace
