#pragma once
// The check every refusal test of the customers area makes: invalid_input, at this path,
// saying these words.

#include <catch2/catch.hpp>

#include <functional>
#include <string>

#include "ticketcore/error.hpp"

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
