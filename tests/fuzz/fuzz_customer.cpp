// A customer record (tc_desk_register_customer) on a desk in memory, read back.
#include "fuzz_input.hpp"

#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input = fuzz::text(data, size);
  char* json = nullptr;
  const int status = tc_desk_register_customer(&json, fuzz::desk(), fuzz::kAdmin, input.c_str());
  if (status == TC_OK) {
    // Read it back by the id the desk gave: "id":"C..." is the record's first field.
    const char* at = std::strstr(json, "\"id\":\"");
    std::string id = at ? std::string(at + 6, std::strcspn(at + 6, "\"")) : std::string();
    char* again = nullptr;
    fuzz::check(tc_desk_customer(&again, fuzz::desk(), fuzz::kAdmin, id.c_str()), &again, "tc_desk_customer");
  }
  fuzz::check(status, &json, "tc_desk_register_customer");
  return 0;
}
