// A required text field must hold something: "" is refused by name, as a missing field is.
#include <catch2/catch.hpp>

#include "ticketcore/error.hpp"
#include "ticketcore/model/json.hpp"

using namespace ticketcore;

namespace {

std::string error_of(const char* text) {
  try {
    (void)from_json_text<Customer>(text);
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("a required text that is empty is refused with its path") {
  CHECK(error_of(R"({"name": "Li Na"})") == "no error");
  CHECK(error_of(R"({"name": ""})") == "/name: must not be empty");
  CHECK(error_of(R"({})") == "/name: missing required field");
  CHECK(error_of(R"({"name": "x", "purchases": [{"product": ""}]})") == "/purchases/0/product: must not be empty");
}
