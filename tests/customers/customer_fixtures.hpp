#pragma once
// What the customers area's tests share: instants from text, and the check every
// refusal test makes (invalid_input, at this path, saying these words).

#include <catch2/catch.hpp>

#include <functional>
#include <string>

#include "ticketcore/error.hpp"
#include "ticketcore/model/time.hpp"

/// An instant from RFC 3339 text.
inline ticketcore::Instant at(const char* text) { return *ticketcore::parse_instant(text); }

/// Checks that f() throws invalid_input at `path` with a message holding `words`.
inline void require_invalid(const std::function<void()>& f, const std::string& path, const std::string& words) {
  try {
    f();
    FAIL("no error; expected one at " << path);
  } catch (const ticketcore::Error& e) {
    CHECK(e.code() == ticketcore::ErrorCode::invalid_input);
    CHECK(e.path() == path);
    CHECK_THAT(e.message(), Catch::Contains(words));
  }
}
