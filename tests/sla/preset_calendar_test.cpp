// The presets carry China's 2026 schedule compiled in, so the library works
// without data/; this keeps that copy in step with data/cn-holidays-2026.json.
#include <catch2/catch.hpp>

#include "calendar/calendar_fixtures.hpp"
#include "sla/presets.hpp"
#include "ticketcore/sla/config.hpp"

using namespace ticketcore;
using namespace std::chrono;

TEST_CASE("the standard preset's calendar works the same days as the 2026 data file") {
  const BusinessCalendar from_file = testing::cn_standard();
  for (const char* preset : {"standard", "urgent_important_general", "high_medium_low"}) {
    INFO(preset);
    const SlaConfig config = detail::sla_preset(preset);
    const BusinessCalendar& compiled_in = config.calendars.get("cn-standard");
    CHECK(compiled_in.time_zone() == from_file.time_zone());
    int working_days = 0;
    for (sys_days d = sys_days{year{2026} / January / 1}; d <= sys_days{year{2026} / December / 31};
         d += days{1}) {
      INFO(format_date(Date{d}));
      REQUIRE(compiled_in.is_working_day(Date{d}) == from_file.is_working_day(Date{d}));
      working_days += from_file.is_working_day(Date{d});
      // Same hours too: 10:00 local (02:00 UTC) is open on exactly the working days.
      REQUIRE(compiled_in.is_open(d + hours{2}) == from_file.is_open(d + hours{2}));
    }
    CHECK(working_days == 248);
  }
}
