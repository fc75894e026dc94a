// Ticket and customer numbers across month and year boundaries and past serial 999.
#include <catch2/catch.hpp>

#include <set>

#include "ticketcore/error.hpp"
#include "ticketcore/model/ids.hpp"

using namespace ticketcore;
using namespace std::chrono;

TEST_CASE("ticket numbers are year + month + serial") {
  const auto f = NumberFormat::ticket_default();
  CHECK(f.format(year{2024} / May / 1, 1) == "202405-001");
  CHECK(f.format(year{2024} / May / 31, 42) == "202405-042");
  CHECK(f.format(year{2024} / May / 31, 999) == "202405-999");
  CHECK(f.format(year{2024} / May / 31, 1000) == "202405-1000");
  CHECK(f.format(year{2024} / May / 31, 123456) == "202405-123456");
}

TEST_CASE("the period changes at month and year boundaries") {
  const auto f = NumberFormat::ticket_default();
  CHECK(f.period(year{2024} / May / 31) == "202405");
  CHECK(f.period(year{2024} / June / 1) == "202406");
  CHECK(f.format(year{2024} / December / 31, 7) == "202412-007");
  CHECK(f.format(year{2025} / January / 1, 1) == "202501-001");
  CHECK(f.period(year{2024} / December / 31) != f.period(year{2025} / December / 31));
}

TEST_CASE("customer ids are C + yyyymmdd + serial") {
  const auto f = NumberFormat::customer_default();
  CHECK(f.format(year{2024} / May / 1, 1) == "C20240501001");
  CHECK(f.format(year{2024} / May / 1, 1000) == "C202405011000");
  CHECK(f.period(year{2024} / May / 1) == "20240501");
}

TEST_CASE("numbers never repeat across periods and serials") {
  const auto f = NumberFormat::ticket_default();
  std::set<std::string> seen;
  for (int month = 1; month <= 12; ++month)
    for (int serial = 1; serial <= 1200; ++serial)
      REQUIRE(seen.insert(f.format(year{2026} / month / 1, serial)).second);
}

TEST_CASE("formats are configurable") {
  CHECK(NumberFormat("T{yy}{mm}{dd}-{serial:5}").format(year{2026} / March / 9, 12) == "T260309-00012");
  CHECK(NumberFormat("{serial}").format(year{2026} / March / 9, 12) == "12");
  CHECK(NumberFormat("{yyyy}/{serial:4}").period(year{2026} / March / 9) == "2026");
}

TEST_CASE("malformed formats and serials are refused") {
  for (const char* bad : {"{yyyy}{mm}", "{serial}{serial}", "{yyyy}{hh}-{serial}", "{serial:0}",
                          "{serial:12}", "{yyyy", "yyyy}{serial}", "{serial:x}"}) {
    INFO(bad);
    CHECK_THROWS_AS(NumberFormat(bad), Error);
  }
  CHECK_THROWS_AS(NumberFormat::ticket_default().format(year{2026} / March / 9, 0), Error);
  CHECK_THROWS_AS(NumberFormat::ticket_default().format(year{2026} / February / 30, 1), Error);
}
