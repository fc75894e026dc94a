#pragma once
// The exception firewall and the calling thread's last error (ticketcore.h, "Status").
// Every extern "C" body that can fail runs inside guard(): nothing thrown leaves it.

#include <exception>
#include <new>
#include <string>
#include <string_view>
#include <utility>

#include "ticketcore.h"
#include "ticketcore/error.hpp"

namespace ticketcore::capi {

/// Clears the thread's last error: called on entry of every status-returning call.
void clear_error() noexcept;
/// Records the thread's last error, message = prefix + text; returns its status. Takes
/// views so that a catch handler builds no string that could throw; on out of memory
/// the message falls back to a fixed text.
int set_error(ErrorCode code, std::string_view path, std::string_view prefix, std::string_view text) noexcept;

/// An error in reading one argument: the message names the argument ("request: /subject: ...").
class ArgumentError : public Error {
 public:
  /// `argument` is a string literal: the parameter's name in ticketcore.h.
  ArgumentError(const char* argument, const Error& cause) : Error(cause), argument_(argument) {}
  /// The parameter's name.
  const char* argument() const noexcept { return argument_; }

 private:
  const char* argument_;
};

/// Runs `f` (which returns nothing and throws on failure) and turns what it throws
/// into a status: Error keeps its code, std::bad_alloc is TC_NOMEM, anything else
/// TC_INTERNAL. The thread's last error is cleared first, set on failure.
template <class F>
int guard(F&& f) noexcept {
  clear_error();
  try {
    std::forward<F>(f)();
    return TC_OK;
  } catch (const ArgumentError& e) {
    // "request: /subject: missing required field"
    std::string_view prefix = e.argument();
    return set_error(e.code(), e.path(), prefix, e.what());
  } catch (const Error& e) {
    return set_error(e.code(), e.path(), "", e.what());  // what() is "path: message"
  } catch (const std::bad_alloc&) {
    return set_error(ErrorCode::out_of_memory, "", "", "out of memory");
  } catch (const std::exception& e) {
    return set_error(ErrorCode::internal, "", "internal error: ", e.what());
  } catch (...) {
    return set_error(ErrorCode::internal, "", "", "internal error: an unknown exception");
  }
}

}  // namespace ticketcore::capi
