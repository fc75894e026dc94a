// Validating assignment strategies: every bad input names its JSON path.
#include <catch2/catch.hpp>

#include "routing/assignment_fixtures.hpp"
#include "ticketcore/error.hpp"
#include "ticketcore/routing/assignment.hpp"

using namespace ticketcore;
using namespace ticketcore;

namespace {

// The error a document gets, as "path: message".
std::string assignment_error(const std::string& text, std::span<const Team> teams = {}) {
  try {
    AssignmentConfig::from_json_text(text, teams);
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::invalid_input);
    return e.path() + ": " + e.message();
  }
  return "no error";
}

std::string with_filter(const std::string& filter) {
  return R"({"strategies": [{"id": "s", "filters": [{"kind": "availability"}, )" + filter + "]}]}";
}

}  // namespace

TEST_CASE("a valid document reads every filter kind and its options") {
  const auto config = AssignmentConfig::from_json_text(R"({"strategies": [
    {"id": "all", "description": "every filter", "chooser": "round_robin", "fallback": "none",
     "filters": [
       {"kind": "team", "team": "tech"}, {"kind": "team"},
       {"kind": "role", "roles": ["agent", "supervisor"]},
       {"kind": "skills", "skills": ["hardware"]},
       {"kind": "certification"},
       {"kind": "certification", "from": "subtype", "keep_if_missing": true},
       {"kind": "language", "from": "attributes.lang"},
       {"kind": "seniority", "at_least": "expert"},
       {"kind": "tier_affinity", "tiers": {"normal": "regular", "strategic": "expert"}},
       {"kind": "availability"}, {"kind": "capacity"}]},
    {"id": "none"}]})");
  REQUIRE(config.strategies().size() == 2);
  const AssignmentStrategy* s = config.find("all");
  REQUIRE(s);
  CHECK(s->chooser == ChooserKind::round_robin);
  CHECK(s->fallback == "none");
  REQUIRE(s->filters.size() == 11);
  CHECK(s->filters[0].team == "tech");
  CHECK(s->filters[1].team.empty());
  CHECK(s->filters[2].roles == std::vector<Role>{Role::agent, Role::supervisor});
  CHECK(s->filters[4].from == "attributes.product");
  CHECK(s->filters[4].attribute == "product");
  CHECK_FALSE(s->filters[4].keep_if_missing);
  CHECK(s->filters[5].attribute.empty());
  CHECK(s->filters[5].keep_if_missing);
  CHECK(s->filters[6].attribute == "lang");
  CHECK(s->filters[6].keep_if_missing);  // language keeps everyone by default
  CHECK(s->filters[7].at_least == Seniority::expert);
  CHECK(s->filters[8].tier_minimum == std::array{Seniority::regular, Seniority::senior, Seniority::expert});
  const AssignmentStrategy* none = config.find("none");
  REQUIRE(none);
  CHECK(none->filters.empty());
  CHECK(none->chooser == ChooserKind::least_loaded);
  CHECK(config.find("missing") == nullptr);
}

TEST_CASE("validation errors name the JSON path") {
  CHECK(assignment_error("{}") == "/strategies: missing required field");
  CHECK(assignment_error(R"({"strategies": {}})") == "/strategies: expected array, got object");
  CHECK(assignment_error(R"({"strategies": [], "extra": 1})").starts_with("/extra: "));
  CHECK(assignment_error(R"({"strategies": [{"description": "x"}]})") == "/strategies/0/id: missing required field");
  CHECK(assignment_error(R"({"strategies": [{"id": ""}]})") == "/strategies/0/id: must not be empty");
  CHECK(assignment_error(R"({"strategies": [{"id": "a"}, {"id": "a"}]})") ==
        "/strategies/1/id: duplicate strategy id \"a\"");
  CHECK_THAT(assignment_error(R"({"strategies": [{"id": "a", "chooser": "random"}]})"),
             Catch::StartsWith("/strategies/0/chooser: unknown value \"random\""));
  CHECK(assignment_error(R"({"strategies": [{"id": "a", "filters": {}}]})") ==
        "/strategies/0/filters: expected array, got object");
  CHECK(assignment_error(R"({"strategies": [{"id": "a", "filter": []}]})").starts_with("/strategies/0/filter: "));

  CHECK(assignment_error(with_filter("{}")) == "/strategies/0/filters/1/kind: missing required field");
  CHECK_THAT(assignment_error(with_filter(R"({"kind": "mood"})")),
             Catch::StartsWith("/strategies/0/filters/1/kind: unknown value \"mood\""));
  CHECK(assignment_error(with_filter(R"({"kind": "capacity", "team": "x"})"))
            .starts_with("/strategies/0/filters/1/team: "));
  CHECK(assignment_error(with_filter(R"({"kind": "team", "team": ""})")) ==
        "/strategies/0/filters/1/team: empty team id");
  CHECK(assignment_error(with_filter(R"({"kind": "role"})")) ==
        "/strategies/0/filters/1/roles: missing required field");
  CHECK(assignment_error(with_filter(R"({"kind": "role", "roles": []})")) ==
        "/strategies/0/filters/1/roles: at least one role is required");
  CHECK_THAT(assignment_error(with_filter(R"({"kind": "role", "roles": ["boss"]})")),
             Catch::StartsWith("/strategies/0/filters/1/roles/0: unknown value \"boss\""));
  CHECK(assignment_error(with_filter(R"({"kind": "skills", "skills": []})")) ==
        "/strategies/0/filters/1/skills: at least one skill is required");
  CHECK(assignment_error(with_filter(R"({"kind": "skills", "skills": [1]})")) ==
        "/strategies/0/filters/1/skills/0: expected string, got integer");
  CHECK(assignment_error(with_filter(R"({"kind": "certification", "from": "product"})")) ==
        "/strategies/0/filters/1/from: expected \"subtype\" or \"attributes.NAME\", got \"product\"");
  CHECK(assignment_error(with_filter(R"({"kind": "language", "from": "attributes."})"))
            .starts_with("/strategies/0/filters/1/from: "));
  CHECK(assignment_error(with_filter(R"({"kind": "certification", "keep_if_missing": "yes"})")) ==
        "/strategies/0/filters/1/keep_if_missing: expected boolean, got string");
  CHECK(assignment_error(with_filter(R"({"kind": "seniority"})")) ==
        "/strategies/0/filters/1/at_least: missing required field");
  CHECK_THAT(assignment_error(with_filter(R"({"kind": "seniority", "at_least": "guru"})")),
             Catch::StartsWith("/strategies/0/filters/1/at_least: unknown value \"guru\""));
  CHECK(assignment_error(with_filter(R"({"kind": "tier_affinity", "tiers": {"gold": "senior"}})"))
            .starts_with("/strategies/0/filters/1/tiers/gold: "));
  CHECK_THAT(assignment_error(with_filter(R"({"kind": "tier_affinity", "tiers": {"vip": "boss"}})")),
             Catch::StartsWith("/strategies/0/filters/1/tiers/vip: unknown value \"boss\""));
}

TEST_CASE("fallbacks must name a strategy and never loop") {
  CHECK(assignment_error(R"({"strategies": [{"id": "a"}, {"id": "b", "fallback": "c"}]})") ==
        "/strategies/1/fallback: unknown strategy \"c\"");
  CHECK(assignment_error(R"({"strategies": [{"id": "a", "fallback": "a"}]})") ==
        "/strategies/0/fallback: fallback chain loops: a -> a");
  CHECK(assignment_error(R"({"strategies": [{"id": "x", "fallback": "a"}, {"id": "a", "fallback": "b"},
                                    {"id": "b", "fallback": "a"}]})") ==
        "/strategies/0/fallback: fallback chain loops: x -> a -> b -> a");
}

TEST_CASE("team ids are checked against the desk's teams when given") {
  const std::vector<Team> teams = {testing::team("tech")};
  const std::string doc = with_filter(R"({"kind": "team", "team": "sales"})");
  CHECK(assignment_error(doc, teams) == "/strategies/0/filters/1/team: unknown team \"sales\"");
  CHECK(assignment_error(doc) == "no error");
  CHECK(assignment_error(with_filter(R"({"kind": "team", "team": "tech"})"), teams) == "no error");
}

TEST_CASE("JSON syntax errors are Errors too") {
  CHECK_THROWS_AS(AssignmentConfig::from_json_text("{\"strategies\": ["), Error);
}
