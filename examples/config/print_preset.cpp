// Prints a built-in desk configuration as the JSON document DeskConfig reads: the standard
// one by default, or the preset named on the command line. docs/config.md shows its output
// for "standard", and a test keeps the two the same (examples/config/check_docs.cmake).
#include <cstdio>

#include "ticketcore/config.hpp"

int main(int argc, char** argv) {
  const char* name = argc > 1 ? argv[1] : "standard";
  try {
    std::fputs(ticketcore::DeskConfig::preset(name).to_json_text().c_str(), stdout);
    return 0;
  } catch (const ticketcore::Error& e) {
    std::fprintf(stderr, "print_preset: %s\n", e.what());
    return 1;
  }
}
