// The JSON arguments of the Desk's commands and queries. The first byte picks the call,
// the rest is its JSON argument, on a desk in memory with one customer and one ticket
// in progress (each change at version 0: whatever is stored).
#include "fuzz_input.hpp"

namespace {

constexpr const char* kCustomer = "C20260304001";
constexpr const char* kTicket = "202603-001";
constexpr const char* kEngineer = "{\"kind\":\"agent\",\"id\":\"t-01\"}";

void setup() {
  char* json = nullptr;
  fuzz::require(tc_desk_register_customer(&json, fuzz::desk(), fuzz::kAdmin,
                                "{\"kind\":\"enterprise\",\"name\":\"Lianhe\",\"phones\":[\"13812345678\"]}"), "tc_desk_register_customer");
  tc_free(json);
  fuzz::require(tc_desk_take_in(&json, fuzz::desk(), fuzz::kAdmin,
                      "{\"customer_id\":\"C20260304001\",\"channel\":\"phone\",\"request_type\":\"technical_support\","
                      "\"subject\":\"ERP order module down\",\"attributes\":{\"product\":\"erp\"}}"), "tc_desk_take_in");
  tc_free(json);
  fuzz::require(tc_desk_change_status(&json, fuzz::desk(), fuzz::kAdmin, kTicket, 0, "in_progress", nullptr), "tc_desk_change_status");
  tc_free(json);
}

// One call with `arg` as its JSON argument; the actor is itself fuzzed in the last case.
int call(unsigned which, const char* arg, char** out) {
  tc_desk* d = fuzz::desk();
  switch (which % 12) {
    case 0: return tc_desk_update_customer(out, d, fuzz::kAdmin, arg);
    case 1: return tc_desk_record_purchase(out, d, fuzz::kAdmin, kCustomer, arg);
    case 2: return tc_desk_propose_solutions(out, d, kEngineer, kTicket, 0, arg);
    case 3: return tc_desk_record_responsibility(out, d, kEngineer, kTicket, 0, arg);
    case 4: return tc_desk_rate(out, d, fuzz::kAdmin, kTicket, 0, arg);
    case 5: return tc_desk_find_tickets(out, d, fuzz::kAdmin, arg);
    case 6: return tc_desk_find_customers(out, d, fuzz::kAdmin, arg);
    case 7: return tc_desk_customer_history(out, d, fuzz::kAdmin, arg);
    case 8: return tc_desk_report(out, d, fuzz::kAdmin, arg);
    case 9: return tc_desk_audit(out, d, fuzz::kAdmin, arg);
    case 10: return tc_desk_dry_run(out, d, fuzz::kAdmin, arg);
    default: return tc_desk_show(out, d, arg, kTicket);  // the actor
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bool ready = (setup(), true);
  (void)ready;
  if (size == 0) return 0;
  const std::string arg = fuzz::text(data + 1, size - 1);
  char* json = nullptr;
  fuzz::check(call(data[0], arg.c_str(), &json), &json, "a desk call");
  return 0;
}
