// Every JSON text entry point refuses a number too large for a double (nlohmann reports it
// as out_of_range, not as a parse_error) with ticketcore::Error{invalid_input}, nothing else.
#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <vector>

#include "sla/presets.hpp"
#include "ticketcore/calendar/business_calendar.hpp"
#include "ticketcore/error.hpp"
#include "ticketcore/model/json.hpp"
#include "routing/presets.hpp"
#include "ticketcore/sla/config.hpp"
#include "ticketcore/sla/priority.hpp"
#include "ticketcore/workflow/workflow.hpp"

using namespace ticketcore;
using nlohmann::json;

namespace {

// The document `text` (an object) with every top-level value in turn written as the raw `number`.
std::vector<std::string> with_raw_number(std::string_view text, const std::string& number) {
  const json doc = json::parse(text);
  std::vector<std::string> out;
  for (const auto& item : doc.items()) {
    const std::string marker = "987654321987654321";
    json j = doc;
    j[item.key()] = 987654321987654321LL;
    std::string s = j.dump();
    s.replace(s.find(marker), marker.size(), number);
    out.push_back(s);
  }
  return out;
}

// `read` on each text throws ticketcore::Error with invalid_input, and nothing else.
void require_refused(const std::function<void(std::string_view)>& read, std::string_view valid) {
  std::vector<std::string> texts = {"7E777", "{\"x\":-1e400}", "[1e400]"};
  for (const char* number : {"1e400", "-7E777"})
    for (auto& t : with_raw_number(valid, number)) texts.push_back(std::move(t));
  REQUIRE_NOTHROW(read(valid));
  for (const auto& text : texts) {
    INFO(text);
    try {
      read(text);
      FAIL("accepted");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::invalid_input);
    } catch (const std::exception& e) {
      FAIL("not a ticketcore::Error: " << e.what());
    }
  }
}

}  // namespace

TEST_CASE("a JSON number too large for a double is an invalid_input Error from every text entry point") {
  SECTION("BusinessCalendar") {
    require_refused([](std::string_view t) { (void)BusinessCalendar::from_json_text(t); },
                    BusinessCalendar::always_open().to_json_text());
  }
  SECTION("RuleSet") {
    require_refused([](std::string_view t) { (void)RuleSet::from_json_text(t, detail::preset_directory()); },
                    detail::preset_rules_json());
  }
  SECTION("SlaConfig") {
    require_refused([](std::string_view t) { (void)SlaConfig::from_json_text(t); },
                    detail::config_preset_text("standard"));
  }
  SECTION("PriorityScheme") {
    require_refused([](std::string_view t) { (void)PriorityScheme::from_json_text(t); },
                    detail::sla_preset("standard").priority_scheme.to_json_text());
  }
  SECTION("Workflow") {
    require_refused([](std::string_view t) { (void)Workflow::from_json_text(t); },
                    Workflow::standard().to_json_text());
  }
  SECTION("AssignmentConfig") {
    require_refused([](std::string_view t) { (void)AssignmentConfig::from_json_text(t); },
                    detail::preset_assignment_json());
  }
  SECTION("EscalationPolicy") {
    require_refused([](std::string_view t) { (void)EscalationPolicy::from_json_text(t); },
                    detail::preset_escalation_json());
  }
  SECTION("parse_json") {
    require_refused([](std::string_view t) { (void)parse_json(t); }, "{\"a\":1}");
  }
}
