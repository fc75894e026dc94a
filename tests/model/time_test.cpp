// RFC 3339 instants and plain dates.
#include <catch2/catch.hpp>

#include "ticketcore/model/time.hpp"

using namespace ticketcore;

TEST_CASE("instants print in UTC with Z and parse back") {
  CHECK(format_instant(from_unix(0)) == "1970-01-01T00:00:00Z");
  CHECK(format_instant(from_unix(1777627800)) == "2026-05-01T09:30:00Z");
  CHECK(parse_instant("2026-05-01T09:30:00Z") == from_unix(1777627800));
}

TEST_CASE("offsets and fractions are accepted on input") {
  CHECK(parse_instant("2026-05-01T17:30:00+08:00") == parse_instant("2026-05-01T09:30:00Z"));
  CHECK(parse_instant("2026-05-01T04:30:00-05:00") == parse_instant("2026-05-01T09:30:00Z"));
  CHECK(parse_instant("2026-05-01T09:30:00.123456Z") == parse_instant("2026-05-01T09:30:00Z"));
  CHECK(parse_instant("2026-05-01t09:30:00z") == parse_instant("2026-05-01T09:30:00Z"));
}

TEST_CASE("malformed instants are refused") {
  for (const char* bad : {"", "2026-05-01", "2026-05-01T09:30:00", "2026-05-01T24:00:00Z",
                          "2026-02-29T00:00:00Z", "2026-05-01T09:30Z", "2026-05-01T09:30:00+8:00",
                          "2026-05-01T09:30:00.Z", "2026-05-01T09:30:00Zjunk", "20260501T093000Z"}) {
    INFO(bad);
    CHECK_FALSE(parse_instant(bad));
  }
}

TEST_CASE("dates parse and print as YYYY-MM-DD") {
  using namespace std::chrono;
  CHECK(parse_date("2024-02-29") == Date{year{2024} / February / 29});
  CHECK_FALSE(parse_date("2026-02-29"));
  CHECK_FALSE(parse_date("2026-2-01"));
  CHECK(format_date(year{2026} / October / 10) == "2026-10-10");
}
