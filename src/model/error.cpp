#include "ticketcore/error.hpp"

namespace ticketcore {

std::string_view to_string(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::ok: return "ok";
    case ErrorCode::invalid_input: return "invalid_input";
    case ErrorCode::not_found: return "not_found";
    case ErrorCode::conflict: return "conflict";
    case ErrorCode::invalid_transition: return "invalid_transition";
    case ErrorCode::denied: return "denied";
    case ErrorCode::storage: return "storage";
    case ErrorCode::out_of_memory: return "out_of_memory";
    case ErrorCode::internal: return "internal";
    case ErrorCode::busy: return "busy";
  }
  return "unknown";
}

static std::string join(const std::string& path, const std::string& message) {
  return path.empty() ? message : path + ": " + message;
}

Error::Error(ErrorCode code, std::string path, std::string message)
    : std::runtime_error(join(path, message)),
      code_(code),
      path_(std::move(path)),
      message_(std::move(message)) {}

void throw_invalid(std::string path, std::string message) {
  throw Error(ErrorCode::invalid_input, std::move(path), std::move(message));
}

}  // namespace ticketcore
