#include "exit_codes.hpp"

#include <iostream>

#include <nlohmann/json.hpp>

namespace ticketcore::cli {

int exit_code_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::ok: return exit_ok;
    case ErrorCode::invalid_input:
    case ErrorCode::invalid_transition: return exit_data;
    case ErrorCode::not_found: return exit_no_input;
    case ErrorCode::conflict:
    case ErrorCode::busy: return exit_conflict;
    case ErrorCode::denied: return exit_denied;
    case ErrorCode::storage: return exit_io;
    case ErrorCode::out_of_memory: return exit_os;
    case ErrorCode::internal: return exit_internal;
  }
  return exit_internal;
}

namespace {

void write(std::string_view code, std::string_view path, std::string_view message, bool json) {
  if (json) {
    nlohmann::json error = {{"code", code}, {"message", message}};
    if (!path.empty()) error["path"] = path;
    // Library messages may quote bytes that are not UTF-8: replace them rather than fail.
    std::cerr << nlohmann::json{{"error", error}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
              << '\n';
    return;
  }
  std::cerr << "ticketcore: " << code << ": ";
  if (!path.empty()) std::cerr << path << ": ";
  std::cerr << message << '\n';
}

}  // namespace

void report_error(const Error& error, bool json) {
  write(to_string(error.code()), error.path(), error.message(), json);
}

void report_failure(std::string_view code, std::string_view message, bool json) { write(code, "", message, json); }

}  // namespace ticketcore::cli
