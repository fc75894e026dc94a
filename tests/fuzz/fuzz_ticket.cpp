// A take-in request (tc_desk_take_in) on a desk in memory with one customer.
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bool customer = [] {
    char* json = nullptr;
    // C20260304001: the first customer of the day; requests name it to get past the lookup.
    fuzz::require(tc_desk_register_customer(&json, fuzz::desk(), fuzz::kAdmin,
                                  "{\"kind\":\"enterprise\",\"name\":\"Lianhe\",\"phones\":[\"13812345678\"]}"), "tc_desk_register_customer");
    tc_free(json);
    return true;
  }();
  (void)customer;
  const std::string input = fuzz::text(data, size);
  char* json = nullptr;
  fuzz::check(tc_desk_take_in(&json, fuzz::desk(), fuzz::kAdmin, input.c_str()), &json, "tc_desk_take_in");
  return 0;
}
