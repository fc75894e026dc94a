// The calling thread's last error, tc_errmsg / tc_errpath / tc_strerror.
#include "errors.hpp"

namespace ticketcore::capi {
namespace {

// Per thread: what the last failed call said. The strings keep their capacity, so a
// later error rarely allocates; when it cannot, `fallback` points at a fixed text.
struct LastError {
  std::string message;
  std::string path;
  const char* fallback = nullptr;
};

thread_local LastError last;

}  // namespace

void clear_error() noexcept {
  last.message.clear();
  last.path.clear();
  last.fallback = nullptr;
}

int set_error(ErrorCode code, std::string_view path, std::string_view prefix, std::string_view text) noexcept {
  // ok is never thrown; should it be, the caller must still see a failure.
  const int status = code == ErrorCode::ok ? TC_INTERNAL : static_cast<int>(code);
  try {
    last.message.assign(prefix);
    if (!prefix.empty()) last.message += ": ";
    last.message += text;
    last.path.assign(path);
    last.fallback = nullptr;
  } catch (...) {
    last.message.clear();
    last.path.clear();
    last.fallback = "out of memory while recording an error";
  }
  return status;
}

}  // namespace ticketcore::capi

using namespace ticketcore;

// The codes of ticketcore.h are ErrorCode's numbers: a renumbering fails the build.
static_assert(TC_OK == static_cast<int>(ErrorCode::ok));
static_assert(TC_INVALID == static_cast<int>(ErrorCode::invalid_input));
static_assert(TC_NOT_FOUND == static_cast<int>(ErrorCode::not_found));
static_assert(TC_CONFLICT == static_cast<int>(ErrorCode::conflict));
static_assert(TC_INVALID_TRANSITION == static_cast<int>(ErrorCode::invalid_transition));
static_assert(TC_DENIED == static_cast<int>(ErrorCode::denied));
static_assert(TC_STORAGE == static_cast<int>(ErrorCode::storage));
static_assert(TC_NOMEM == static_cast<int>(ErrorCode::out_of_memory));
static_assert(TC_INTERNAL == static_cast<int>(ErrorCode::internal));
static_assert(TC_BUSY == static_cast<int>(ErrorCode::busy));

extern "C" {

const char* tc_errmsg(void) {
  const capi::LastError& e = capi::last;
  return e.fallback ? e.fallback : e.message.c_str();
}

const char* tc_errpath(void) { return capi::last.path.c_str(); }

const char* tc_strerror(int status) {
  switch (status) {
    case TC_OK: return "ok";
    case TC_INVALID: return "invalid_input";
    case TC_NOT_FOUND: return "not_found";
    case TC_CONFLICT: return "conflict";
    case TC_INVALID_TRANSITION: return "invalid_transition";
    case TC_DENIED: return "denied";
    case TC_STORAGE: return "storage";
    case TC_NOMEM: return "out_of_memory";
    case TC_INTERNAL: return "internal";
    case TC_BUSY: return "busy";
  }
  return "unknown";
}

}  // extern "C"
