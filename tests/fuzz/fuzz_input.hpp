#pragma once
// What every fuzz target shares: the input as a NUL-terminated text (the C ABI takes
// C strings), a desk in memory opened once per process, and the check that a call
// either succeeded with a result or failed with a status and a message.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <string>

#include <ticketcore/ticketcore.h>

#include "../capi/test_people.h"

namespace fuzz {

/// The input as text: what a host would pass, cut at a NUL as C would.
inline std::string text(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size).c_str();
}

/// Aborts (the fuzzer's crash) when a call breaks the ABI's promises: TC_OK hands out a
/// result, a failure hands out none and says why, and nothing is an internal error.
/// Frees the result and sets *out to NULL. (A pointer to it, not its value: the call
/// that sets it must have run before it is read.)
inline void check(int status, char** out, const char* call) {
  const bool ok = status == TC_OK;
  if (ok != (*out != nullptr) || (!ok && tc_errmsg()[0] == '\0') || status == TC_INTERNAL) {
    std::fprintf(stderr, "%s: status %s, out %s, message \"%s\"\n", call, tc_strerror(status),
                 *out ? "set" : "NULL", tc_errmsg());
    std::abort();
  }
  tc_free(*out);
  *out = nullptr;
}

/// Aborts with the thread's message unless a setup call succeeded.
inline void require(int status, const char* what) {
  if (status == TC_OK) return;
  std::fprintf(stderr, "setup: %s: %s\n", what, tc_errmsg());
  std::abort();
}

/// A desk in memory on the standard preset with the tests' people and a manual clock, opened once.
inline tc_desk* desk() {
  static tc_desk* shared = [] {
    tc_desk_options options = TC_DESK_OPTIONS_INIT;
    options.people_json = TEST_PEOPLE;
    options.clock = TC_CLOCK_MANUAL;
    options.start_time = 1772587800;  // 2026-03-04T01:30:00Z, inside business hours
    tc_desk* d = nullptr;
    require(tc_desk_open(&d, &options), "tc_desk_open");
    return d;
  }();
  return shared;
}

/// An admin of the standard preset, who may do anything.
inline constexpr const char* kAdmin = "{\"kind\":\"admin\",\"id\":\"m-01\"}";

}  // namespace fuzz
