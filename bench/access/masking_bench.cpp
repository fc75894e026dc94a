// Masking a customer record for an agent's screen (every customer read does it), against
// copying the record unmasked: what masking costs on top of the copy.
#include <benchmark/benchmark.h>

#include "figures.hpp"
#include "ticketcore/access/masking.hpp"

namespace {

using namespace ticketcore;

Customer sample() {
  Customer c;
  c.id = "C20260304001";
  c.name = "欧阳娜娜";
  c.gender = Gender::female;
  c.phones = {"13812345678", "01088886666"};
  c.emails = {"ouyang.nana@example.com"};
  c.addresses = {{"office", "上海市浦东新区张江路123号", "201203"}};
  c.identity_number = "330106199203140028";
  c.bank_card_number = "6222021234567890123";
  return c;
}

void BM_mask_customer(benchmark::State& state) {
  const Customer c = sample();
  const MaskingPolicy policy = MaskingPolicy::standard();
  for (auto _ : state) {
    Customer shown = masked(c, policy, "agent");
    benchmark::DoNotOptimize(shown);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_mask_customer);

void BM_copy_customer(benchmark::State& state) {
  const Customer c = sample();
  for (auto _ : state) {
    Customer shown = c;
    benchmark::DoNotOptimize(shown);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_copy_customer);

const bool registered = ticketcore::bench::add_figures({
    {"access.mask_customer_per_s", "BM_mask_customer", "", "records/s"},
    {"access.mask_vs_copy", "BM_mask_customer", "BM_copy_customer", "x"},
});

}  // namespace
