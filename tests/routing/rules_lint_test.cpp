// Lint warnings: shadowed rules, self-contradictions, actions that undo each other.
#include <catch2/catch.hpp>

#include "routing/rules_support.hpp"

using namespace ticketcore;
using namespace ticketcore::rules_test;

namespace {

json lint_rule(const char* id, json when, json then, bool stop = false) {
  return json{{"id", id}, {"name", id}, {"when", std::move(when)}, {"then", std::move(then)}, {"stop", stop}};
}

// The rules as a list: clang reads json{x} with one element as a copy of x, so the array is built explicitly.
std::vector<LintWarning> lint(std::initializer_list<json> rules) {
  return load(json{{"version", "v"}, {"rules", json(std::vector<json>(rules))}}).warnings();
}

const json tag_a = json::array({json{{"add_tag", "a"}}});
const json tag_b = json::array({json{{"add_tag", "b"}}});

}  // namespace

TEST_CASE("rules lint: a rule behind a stop rule whose condition covers it never fires") {
  const json complaint = cond("request_type", "eq", "complaint");
  const json vip = cond("customer.tier", "in", {"vip", "strategic"});
  // Identical condition.
  auto w = lint({lint_rule("first", complaint, tag_a, true), lint_rule("second", complaint, tag_b)});
  REQUIRE(w.size() == 1);
  CHECK(w[0].kind == LintKind::shadowed);
  CHECK(w[0].rule_id == "second");
  CHECK(w[0].path == "/rules/1");
  CHECK_THAT(w[0].message, Catch::Contains("\"first\""));
  // A stronger conjunction behind a weaker one.
  w = lint({lint_rule("first", json{{"all", {vip}}}, tag_a, true),
            lint_rule("second", json{{"all", {cond("customer.tier", "eq", "vip"), complaint}}}, tag_b)});
  REQUIRE(w.size() == 1);
  CHECK(w[0].rule_id == "second");
  // A catch-all stop rule shadows everything after it.
  w = lint({lint_rule("all", json{{"all", json::array()}}, tag_a, true), lint_rule("x", complaint, tag_b)});
  REQUIRE(w.size() == 1);
  CHECK(w[0].kind == LintKind::shadowed);
  // Identical non-set comparisons count too.
  const json late = cond("hours_since_created", "gt", 24);
  w = lint(
      {lint_rule("late", late, tag_a, true), lint_rule("late-complaint", json{{"all", {complaint, late}}}, tag_b)});
  REQUIRE(w.size() == 1);
  CHECK(w[0].rule_id == "late-complaint");
}

TEST_CASE("rules lint: rules that may still fire are not flagged") {
  const json complaint = cond("request_type", "eq", "complaint");
  // Not a stop rule, a narrower earlier rule, a disabled earlier rule, an undecidable one.
  CHECK(lint({lint_rule("first", complaint, tag_a), lint_rule("second", complaint, tag_b)}).empty());
  CHECK(lint({lint_rule("first", cond("customer.tier", "eq", "vip"), tag_a, true),
              lint_rule("second", cond("customer.tier", "in", {"vip", "normal"}), tag_b)})
            .empty());
  json disabled = lint_rule("first", complaint, tag_a, true);
  disabled["enabled"] = false;
  CHECK(lint({disabled, lint_rule("second", complaint, tag_b)}).empty());
  CHECK(lint({lint_rule("first", json{{"any", {complaint}}}, tag_a, true), lint_rule("second", complaint, tag_b)})
            .empty());
  CHECK(lint({lint_rule("first", cond("hours_since_created", "gt", 24), tag_a, true),
              lint_rule("second", cond("hours_since_created", "gt", 48), tag_b)})
            .empty());
}

TEST_CASE("rules lint: a condition that contradicts itself") {
  auto w = lint(
      {lint_rule("c", json{{"all", {cond("channel", "eq", "phone"), cond("channel", "eq", "email")}}}, tag_a)});
  REQUIRE(w.size() == 1);
  CHECK(w[0].kind == LintKind::contradiction);
  CHECK(w[0].rule_id == "c");
  CHECK(w[0].path == "/rules/0/when");
  CHECK_THAT(w[0].message, Catch::Contains("\"channel\""));
  // Nested, with in and not_in.
  w = lint({lint_rule("n",
                 json{{"any",
                       {cond("channel", "eq", "phone"),
                        json{{"all",
                              {cond("customer.tier", "in", {"vip", "strategic"}),
                               cond("customer.tier", "not_in", {"vip", "strategic"})}}}}}},
                 tag_a)});
  REQUIRE(w.size() == 1);
  CHECK(w[0].path == "/rules/0/when/any/1");
  // eq and ne on one value; numbers compare as numbers.
  w = lint({lint_rule("m", json{{"all", {cond("attributes.floor", "eq", 3), cond("attributes.floor", "ne", 3.0)}}},
                 tag_a)});
  CHECK(w.size() == 1);
  // Satisfiable: overlapping sets, different fields, tags (any-of).
  CHECK(lint({lint_rule("ok",
                   json{{"all", {cond("channel", "in", {"phone", "chat"}), cond("channel", "ne", "chat")}}},
                   tag_a)})
            .empty());
  CHECK(lint({lint_rule("ok", json{{"all", {cond("tags", "in", {"a"}), cond("tags", "in", {"b"})}}}, tag_a)})
            .empty());
  CHECK(lint({lint_rule("ok", json{{"any", {cond("channel", "eq", "phone"), cond("channel", "eq", "email")}}},
                   tag_a)})
            .empty());
}

TEST_CASE("rules lint: matching rules whose actions undo each other") {
  const json complaint = cond("request_type", "eq", "complaint");
  auto w = lint({lint_rule("add", complaint, json::array({json{{"add_tag", "x"}}})),
                 lint_rule("remove", json{{"all", json::array()}}, json::array({json{{"remove_tag", "x"}}}))});
  REQUIRE(w.size() == 1);
  CHECK(w[0].kind == LintKind::undoing_actions);
  CHECK(w[0].rule_id == "remove");
  CHECK_THAT(w[0].message, Catch::Contains("\"add\""));
  w = lint({lint_rule("a", complaint, json::array({json{{"set_team", "customer_relations"}}})),
            lint_rule("b", complaint, json::array({json{{"set_team", "technical_support"}}}))});
  REQUIRE(w.size() == 1);
  CHECK_THAT(w[0].message, Catch::Contains("set_team \"customer_relations\" then \"technical_support\""));
  w = lint({lint_rule("self", complaint, json::array({json{{"add_tag", "x"}}, json{{"remove_tag", "x"}}}))});
  REQUIRE(w.size() == 1);
  CHECK(w[0].rule_id == "self");
  // Not when the earlier rule stops, the two cannot both match, or the values agree.
  CHECK(
      lint({lint_rule("a", complaint, json::array({json{{"set_team", "customer_relations"}}}), true),
            lint_rule("b", json{{"all", json::array()}}, json::array({json{{"set_team", "technical_support"}}}))})
          .empty());
  CHECK(lint({lint_rule("a", complaint, json::array({json{{"set_team", "customer_relations"}}})),
              lint_rule("b", cond("request_type", "eq", "consultation"),
                   json::array({json{{"set_team", "technical_support"}}}))})
            .empty());
  CHECK(lint({lint_rule("a", complaint, json::array({json{{"set_team", "customer_relations"}}})),
              lint_rule("b", complaint, json::array({json{{"set_team", "customer_relations"}}}))})
            .empty());
}

TEST_CASE("rules lint: values compare as routing sees them") {
  // One instant written with two offsets, one number written two ways.
  const json utc = cond("created_at", "eq", "2026-05-01T00:00:00Z");
  const json shanghai = cond("created_at", "eq", "2026-05-01T08:00:00+08:00");
  auto w = lint({lint_rule("utc", utc, tag_a, true), lint_rule("shanghai", shanghai, tag_b)});
  REQUIRE(w.size() == 1);
  CHECK(w[0].kind == LintKind::shadowed);
  CHECK(lint({lint_rule("both", json{{"all", {utc, shanghai}}}, tag_a)}).empty());
  w = lint({lint_rule(
      "n",
      json{{"all", {cond("attributes.floor", "in", {3, 4}), cond("attributes.floor", "not_in", {3.0, 4.0})}}},
      tag_a)});
  REQUIRE(w.size() == 1);
  CHECK(w[0].kind == LintKind::contradiction);
  // A text is not a number: "3" and 3 are two values.
  CHECK(
      lint({lint_rule("t", json{{"all", {cond("attributes.floor", "eq", "3"), cond("attributes.floor", "ne", 3)}}},
                 tag_a)})
          .empty());
}
