/* Compile-only: ticketcore.h must be clean C (built as C99 and as C11 with -Wall -Wextra
   -pedantic -Werror). Uses every type and macro so the compiler reads all of it. */
#include <ticketcore/ticketcore.h>

int tc_header_check(void);

int tc_header_check(void) {
  tc_desk_options options = TC_DESK_OPTIONS_INIT;
  tc_desk *desk = NULL;
  tc_status status = TC_OK;
  tc_clock_kind clock = TC_CLOCK_MANUAL;
  options.clock = clock;
  (void)desk;
  return (int)options.size + (int)status + TC_VERSION_NUMBER + TC_ABI_VERSION + TC_BUSY;
}
