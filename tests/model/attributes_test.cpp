// Attributes: a sorted array with std::map's behaviour for the operations the library uses.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

#include "ticketcore/model/attributes.hpp"
#include "ticketcore/model/json.hpp"
#include "ticketcore/model/ticket.hpp"

using namespace ticketcore;

TEST_CASE("attributes stay in name order, whatever the order they were added in") {
  Attributes a;
  a["region"] = std::string("east");
  a["category"] = std::string("billing");
  a["tier"] = std::int64_t{2};
  a["account"] = true;
  std::string names;
  for (const auto& [name, value] : a) names += name + ",";
  CHECK(names == "account,category,region,tier,");
  CHECK(a.size() == 4);
}

TEST_CASE("attributes: find, at, contains, emplace and erase behave as std::map's") {
  Attributes a{{"b", std::int64_t{1}}, {"a", std::string("x")}, {"b", std::int64_t{9}}};
  CHECK(a.size() == 2);
  CHECK(std::get<std::int64_t>(a.at("b")) == 1);  // a repeated name keeps its first value
  CHECK(a.find("c") == a.end());
  CHECK(a.find("") == a.end());
  CHECK(a.contains("a"));
  CHECK_THROWS_AS(a.at("c"), std::out_of_range);

  auto [at, added] = a.emplace("a", std::string("y"));
  CHECK_FALSE(added);
  CHECK(std::get<std::string>(at->second) == "x");
  a.insert_or_assign("a", std::string("y"));
  CHECK(std::get<std::string>(a.at("a")) == "y");
  CHECK(std::holds_alternative<std::monostate>(a["new"]));  // operator[] adds null

  CHECK(a.erase("b") == 1);
  CHECK(a.erase("b") == 0);
  CHECK(a == Attributes{{"a", std::string("y")}, {"new", AttributeValue()}});
  a.clear();
  CHECK(a.empty());
}

TEST_CASE("a ticket's attributes are written in name order and read back equal") {
  Ticket t;
  t.id = "202605-1";
  t.customer_id = "C-1";
  t.subject = "s";
  t.attributes["zone"] = 1.5;
  t.attributes["alpha"] = std::string("a");
  const std::string text = to_json_text(t);
  CHECK(text.find("\"alpha\"") < text.find("\"zone\""));
  CHECK(from_json_text<Ticket>(text).attributes == t.attributes);
}
