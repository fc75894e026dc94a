#pragma once
// The one exception type of ticketcore, and the error codes shared with the C ABI.

#include <stdexcept>
#include <string>
#include <string_view>

namespace ticketcore {

/// Error codes; the numbers are the C ABI's status codes and are never renumbered.
enum class ErrorCode : int {
  ok = 0,                  ///< success (never thrown)
  invalid_input = 1,       ///< a value failed validation; the path names the field
  not_found = 2,           ///< the entity named does not exist
  conflict = 3,            ///< a concurrent change won (version mismatch) or a duplicate
  invalid_transition = 4,  ///< the workflow does not allow this status or stage change
  denied = 5,              ///< the actor may not do this (access rules, docs/access.md)
  storage = 6,             ///< the store failed
  out_of_memory = 7,       ///< allocation failed
  internal = 8,            ///< a bug in ticketcore
  busy = 9,                ///< the store stayed locked by another writer past its busy timeout: retry later
};

/// The stable lower-case name of an error code ("invalid_input").
std::string_view to_string(ErrorCode code) noexcept;

/// Thrown by every ticketcore call that fails; what() is "path: message".
class Error : public std::runtime_error {
 public:
  /// An error with a code, the JSON path of the offending field (may be empty) and a message.
  Error(ErrorCode code, std::string path, std::string message);

  /// The code shared with the C ABI.
  ErrorCode code() const noexcept { return code_; }
  /// The JSON path of the offending field ("/tickets/0/priority"), or empty.
  const std::string& path() const noexcept { return path_; }
  /// The message without the path.
  const std::string& message() const noexcept { return message_; }

 private:
  ErrorCode code_;
  std::string path_;
  std::string message_;
};

/// Throws Error{invalid_input, path, message}.
[[noreturn]] void throw_invalid(std::string path, std::string message);

}  // namespace ticketcore
