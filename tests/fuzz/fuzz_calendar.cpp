// A calendar document (tc_calendar_open), then each calendar call on it.
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input = fuzz::text(data, size);
  tc_calendar* calendar = nullptr;
  if (tc_calendar_open(&calendar, input.c_str()) != TC_OK) return 0;
  const std::int64_t start = 1772587800;
  std::int64_t at = 0;
  int flag = 0;
  tc_calendar_add(&at, calendar, start, 40 * 3600);
  tc_calendar_between(&at, calendar, start, start + 30 * 86400);
  tc_calendar_add_working_days(&at, calendar, start, 10);
  tc_calendar_add_working_days(&at, calendar, start, -10);
  tc_calendar_is_working_day(&flag, calendar, "2026-10-01");
  tc_calendar_next_open(&at, calendar, start);
  tc_calendar_close(calendar);
  return 0;
}
