// Compile-only: ticketcore.h must be clean C++ too (extern "C", -Wall -Wextra -pedantic -Werror).
#include <ticketcore/ticketcore.h>

int tc_header_check_cxx();

int tc_header_check_cxx() {
  tc_desk_options options = TC_DESK_OPTIONS_INIT;
  options.clock = TC_CLOCK_MANUAL;
  tc_desk* desk = nullptr;
  int (*open)(tc_desk**, const tc_desk_options*) = &tc_desk_open;  // the C linkage names
  (void)open;
  (void)desk;
  return static_cast<int>(options.size) + TC_OK;
}
