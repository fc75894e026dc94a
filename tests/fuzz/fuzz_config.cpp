// A desk configuration document (tc_config_open), and the document it writes back.
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input = fuzz::text(data, size);
  tc_config* config = nullptr;
  if (tc_config_open(&config, input.c_str()) == TC_OK) {
    char* json = nullptr;
    fuzz::check(tc_config_json(&json, config), &json, "tc_config_json");
    tc_config_close(config);
  }
  return 0;
}
