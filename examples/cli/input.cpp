#include "input.hpp"

#include <fstream>
#include <iostream>
#include <iterator>

namespace ticketcore::cli {

std::string read_text(const std::string& file, std::string_view option) {
  if (file == "-") return {std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(ErrorCode::not_found, std::string(option), "cannot read " + file);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace ticketcore::cli
