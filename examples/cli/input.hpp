#pragma once
// Reading what the user hands in: files (or stdin), enum words, and errors whose path
// says where in the input the bad field is.

#include <string>
#include <string_view>

#include "ticketcore/error.hpp"
#include "ticketcore/model/enum_names.hpp"

namespace ticketcore::cli {

/// The whole text of a file, or of stdin for "-"; Error(not_found) at `option` when unreadable.
std::string read_text(const std::string& file, std::string_view option);

/// The enum value named by `word`; Error(invalid_input) at `path` listing the words otherwise.
template <class E>
E parse_word(std::string_view word, const std::string& path) {
  if (const auto value = enum_from_string<E>(word)) return *value;
  std::string expected;
  for (std::string_view name : EnumNames<E>::names) expected += (expected.empty() ? "" : ", ") + std::string(name);
  throw Error(ErrorCode::invalid_input, path,
              "unknown value \"" + std::string(word) + "\" (expected one of: " + expected + ")");
}

/// Runs `read`; an Error it throws is thrown again with `prefix` put before its path
/// ("/rows/3" + "/channel"), so the message says which record of a file is wrong.
template <class F>
decltype(auto) at_path(const std::string& prefix, F&& read) {
  try {
    return read();
  } catch (const Error& e) {
    throw Error(e.code(), prefix + e.path(), e.message());
  }
}

}  // namespace ticketcore::cli
