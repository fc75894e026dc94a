// docs/json.md shows the golden files as they are, so its examples cannot drift from the forms.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path);
  INFO(path);
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("docs/json.md shows every example as the golden file holds it") {
  const std::string golden = TICKETCORE_GOLDEN_DIR;
  const std::string page = read(golden + "/../../../docs/json.md");
  for (const char* name :
       {"decision", "explanation", "dry_run_report", "lint_warning", "lint_warnings", "assignment",
        "workload", "escalation", "priority_decision", "priority_decision_overridden", "policy_choice",
        "sla_status", "target_status", "due_action"}) {
    INFO(name << ".json: run TICKETCORE_UPDATE_GOLDEN=1 tc_test_json, then copy it into docs/json.md");
    CHECK(page.find("```json\n" + read(golden + "/" + name + ".json") + "```") != std::string::npos);
  }
  // The golden files the page names by path rather than shows.
  for (const char* name : {"decision_escalation", "assignment_queued", "due_actions"}) {
    INFO(name);
    CHECK(page.find(std::string("tests/json/golden/") + name + ".json") != std::string::npos);
    CHECK_FALSE(read(golden + "/" + name + ".json").empty());
  }
}
