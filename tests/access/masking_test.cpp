// Display masking: each rule on ordinary and short values, names Chinese and not, emoji
// clusters never split, invalid UTF-8 refused with the field's path, the policy's JSON,
// and masked(Customer) for each kind of customer.
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "model/json_read.hpp"
#include "ticketcore/access/masking.hpp"
#include "ticketcore/error.hpp"

using namespace ticketcore;
using R = MaskRule;

namespace {

std::vector<R> all_rules() {
  std::vector<R> out;
  for (std::size_t i = 0; i < enum_count<R>(); ++i) out.push_back(R(i));
  return out;
}

void require_invalid(const std::function<void()>& f, const std::string& path,
                     const std::string& message = {}) {
  try {
    f();
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::invalid_input);
    CHECK(e.path() == path);
    if (!message.empty()) CHECK_THAT(e.message(), Catch::Contains(message));
  }
}

// The clusters used below; a masked text holds each whole or not at all.
const std::string kThumb = "\U0001F44D\U0001F3FD";                         // 👍🏽
const std::string kFamily = "\U0001F468\u200D\U0001F469\u200D\U0001F467";  // 👨‍👩‍👧
const std::string kFlag = "\U0001F1E8\U0001F1F3";                          // 🇨🇳
// Their parts, each of which must not be left over once the whole clusters are taken out.
const std::vector<std::string> kParts = {"\U0001F44D", "\U0001F3FD", "\U0001F468", "\u200D",
                                         "\U0001F469", "\U0001F467", "\U0001F1E8", "\U0001F1F3"};

void require_clusters_whole(std::string out) {
  INFO(out);
  // An independent UTF-8 check, not the utf8proc one the masking uses.
  REQUIRE(detail::json_read::valid_utf8(out));
  for (const auto& cluster : {kThumb, kFamily, kFlag})
    for (auto at = out.find(cluster); at != std::string::npos; at = out.find(cluster))
      out.erase(at, cluster.size());
  for (const auto& part : kParts) CHECK(out.find(part) == std::string::npos);
}

Customer individual() {
  Customer c;
  c.id = "C20240501001";
  c.kind = CustomerKind::individual;
  c.name = "张三丰";
  c.gender = Gender::female;
  c.company = "上海某某科技有限公司";
  c.department = "采购部";
  c.phones = {"13812345678", "+86 021-5555-1234"};
  c.emails = {"zhangsanfeng@example.com", "a@example.cn"};
  c.addresses = {{"home", "上海市浦东新区张江路88号", "201203"}, {"office", "", ""}};
  c.identity_number = "11010119900307123X";
  c.bank_card_number = "6222 0212 3456 7890";
  c.tags = {"frequent buyer"};
  c.industry = "C39";
  return c;
}

}  // namespace

TEST_CASE("every rule on ordinary values") {
  CHECK(mask("13812345678", R::phone) == "138****5678");
  CHECK(mask("138 1234 5678", R::phone) == "138 **** 5678");
  CHECK(mask("021-12345678", R::phone) == "021-****5678");
  CHECK(mask("+86 13812345678", R::phone) == "+86 138****5678");
  CHECK(mask("+86-138-1234-5678", R::phone) == "+86-138-****-5678");
  CHECK(mask("+1 (415) 555-2671", R::phone) == "+1 (4**) ***-2671");  // 10 digits: 5 at most
  // No separator after the country code: its digits count as the national number's.
  CHECK(mask("+8613812345678", R::phone) == "+861******5678");
  CHECK(mask("  13812345678 ", R::phone) == "138****5678");
  // Full-width digits are digits.
  CHECK(mask("１３８１２３４５６７８", R::phone) == "１３８****５６７８");

  CHECK(mask("example@example.com", R::email) == "exa***@example.com");
  CHECK(mask("zhang.san.feng@qq.com", R::email) == "zha***@qq.com");
  CHECK(mask("\"a@b\"@example.com", R::email) == "\"***@example.com");
  CHECK(mask("no-at-sign", R::email) == "no-***");

  CHECK(mask("张三丰", R::person_name) == "张**");
  CHECK(mask_person_name("张三丰", Gender::female) == "张女士");
  CHECK(mask_person_name("王小明", Gender::male) == "王先生");
  CHECK(mask_person_name("王小明", Gender::other) == "王**");

  CHECK(mask("110101199003071234", R::identity_number) == "**************1234");
  CHECK(mask("11010119900307123X", R::identity_number) == "**************123X");
  CHECK(mask("6222021234567890", R::bank_card) == "************7890");
  CHECK(mask("6222 0212 3456 7890", R::bank_card) == "**** **** **** 7890");

  CHECK(mask("anything at all", R::hidden) == "***");
  CHECK(mask("上海市浦东新区张江路88号", R::whole) == "上海市浦东新区张江路88号");
}

TEST_CASE("Chinese addresses are shown down to the district") {
  CHECK(mask("上海市浦东新区张江路88号", R::address) == "上海市浦东新区***");
  CHECK(mask("北京市海淀区中关村大街1号", R::address) == "北京市海淀区***");
  CHECK(mask("广东省深圳市南山区科技园南区8栋", R::address) == "广东省深圳市南山区***");
  CHECK(mask("江苏省苏州市昆山市前进路1号", R::address) == "江苏省苏州市昆山市***");
  CHECK(mask("广西壮族自治区南宁市青秀区民族大道1号", R::address) == "广西壮族自治区南宁市青秀区***");
  CHECK(mask("上海市 浦东新区 张江路88号", R::address) == "上海市 浦东新区***");
  CHECK(mask("山东省济南市市中区经七路1号", R::address) == "山东省济南市市中区***");
  // A residential compound or a street ends the kept part, even before the district.
  CHECK(mask("上海市张江小区5号楼", R::address) == "上海市***");
  CHECK(mask("浙江省杭州市西湖路市场3号", R::address) == "浙江省杭州市***");
  CHECK(mask("张江路88号", R::address) == "***");
  // Nothing below the district: nothing to hide.
  CHECK(mask("上海市浦东新区", R::address) == "上海市浦东新区");
}

TEST_CASE("Latin addresses keep only their last two locality parts") {
  CHECK(mask("221B Baker Street, London NW1 6XE, United Kingdom", R::address) ==
        "***, London, United Kingdom");
  CHECK(mask("10 Rue de Rivoli, 75001 Paris, France", R::address) == "***, Paris, France");
  CHECK(mask("1600 Amphitheatre Parkway, Mountain View, CA 94043, USA", R::address) == "***, CA, USA");
  CHECK(mask("Flat 3\n12 High Street\nOxford OX1 4AA\nUK", R::address) == "***, Oxford, UK");
  CHECK(mask("12 Main Street, Springfield", R::address) == "***, Springfield");
  CHECK(mask("12 Main Street Springfield", R::address) == "***");
  CHECK(mask("Unit 5, 1234", R::address) == "***");
}

TEST_CASE("an empty value stays empty under every rule") {
  for (R rule : all_rules()) {
    INFO(to_string(rule));
    CHECK(mask("", rule).empty());
  }
  CHECK(mask_person_name("", Gender::male).empty());
}

TEST_CASE("short numbers show at most half their digits and keep at least 4 hidden") {
  // A number of n digits, all different from '*', checked against the stated limits.
  for (std::size_t n = 0; n <= 24; ++n) {
    std::string digits;
    for (std::size_t i = 0; i < n; ++i) digits += char('0' + (i * 7 + 3) % 10);
    for (R rule : {R::phone, R::identity_number, R::bank_card}) {
      const std::string out = mask(digits, rule);
      INFO(to_string(rule) << " " << digits << " -> " << out);
      REQUIRE(out.size() == n);
      std::size_t shown = 0;
      for (std::size_t i = 0; i < n; ++i) {
        if (out[i] == '*') continue;
        CHECK(out[i] == digits[i]);  // a shown digit stays where it was
        ++shown;
      }
      const std::size_t hidden = n - shown;
      CHECK(hidden >= std::min<std::size_t>(n, 4));
      if (rule == R::phone && n >= 11) {
        CHECK(out.substr(0, 3) == digits.substr(0, 3));
        CHECK(out.substr(n - 4) == digits.substr(n - 4));
        CHECK(shown == 7);
      } else {
        CHECK(shown <= n / 2);
      }
      if (rule != R::phone) {
        CHECK(shown <= 4);
        if (n >= 8) CHECK(out.substr(n - 4) == digits.substr(n - 4));
      }
    }
  }
  CHECK(mask("12345", R::phone) == "****5");
  CHECK(mask("1234", R::phone) == "****");
  CHECK(mask("12345678", R::phone) == "****5678");
  CHECK(mask("1234567890", R::phone) == "1*****7890");
  CHECK(mask("123", R::identity_number) == "***");
  CHECK(mask("123", R::bank_card) == "***");
  CHECK(mask("123456", R::identity_number) == "****56");
}

TEST_CASE("short email local parts show at most half their characters") {
  CHECK(mask("a@example.com", R::email) == "*@example.com");
  CHECK(mask("ab@example.com", R::email) == "**@example.com");
  CHECK(mask("abcd@example.com", R::email) == "***@example.com");
  CHECK(mask("abcde@example.com", R::email) == "a***@example.com");
  CHECK(mask("abcdef@example.com", R::email) == "ab***@example.com");
  CHECK(mask("abcdefg@example.com", R::email) == "abc***@example.com");
  CHECK(mask("@example.com", R::email) == "@example.com");
}

TEST_CASE("short Chinese names never show more than the surname") {
  CHECK(mask_person_name("张三", Gender::unspecified) == "张*");
  CHECK(mask_person_name("张三", Gender::female) == "张女士");
  CHECK(mask_person_name("张", Gender::male) == "张先生");
  CHECK(mask_person_name("张", Gender::unspecified) == "张");
  // Two characters that spell a compound surname are surname and given name.
  CHECK(mask_person_name("东方", Gender::unspecified) == "东*");
  CHECK(mask_person_name("欧阳", Gender::male) == "欧先生");
  CHECK(mask_person_name("   ", Gender::male).empty());
}

TEST_CASE("compound surnames are kept whole") {
  for (const char* surname : {"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "尉迟",
                              "公孙", "长孙", "宇文", "司徒", "夏侯", "轩辕", "端木", "独孤", "南宫",
                              "西门", "澹台", "百里", "呼延", "司空", "钟离", "歐陽", "諸葛"}) {
    const std::string s = surname;
    INFO(s);
    CHECK(mask_person_name(s + "小明", Gender::unspecified) == s + "**");
    CHECK(mask_person_name(s + "娜", Gender::female) == s + "女士");
    CHECK(mask_person_name(s + "明", Gender::male) == s + "先生");
  }
  // A single surname that starts like a compound one is not taken for it.
  CHECK(mask_person_name("欧小明", Gender::unspecified) == "欧**");
  CHECK(mask_person_name("马小明", Gender::unspecified) == "马**");
}

TEST_CASE("non-Chinese names show the family name") {
  CHECK(mask_person_name("John Smith", Gender::male) == "Mr. Smith");
  CHECK(mask_person_name("Jane Smith", Gender::female) == "Ms. Smith");
  CHECK(mask_person_name("Sam Smith", Gender::other) == "Mx. Smith");
  CHECK(mask_person_name("John Smith", Gender::unspecified) == "**** Smith");
  CHECK(mask("Mary Ann O'Brien", R::person_name) == "**** *** O'Brien");
  CHECK(mask_person_name(" Smith ", Gender::male) == "Mr. Smith");
  // A decomposed é is one character.
  CHECK(mask_person_name("Jose\u0301 Álvarez", Gender::unspecified) == "**** Álvarez");
  CHECK(mask_person_name("Анна Петрова", Gender::female) == "Ms. Петрова");
  // Transliterated names with a name dot: the family name last, with a Chinese title.
  CHECK(mask_person_name("约翰·史密斯", Gender::male) == "史密斯先生");
  CHECK(mask_person_name("约翰·史密斯", Gender::unspecified) == "**·史密斯");
}

TEST_CASE("emoji clusters are never split and count as one character") {
  const std::string name = "张" + kThumb + kFamily + kFlag;
  CHECK(mask_person_name(name, Gender::unspecified) == "张***");
  CHECK(mask_person_name(kThumb + "小王", Gender::female) == kThumb + "女士");
  CHECK(mask_person_name("小王" + kFamily, Gender::unspecified) == "小**");
  CHECK(mask_person_name(kFamily + " Smith", Gender::unspecified) == "* Smith");
  CHECK(mask_person_name("Smith " + kFlag, Gender::male) == "Mr. " + kFlag);

  CHECK(mask(kThumb + kFamily + kFlag + "xyz@example.com", R::email) == kThumb + kFamily + "***@example.com");
  CHECK(mask("ab" + kFamily + "cd" + kFlag + "fg@example.com", R::email) ==
        "ab" + kFamily + "***@example.com");
  CHECK(mask(kFlag + kThumb + "ab@example.cn", R::email) == "***@example.cn");
  CHECK(mask("138" + kThumb + "1234" + kFamily + "5678", R::phone) == "138******5678");

  // Every rule, on texts where a cluster sits at each place a mask could cut.
  const std::vector<std::string> texts = {
      kThumb,
      kFamily + kFamily + kFamily + kFamily + kFamily,
      "张" + kFlag + "三",
      "ab" + kThumb + "c" + kFamily + "d@" + kFlag + ".example.com",
      "13" + kFlag + "812345678" + kThumb,
      "上海市浦东新区" + kFamily + "路88号",
      "John " + kThumb + " Smith, London " + kFamily + ", " + kFlag,
      kThumb + "@" + kFamily,
  };
  for (const auto& text : texts)
    for (R rule : all_rules()) {
      INFO(to_string(rule) << " on " << text);
      require_clusters_whole(mask(text, rule));
      for (Gender g : {Gender::unspecified, Gender::female, Gender::male, Gender::other})
        require_clusters_whole(mask_person_name(text, g));
    }
}

TEST_CASE("invalid UTF-8 is refused with the field's path under every rule") {
  const std::vector<std::string> bad = {
      "138\xff-5678",            // a byte that is never UTF-8
      "\x80-abc",                // a lone continuation byte
      "\xc0\xaf",                // an overlong "/"
      "\xe4\xb8",                // a truncated 中
      "张\xed\xa0\x80三",        // a surrogate
      "\xf4\x90\x80\x80",        // past U+10FFFF
      "ok@example.com\xf0\x9f",  // a truncated emoji at the end
  };
  for (const auto& value : bad)
    for (R rule : all_rules()) {
      INFO(to_string(rule));
      require_invalid([&] { mask(value, rule, "/phones/0"); }, "/phones/0", "invalid UTF-8");
    }
  require_invalid([] { mask_person_name("张\xff", Gender::male, "/name"); }, "/name", "invalid UTF-8");

  const auto policy = MaskingPolicy::standard();
  auto c = individual();
  c.phones[1] = "138\xff-5678";
  require_invalid([&] { masked(c, policy, "agent"); }, "/phones/1");
  c = individual();
  c.emails[1] = "\xc0\xaf@example.com";
  require_invalid([&] { masked(c, policy, "agent"); }, "/emails/1");
  c = individual();
  c.addresses[0].text = "上海市\xe4\xb8";
  require_invalid([&] { masked(c, policy, "agent"); }, "/addresses/0/text");
  c = individual();
  c.name = "\xed\xa0\x80";
  require_invalid([&] { masked(c, policy, "customer"); }, "/name");  // shown whole, still refused
  c = individual();
  c.bank_card_number = "6222\x80";
  require_invalid([&] { masked(c, policy, "admin"); }, "/bank_card_number");
}

TEST_CASE("the standard policy masks for every role and shows a customer their own name") {
  const auto p = MaskingPolicy::standard();
  for (const char* role : {"agent", "supervisor", "admin", "system", "someone-new"}) {
    INFO(role);
    CHECK(p.rules_for(role) == FieldRules{});
  }
  CHECK(p.rules_for("customer").name == R::whole);
  FieldRules own = p.rules_for("customer");
  own.name = R::person_name;
  CHECK(own == FieldRules{});
  const FieldRules standard;
  CHECK(standard.phones == R::phone);
  CHECK(standard.emails == R::email);
  CHECK(standard.name == R::person_name);
  CHECK(standard.organization_name == R::whole);
  CHECK(standard.addresses == R::address);
  CHECK(standard.identity_number == R::identity_number);
  CHECK(standard.bank_card_number == R::bank_card);
}

TEST_CASE("the policy's JSON reads back what it writes") {
  const auto standard = MaskingPolicy::standard();
  CHECK(MaskingPolicy::from_json_text(standard.to_json_text()) == standard);

  MaskingPolicy p;
  FieldRules auditor;
  auditor.phones = R::hidden;
  auditor.emails = R::hidden;
  auditor.company = R::hidden;
  auditor.postal_codes = R::whole;
  p.roles["auditor"] = auditor;
  p.roles["客服/一线"] = FieldRules{};  // any role name, escaped in paths
  p.other_roles.name = R::hidden;
  p.other_roles.organization_name = R::person_name;
  const std::string text = p.to_json_text();
  const auto again = MaskingPolicy::from_json_text(text);
  CHECK(again == p);
  CHECK(again.to_json_text() == text);
  CHECK(again.rules_for("auditor").phones == R::hidden);
  CHECK(again.rules_for("nobody").name == R::hidden);
}

TEST_CASE("fields a policy leaves out keep their standard rule") {
  const auto p = MaskingPolicy::from_json_text(R"({"roles": {"agent": {"phones": "hidden"}}})");
  FieldRules expected;
  expected.phones = R::hidden;
  CHECK(p.roles.size() == 1);
  CHECK(p.rules_for("agent") == expected);
  CHECK(p.rules_for("admin") == FieldRules{});
  const auto empty = MaskingPolicy::from_json_text(R"({"roles": {}, "other_roles": null})");
  CHECK(empty.roles.empty());
  CHECK(empty.other_roles == FieldRules{});
}

TEST_CASE("a bad policy is refused with the path of the offending field") {
  auto refuse = [](const char* text, const std::string& path, const std::string& message) {
    INFO(text);
    require_invalid([&] { MaskingPolicy::from_json_text(text); }, path, message);
  };
  refuse(R"({"roles": {"agent": {"phones": "last4"}}})", "/roles/agent/phones", "unknown value \"last4\"");
  refuse(R"({"roles": {"agent": {"phone": "phone"}}})", "/roles/agent/phone", "unknown field");
  refuse(R"({"roles": {"a/b": {"phone": "phone"}}})", "/roles/a~1b/phone", "unknown field");
  refuse(R"({"roles": {}, "other_roles": {"emails": 3}})", "/other_roles/emails", "expected string");
  refuse(R"({"roles": {}, "fallback": {}})", "/fallback", "unknown field");
  refuse(R"({"roles": {"agent": "phone"}})", "/roles/agent", "expected object");
  refuse(R"({"roles": []})", "/roles", "expected object");
  refuse(R"({"roles": {"": {}}})", "/roles/", "must not be empty");
  refuse(R"({})", "/roles", "missing required field");
  refuse(R"([])", "", "expected object");
  refuse(R"({"roles": )", "", "invalid JSON");
  const std::string long_role = std::string(65, 'r');
  refuse(("{\"roles\": {\"" + long_role + "\": {}}}").c_str(), "/roles/" + long_role, "too long");

  MaskingPolicy p;
  p.roles[""] = FieldRules{};
  require_invalid([&] { (void)p.to_json_text(); }, "/roles/", "must not be empty");
}

TEST_CASE("masked shows an individual what the role's rules allow") {
  const auto c = individual();
  const auto policy = MaskingPolicy::standard();
  const Customer m = masked(c, policy, "agent");
  CHECK(m.name == "张女士");
  CHECK(m.phones == std::vector<std::string>{"138****5678", "+86 021-****-1234"});
  CHECK(m.emails == std::vector<std::string>{"zha***@example.com", "*@example.cn"});
  CHECK(m.addresses[0] == Address{"home", "上海市浦东新区***", "***"});
  CHECK(m.addresses[1] == Address{"office", "", ""});
  CHECK(m.identity_number == "**************123X");
  CHECK(m.bank_card_number == "**** **** **** 7890");
  // Fields no rule covers are copied unchanged.
  CHECK(m.company == c.company);
  CHECK(m.department == c.department);
  CHECK(m.id == c.id);
  CHECK(m.tags == c.tags);
  CHECK(m.industry == c.industry);
  CHECK(m.gender == c.gender);
  CHECK(masked(c, policy, "admin") == m);
  CHECK(masked(c, policy, "a role nobody configured") == m);

  Customer own = m;
  own.name = c.name;
  CHECK(masked(c, policy, "customer") == own);

  Customer unknown_gender = c;
  unknown_gender.gender = Gender::unspecified;
  CHECK(masked(unknown_gender, policy, "agent").name == "张**");

  MaskingPolicy strict;
  strict.other_roles = {R::hidden, R::hidden, R::hidden, R::hidden, R::hidden,
                        R::hidden, R::hidden, R::hidden, R::hidden, R::hidden};
  const Customer h = masked(c, strict, "agent");
  CHECK(h.name == "***");
  CHECK(h.company == "***");
  CHECK(h.phones == std::vector<std::string>{"***", "***"});
  CHECK(h.addresses[1] == Address{"office", "", ""});
  CHECK(h.identity_number == "***");
}

TEST_CASE("masked shows an enterprise's name whole and masks its contacts") {
  Customer c;
  c.id = "C20240501002";
  c.kind = CustomerKind::enterprise;
  c.name = "欧阳科技（上海）有限公司";
  c.gender = Gender::male;  // ignored for an organisation's name
  c.company = "欧阳科技（上海）有限公司";
  c.department = "信息部";
  c.phones = {"021-12345678"};
  c.emails = {"service@ouyang-tech.cn"};
  c.addresses = {{"office", "上海市徐汇区漕河泾开发区桂平路391号", "200233"}};
  const auto policy = MaskingPolicy::standard();
  const Customer m = masked(c, policy, "supervisor");
  CHECK(m.name == c.name);
  CHECK(m.company == c.company);
  CHECK(m.department == c.department);
  CHECK(m.phones == std::vector<std::string>{"021-****5678"});
  CHECK(m.emails == std::vector<std::string>{"ser***@ouyang-tech.cn"});
  CHECK(m.addresses[0].text == "上海市徐汇区***");
  CHECK(m.addresses[0].postal_code == "***");
  CHECK(m.identity_number.empty());
  CHECK(m.bank_card_number.empty());

  Customer partner = c;
  partner.kind = CustomerKind::partner;
  CHECK(masked(partner, policy, "agent").name == c.name);
  // The same name on an individual's record is a person's name.
  Customer person = c;
  person.kind = CustomerKind::individual;
  person.name = "欧阳修";
  CHECK(masked(person, policy, "agent").name == "欧阳先生");
}
