// Tag types: the standard ones, "type:value" split at the first ':', a customer's tags checked
// against the types with each refusal at its tag's path, and the checks of the types themselves.
#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <vector>

#include "customers/customer_fixtures.hpp"
#include "ticketcore/customers/tags.hpp"
#include "ticketcore/error.hpp"

using namespace ticketcore;

namespace {

void require_tags_refused(const std::vector<std::string>& tags, const std::string& path,
                          const std::string& words, const TagTypes& types = TagTypes::standard()) {
  INFO(Catch::Detail::stringify(tags));
  require_invalid([&] { check_tags(types, tags, "/tags"); }, path, words);
}

}  // namespace

TEST_CASE("tags: the standard types are DOMAIN.md's traits and a single service time") {
  const TagTypes types = TagTypes::standard();
  REQUIRE(types.types.size() == 2);
  CHECK(types.types[0] ==
        TagType{"trait",
                "Trait",
                {"frequent_buyer", "price_sensitive", "cares_about_after_sales", "enterprise"},
                false});
  CHECK(types.types[1] ==
        TagType{"service_time", "Preferred service time", {"weekday", "weekend", "evening"}, true});
  REQUIRE(types.find("service_time") != nullptr);
  CHECK(types.find("service_time")->single);
  CHECK(types.find("Trait") == nullptr);
  CHECK(TagTypes{}.find("trait") == nullptr);
  CHECK_NOTHROW(check_tag_types(types, "/customers/tag_types"));
}

TEST_CASE("tags: a typed tag splits at its first colon and a free tag has none") {
  auto typed = split_tag("trait:price_sensitive");
  REQUIRE(typed);
  CHECK(typed->type == "trait");
  CHECK(typed->value == "price_sensitive");
  typed = split_tag("note:a:b");
  REQUIRE(typed);
  CHECK(typed->type == "note");
  CHECK(typed->value == "a:b");
  typed = split_tag(":x");
  REQUIRE(typed);
  CHECK(typed->type.empty());
  CHECK_FALSE(split_tag("frequent buyer"));
  CHECK_FALSE(split_tag(""));
}

TEST_CASE("tags: free tags and configured values pass") {
  const TagTypes types = TagTypes::standard();
  CHECK_NOTHROW(check_tags(types, {}, "/tags"));
  CHECK_NOTHROW(check_tags(
      types,
      {"frequent buyer", "trait:price_sensitive", "trait:enterprise", "service_time:weekend", "价格敏感"},
      "/tags"));
  // With no types, free tags still pass.
  CHECK_NOTHROW(check_tags(TagTypes{}, {"vip lounge", "likes email"}, "/tags"));
  // A type without values takes any non-empty value.
  const TagTypes open{{TagType{"age_band", "Age band", {}, true}}};
  CHECK_NOTHROW(check_tags(open, {"age_band:30-39"}, "/tags"));
  require_tags_refused({"age_band:30-39", "age_band:40-49"}, "/tags/1", "age_band", open);
}

TEST_CASE("tags: a wrong typed tag is refused at its index") {
  require_tags_refused({"vip", "mood:happy"}, "/tags/1", "unknown tag type \"mood\"");
  require_tags_refused({"trait:rich"}, "/tags/0",
                       "\"rich\" is not a value of tag type \"trait\" (expected one of: frequent_buyer, "
                       "price_sensitive, cares_about_after_sales, enterprise)");
  require_tags_refused({"trait:frequent_buyer", ":weekend"}, "/tags/1", "needs a type");
  require_tags_refused({"trait:"}, "/tags/0", "needs a value");
  require_tags_refused({"Trait:enterprise"}, "/tags/0", "unknown tag type \"Trait\"");
  require_tags_refused({"trait:enterprise"}, "/tags/0", "unknown tag type \"trait\"", TagTypes{});
}

TEST_CASE("tags: a single type allows one tag and no tag may repeat") {
  require_tags_refused({"service_time:weekend", "trait:enterprise", "service_time:evening"}, "/tags/2",
                       "a second tag of tag type \"service_time\"");
  require_tags_refused({"likes email", "trait:enterprise", "likes email"}, "/tags/2",
                       "duplicate tag \"likes email\"");
  require_tags_refused({"service_time:weekend", "service_time:weekend"}, "/tags/1", "duplicate tag");
  // Two values of a type that is not single are fine.
  CHECK_NOTHROW(check_tags(TagTypes::standard(), {"trait:enterprise", "trait:price_sensitive"}, "/tags"));
}

TEST_CASE("tags: the checks of tag types name the field") {
  auto check = [](TagTypes types) { return [types] { check_tag_types(types, "/customers/tag_types"); }; };
  TagTypes t = TagTypes::standard();
  t.types[1].id = "trait";
  require_invalid(check(t), "/customers/tag_types/1/id", "duplicate tag type id \"trait\"");
  for (const char* bad : {"", "a:b", "a b", "a\tb"}) {
    INFO(bad);
    t = TagTypes::standard();
    t.types[0].id = bad;
    require_invalid(check(t), "/customers/tag_types/0/id", "without ':', spaces or control characters");
  }
  t = TagTypes::standard();
  t.types[0].id = std::string(65, 'a');
  require_invalid(check(t), "/customers/tag_types/0/id", "1-64 bytes");
  t = TagTypes::standard();
  t.types[1].name = "";
  require_invalid(check(t), "/customers/tag_types/1/name", "must not be empty");
  t = TagTypes::standard();
  t.types[0].values[1] = "";
  require_invalid(check(t), "/customers/tag_types/0/values/1", "must not be empty");
  t = TagTypes::standard();
  t.types[1].values.push_back("weekend");
  require_invalid(check(t), "/customers/tag_types/1/values/3", "duplicate value \"weekend\"");
  // "trait:" + 58 bytes is 64 bytes, a customer tag's limit; one more is refused.
  t = TagTypes::standard();
  t.types[0].values.push_back(std::string(58, 'v'));
  CHECK_NOTHROW(check_tag_types(t, ""));
  t.types[0].values.back() += "v";
  require_invalid(check(t), "/customers/tag_types/0/values/4", "longer than 64 bytes");
}
