// JSON round trips of every model type and every class of validation error.
#include <catch2/catch.hpp>

#include "model/samples.hpp"
#include "ticketcore/error.hpp"
#include "ticketcore/model/json.hpp"

using namespace ticketcore;
using nlohmann::json;

namespace {

// Reading `j` as T fails with invalid_input at `path`, the message containing `fragment`.
template <class T>
void require_invalid(const json& j, const std::string& path, const std::string& fragment) {
  try {
    (void)j.get<T>();
    FAIL("accepted: " << j.dump());
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::invalid_input);
    CHECK(e.path() == path);
    CHECK_THAT(e.message(), Catch::Contains(fragment));
  }
}

template <class T>
void require_round_trip(const T& value) {
  const std::string text = to_json_text(value);
  const T back = from_json_text<T>(text);
  CHECK(back == value);
  CHECK(to_json_text(back) == text);
}

}  // namespace

TEST_CASE("every model type survives a JSON round trip with every field set") {
  require_round_trip(samples::customer());
  require_round_trip(samples::ticket());
  require_round_trip(samples::event());
  require_round_trip(samples::agent());
  require_round_trip(samples::team());
}

TEST_CASE("default-constructed values round trip too") {
  Customer c;
  c.name = "x";
  require_round_trip(c);
  Ticket t;
  t.customer_id = "C1";
  t.subject = "s";
  require_round_trip(t);
}

TEST_CASE("JSON output uses lower-case words, RFC 3339 with Z, and omits absent optionals") {
  json j = samples::ticket();
  CHECK(j["request_type"] == "technical_support");
  CHECK(j["status"] == "in_progress");
  CHECK(j["created_at"] == "2024-05-01T01:00:00Z");
  CHECK(j["impact"]["estimated_loss"]["currency"] == "CNY");
  json c = samples::customer();
  CHECK(c["tier"] == "vip");
  CHECK(c["birth_date"] == "1992-03-14");
  Customer bare;
  bare.name = "x";
  CHECK_FALSE(json(bare).contains("birth_date"));
}

TEST_CASE("minimal input gets the documented defaults") {
  auto t = from_json_text<Ticket>(R"({"customer_id": "C20240501001", "subject": "Where is my order?"})");
  CHECK(t.status == Status::new_ticket);
  CHECK(t.stage == Stage::intake);
  CHECK(t.urgency == Urgency::medium);
  CHECK(t.channel == Channel::other);
  CHECK(t.impact.users_affected == 0);
  CHECK_FALSE(t.impact.estimated_loss);
}

TEST_CASE("a wrong type names the field") {
  json t = samples::ticket();
  t["impact"]["users_affected"] = "many";
  require_invalid<Ticket>(t, "/impact/users_affected", "expected integer, got string");
  json c = samples::customer();
  c["phones"] = "13812345678";
  require_invalid<Customer>(c, "/phones", "expected array");
  c = samples::customer();
  c["phones"][1] = 13812345678;
  require_invalid<Customer>(c, "/phones/1", "expected string");
  json a = samples::agent();
  a["away"] = 1;
  require_invalid<Agent>(a, "/away", "expected boolean");
  require_invalid<Team>(json::array(), "", "expected object");
}

TEST_CASE("an unknown enum value names the field and the allowed words") {
  json t = samples::ticket();
  t["channel"] = "fax";
  require_invalid<Ticket>(t, "/channel", "unknown value \"fax\"");
  t = samples::ticket();
  t["request_type"] = "Technical_Support";  // words are case-sensitive
  require_invalid<Ticket>(t, "/request_type", "consultation, technical_support, complaint, other");
  json c = samples::customer();
  c["tier"] = "gold";
  require_invalid<Customer>(c, "/tier", "unknown value");
  json e = samples::event();
  e["kind"] = "deleted";
  require_invalid<Event>(e, "/kind", "unknown value");
  json r = samples::ticket();
  r["responsibility"]["party"] = "nobody";
  require_invalid<Ticket>(r, "/responsibility/party", "unknown value");
}

TEST_CASE("a missing required field names it") {
  json t = samples::ticket();
  t.erase("subject");
  require_invalid<Ticket>(t, "/subject", "missing required field");
  t = samples::ticket();
  t["attachments"][0].erase("storage_ref");
  require_invalid<Ticket>(t, "/attachments/0/storage_ref", "missing required field");
  json c = samples::customer();
  c.erase("name");
  require_invalid<Customer>(c, "/name", "missing required field");
  json e = samples::event();
  e.erase("at");
  require_invalid<Event>(e, "/at", "missing required field");
  json a = samples::agent();
  a.erase("id");
  require_invalid<Agent>(a, "/id", "missing required field");
  json s = samples::ticket();
  s["satisfaction"].erase("attitude");
  require_invalid<Ticket>(s, "/satisfaction/attitude", "missing required field");
}

TEST_CASE("invalid UTF-8 is refused, in text and in built JSON") {
  json t = samples::ticket();
  t["subject"] = std::string("bad \xC3\x28 byte");
  require_invalid<Ticket>(t, "/subject", "invalid UTF-8");
  t = samples::ticket();
  t["description"] = std::string("overlong \xC0\xAF slash");
  require_invalid<Ticket>(t, "/description", "invalid UTF-8");
  t = samples::ticket();
  t["tags"][0] = std::string("surrogate \xED\xA0\x80");
  require_invalid<Ticket>(t, "/tags/0", "invalid UTF-8");
  t = samples::ticket();
  t["subject"] = std::string("truncated \xE4\xB8");
  require_invalid<Ticket>(t, "/subject", "invalid UTF-8");
  REQUIRE_THROWS_AS(from_json_text<Ticket>("{\"customer_id\": \"C1\", \"subject\": \"\xFF\"}"), Error);
  // Valid multi-byte text is fine.
  t = samples::ticket();
  t["subject"] = "路由器每小时重启 🔁";
  CHECK(t.get<Ticket>().subject == "路由器每小时重启 🔁");
}

TEST_CASE("ratings and counts out of range are refused") {
  json t = samples::ticket();
  t["satisfaction"]["efficiency"] = 6;
  require_invalid<Ticket>(t, "/satisfaction/efficiency", "out of range: 6 (expected 1 to 5)");
  t["satisfaction"]["efficiency"] = 0;
  require_invalid<Ticket>(t, "/satisfaction/efficiency", "out of range");
  t = samples::ticket();
  t["impact"]["users_affected"] = -1;
  require_invalid<Ticket>(t, "/impact/users_affected", "out of range");
  t = samples::ticket();
  t["impact"]["estimated_loss"]["amount"] = -5;
  require_invalid<Ticket>(t, "/impact/estimated_loss/amount", "must not be negative");
  t = samples::ticket();
  t["solution_options"][1]["fee"]["currency"] = "yuan";
  require_invalid<Ticket>(t, "/solution_options/1/fee/currency", "");
  json a = samples::agent();
  a["max_concurrent_tickets"] = 0;
  require_invalid<Agent>(a, "/max_concurrent_tickets", "out of range");
  json e = samples::event();
  e["at"] = "2024-02-30T00:00:00Z";
  require_invalid<Event>(e, "/at", "not an RFC 3339 instant");
  json c = samples::customer();
  c["birth_date"] = "1992-13-01";
  require_invalid<Customer>(c, "/birth_date", "not a YYYY-MM-DD date");
}

TEST_CASE("over-long strings and lists are refused") {
  json t = samples::ticket();
  t["subject"] = std::string(257, 'x');
  require_invalid<Ticket>(t, "/subject", "too long: 257 bytes (at most 256)");
  t = samples::ticket();
  t["id"] = std::string(65, '1');
  require_invalid<Ticket>(t, "/id", "too long");
  t = samples::ticket();
  t["description"] = std::string(65537, 'd');
  require_invalid<Ticket>(t, "/description", "too long");
  t = samples::ticket();
  t["solution_options"].push_back(t["solution_options"][0]);
  t["solution_options"].push_back(t["solution_options"][1]);
  require_invalid<Ticket>(t, "/solution_options", "too many items: 4 (at most 3)");
}

TEST_CASE("unknown keys are refused except under attributes and payload") {
  json t = samples::ticket();
  t["sla_policy"] = "gold";
  require_invalid<Ticket>(t, "/sla_policy", "unknown field");
  t = samples::ticket();
  t["impact"]["region"] = "east";
  require_invalid<Ticket>(t, "/impact/region", "unknown field");
  json c = samples::customer();
  c["purchases"][0]["colour"] = "red";
  require_invalid<Customer>(c, "/purchases/0/colour", "unknown field");
  t = samples::ticket();
  t["attributes"]["anything/goes"] = "yes";
  CHECK(std::get<std::string>(t.get<Ticket>().attributes.at("anything/goes")) == "yes");
  json e = samples::event();
  e["payload"]["text"] = "hello";
  CHECK(e.get<Event>().payload.size() == 3);
}

TEST_CASE("attribute values are scalars") {
  json t = samples::ticket();
  t["attributes"]["list"] = json::array({1, 2});
  require_invalid<Ticket>(t, "/attributes/list", "expected null, boolean, number or string");
  t = samples::ticket();
  t["attributes"]["big"] = std::uint64_t(1) << 63;
  require_invalid<Ticket>(t, "/attributes/big", "integer out of range");
}

TEST_CASE("solution choices must name an option, once") {
  json t = samples::ticket();
  t["chosen_solution"] = "opt-9";
  require_invalid<Ticket>(t, "/chosen_solution", "no solution option has id \"opt-9\"");
  t = samples::ticket();
  t["solution_options"][1]["id"] = "opt-1";
  require_invalid<Ticket>(t, "/solution_options/1/id", "duplicate option id");
}

TEST_CASE("JSON paths escape '/' and '~' as RFC 6901 says") {
  json c = samples::customer();
  c["purchases"][0]["a/b~c"] = 1;
  require_invalid<Customer>(c, "/purchases/0/a~1b~0c", "unknown field");
}

TEST_CASE("syntax errors in JSON text are Errors, and failed reads leave the target unchanged") {
  REQUIRE_THROWS_AS(from_json_text<Ticket>("{\"subject\": "), Error);
  Ticket t = samples::ticket();
  json bad = samples::ticket();
  bad["urgency"] = "extreme";
  REQUIRE_THROWS_AS(from_json(bad, t), Error);
  CHECK(t == samples::ticket());
}

namespace {

// `j` as text with the value at the top-level `key` replaced by the raw number text `number`.
std::string with_raw_number(json j, const std::string& key, const std::string& number) {
  const std::string marker = "987654321987654321";
  j[key] = 987654321987654321LL;
  std::string text = j.dump();
  text.replace(text.find(marker), marker.size(), number);
  return text;
}

// Reading `text` as T throws ticketcore::Error with invalid_input, and nothing else.
template <class T>
void require_invalid_text(const std::string& text) {
  INFO(text);
  try {
    (void)from_json_text<T>(text);
    FAIL("accepted");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::invalid_input);
  } catch (const std::exception& e) {
    FAIL("not a ticketcore::Error: " << e.what());
  }
}

template <class T>
void require_number_overflow_refused(const json& sample, const std::string& key) {
  require_invalid_text<T>("7E777");
  require_invalid_text<T>("{\"x\":-1e400}");
  require_invalid_text<T>(with_raw_number(sample, key, "1e400"));
  require_invalid_text<T>(with_raw_number(sample, key, "-7E777"));
}

}  // namespace

TEST_CASE("a JSON number too large for a double is an invalid_input Error in every model reader") {
  require_number_overflow_refused<Customer>(samples::customer(), "version");
  require_number_overflow_refused<Ticket>(samples::ticket(), "version");
  require_number_overflow_refused<Event>(samples::event(), "sequence");
  require_number_overflow_refused<Agent>(samples::agent(), "max_concurrent_tickets");
  require_number_overflow_refused<Team>(samples::team(), "id");
  CHECK_THROWS_AS(parse_json("1e400"), Error);
}
