// Customers through the Desk: phones and emails stored in one form and found however
// they are written; a number that is none refused at its path, nothing written.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "desk_harness.hpp"

using namespace desk_test;

TEST_CASE("customers: a phone number is found in any common format") {
  Harness h;
  Customer c;
  c.name = "李娜";
  c.gender = Gender::female;
  c.phones = {"+86 138-1234-5678", "(010) 8888 6666"};
  c.emails = {"Li.Na@Example.COM"};
  const Customer registered = h.desk->register_customer(kAdmin, c);
  const Customer stored = *h.store->read()->customer(registered.id);
  CHECK(stored.phones == std::vector<std::string>{"+8613812345678", "+861088886666"});
  CHECK(stored.emails == std::vector<std::string>{"Li.Na@example.com"});
  CHECK(registered.phones == std::vector<std::string>{"138****5678", "010****6666"});  // shown masked

  const std::vector<std::string> mobile{"13812345678",      "+8613812345678",   "+86 138 1234 5678",
                                        "0086 13812345678", "138-1234-5678",    "138 1234 5678",
                                        "+86-138-1234-5678", "１３８１２３４５６７８", "tel:+86-138-1234-5678",
                                        "(+86) 138 1234 5678"};
  const std::vector<std::string> landline{"010-88886666", "(010) 88886666", "+86 10 8888 6666", "01088886666",
                                          "0086 10 8888 6666"};
  for (const auto& list : {mobile, landline})
    for (const std::string& written : list) {
      INFO(written);
      CustomerQuery q;
      q.phone = written;
      const CustomerPage page = h.desk->find_customers(kAdmin, q);
      REQUIRE(page.customers.size() == 1);
      CHECK(page.customers[0].id == registered.id);
    }
  CustomerQuery typo;
  typo.phone = "138123";
  CHECK(h.desk->find_customers(kAdmin, typo).customers.empty());
  CustomerQuery mail;
  mail.email = "  LI.NA@EXAMPLE.COM ";
  CHECK(h.desk->find_customers(kAdmin, mail).customers.size() == 1);
}

TEST_CASE("customers: a phone or email that is none is refused at its path and nothing is written") {
  Harness h;
  const std::string before = h.dump();
  Customer c;
  c.name = "王强";
  c.phones = {"13812345678", "call me maybe"};
  try {
    h.desk->register_customer(kAdmin, c);
    FAIL("registered a customer with no phone number");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::invalid_input);
    CHECK(e.path() == "/phones/1");
  }
  c.phones = {"13812345678"};
  c.emails = {"wang at example.com"};
  try {
    h.desk->register_customer(kAdmin, c);
    FAIL("registered a customer with no email address");
  } catch (const Error& e) {
    CHECK(e.path() == "/emails/0");
  }
  CHECK(h.dump() == before);
}

TEST_CASE("customers: the desk's default region reads numbers written without a country code") {
  nlohmann::json doc = nlohmann::json::parse(fixture::standard_desk().to_json_text());
  doc["customers"]["default_region"] = "US";
  Harness h;
  h.desk->publish(kAdmin, [&] {
    doc["version"] = "standard-us";
    return DeskConfig::from_json_text(doc.dump());
  }());
  Customer c;
  c.name = "Jane Smith";
  c.phones = {"(650) 253-0000"};
  const Customer registered = h.desk->register_customer(kAdmin, c);
  CHECK(h.store->read()->customer(registered.id)->phones == std::vector<std::string>{"+16502530000"});
  doc["customers"]["default_region"] = "XX";
  try {
    (void)DeskConfig::from_json_text(doc.dump());
    FAIL("an unknown region was accepted");
  } catch (const Error& e) {
    CHECK(e.path() == "/customers/default_region");
  }
}
