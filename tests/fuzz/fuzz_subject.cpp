// An SLA subject (a ticket with its events and customer) through the standard
// configuration's priority scheme, SLA clocks and routing rules.
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static tc_config* config = [] {
    tc_config* c = nullptr;
    fuzz::require(tc_config_preset(&c, "standard"), "tc_config_preset");
    return c;
  }();
  static tc_rules* rules = [] {
    tc_rules* r = nullptr;
    fuzz::require(tc_config_rules(&r, config), "tc_config_rules");
    return r;
  }();
  const std::string input = fuzz::text(data, size);
  const std::int64_t at = 1772587800 + 7 * 86400;
  char* json = nullptr;
  int status = tc_config_sla_status(&json, config, input.c_str(), at);
  if (status == TC_INVALID) return 0;  // the other calls read the subject the same way
  fuzz::check(status, &json, "tc_config_sla_status");
  fuzz::check(tc_config_priority(&json, config, input.c_str(), at), &json, "tc_config_priority");
  fuzz::check(tc_rules_explain(&json, rules, input.c_str(), at), &json, "tc_rules_explain");
  return 0;
}
