// A routing rule set (tc_rules_open) with the tests' people, then its lint
// and a route of one ticket.
#include "fuzz_input.hpp"

namespace {

constexpr const char* kSubject =
    "{\"ticket\":{\"id\":\"202603-100\",\"customer_id\":\"C20260304001\",\"channel\":\"phone\","
    "\"subject\":\"ERP 打印 down\",\"urgency\":\"high\",\"created_at\":\"2026-03-04T01:30:00Z\"}}";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input = fuzz::text(data, size);
  tc_rules* rules = nullptr;
  if (tc_rules_open(&rules, input.c_str(), TEST_PEOPLE) != TC_OK) return 0;
  char* json = nullptr;
  fuzz::check(tc_rules_lint(&json, rules), &json, "tc_rules_lint");
  fuzz::check(tc_rules_explain(&json, rules, kSubject, 1772587800), &json, "tc_rules_explain");
  tc_rules_close(rules);
  return 0;
}
