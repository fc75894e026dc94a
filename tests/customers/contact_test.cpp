// Phones and emails as lookup keys: each number written many ways gives one E.164 key,
// anything but a valid number is refused with the field's path (and is no key for a
// lookup), and emails are stored with the domain lower-cased and looked up regardless of case.
#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "customers/customer_fixtures.hpp"
#include "ticketcore/customers/contact.hpp"
#include "ticketcore/error.hpp"

using namespace ticketcore;

namespace {

// Every writing gives `e164` both as the stored form and as the lookup key.
void require_one_key(const std::vector<std::string>& writings, const std::string& region,
                     const std::string& e164) {
  for (const auto& text : writings) {
    INFO(text);
    CHECK(normalize_phone(text, region, "/phones/0") == e164);
    CHECK(phone_key(text, region) == e164);
  }
}

}  // namespace

TEST_CASE("a mobile number written any common way has one key") {
  require_one_key(
      {
          "+86 138-0013-8000",
          "13800138000",
          "0086 13800138000",
          "+86 (138) 0013 8000",
          "138 0013 8000",
          "１３８００１３８０００",           // fullwidth digits
          "＋８６ １３８ ００１３ ８０００",  // fullwidth plus and ideographic spaces
          "138－0013－8000",                  // fullwidth hyphens
          "+8613800138000",
          "138.0013.8000",
          "tel:+86-138-0013-8000",
          "TEL:13800138000",
          "  13800138000\t",
          "\u3000138 0013 8000\u3000",
      },
      "CN", "+8613800138000");
}

TEST_CASE("landlines with their area codes have one key") {
  require_one_key(
      {
          "010-8888 6666",
          "(010) 88886666",
          "（010）8888 6666",
          "+86 10 8888 6666",
          "+86 (10) 8888-6666",
          "0086 10 8888 6666",
          "01088886666",
          "tel:+86-10-8888-6666",
      },
      "CN", "+861088886666");
  require_one_key({"021-6888 8888", "+86 21 6888 8888", "(021) 68888888"}, "CN", "+862168888888");
  // Same digits after the area code, another city: another key.
  CHECK(phone_key("010-6888 8888", "CN") != phone_key("021-6888 8888", "CN"));
}

TEST_CASE("numbers of other countries are read by their country code") {
  require_one_key({"+1 650-253-0000", "+1 (650) 253-0000", "001 650 253 0000", "tel:+1-650-253-0000"}, "CN",
                  "+16502530000");
  require_one_key({"+44 20 7946 0958", "0044 20 7946 0958", "+44 (0)20 7946 0958"}, "CN", "+442079460958");
  // Without a country code a number is one of the default region's, whose conventions it follows.
  require_one_key({"(650) 253-0000", "650-253-0000"}, "US", "+16502530000");
  require_one_key({"011 44 20 7946 0958"}, "US", "+442079460958");  // the US's international prefix
  require_one_key({"020 7946 0958"}, "GB", "+442079460958");
  require_one_key({"13800138000"}, "cn", "+8613800138000");  // a lower-case region is taken as meant
  // A Chinese mobile number read as an American one is no number.
  CHECK_FALSE(phone_key("13800138000", "US"));
}

TEST_CASE("text that is not a valid phone number is refused at its path") {
  const auto refused = [](const std::string& text, const std::string& message) {
    INFO(text);
    require_invalid([&] { normalize_phone(text, "CN", "/phones/2"); }, "/phones/2", message);
  };
  refused("", "is empty");
  refused(" \t ", "is empty");
  refused("---", "has no digits");
  refused("tel:", "has no digits");
  refused("abc", "not written with");
  refused("138-0013-800O", "at byte 12");  // a letter O for a zero
  refused("1800 FLOWERS", "not written with");
  refused("13800138000 ext. 12", "no extensions");
  refused("13800138000#12", "not written with");
  refused("phone: 13800138000", "at byte 0");
  refused("138+0013 8000", "\"+\" after the start");
  refused(
      "138\xff"
      "00138000",
      "not valid UTF-8");
  refused("138\xe3\x80", "not valid UTF-8");  // a truncated sequence
  refused(std::string(251, '1'), "longer than 250 bytes");
  refused("1", "not a phone number");
  refused("12", "too few digits");
  refused("+86 138 0013 8000 1234 5678", "too long");
  refused("+999 1234 5678", "country code no country has");
  refused("1380013800", "not a valid number with country code +86");       // a digit dropped
  refused("8888 6666", "area code is missing");                            // a landline without its area code
  refused("+86 12345678901", "not a valid number with country code +86");  // no such mobile prefix
}

TEST_CASE("an unknown region is refused at /default_region") {
  for (const std::string region : {"", "C", "CHN", "XX", "ZZ", "1A", "C\xff"}) {
    INFO(region);
    require_invalid([&] { normalize_phone("13800138000", region, "/phones/0"); }, "/default_region",
                    "region");
    // A misconfigured region is no typo in a search: lookups refuse it too instead of finding nothing.
    require_invalid([&] { phone_key("13800138000", region); }, "/default_region", "region");
  }
}

TEST_CASE("a lookup for what is no phone number finds no key and does not throw") {
  for (const std::string text : {"", "   ", "abc", "zhang san", "12", "1380013800", "8888 6666",
                                 "13800138000 ext. 12", "138\xff", "+999 1234 5678", "++8613800138000"}) {
    INFO(text);
    CHECK_FALSE(phone_key(text, "CN").has_value());
  }
  CHECK(phone_key("138 0013 8000", "CN") == "+8613800138000");
}

TEST_CASE("keys are the same from many threads at once") {
  std::vector<std::string> keys(8);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < keys.size(); ++t)
    threads.emplace_back([&keys, t] {
      std::string last;
      for (int i = 0; i < 200; ++i)
        last = phone_key(t % 2 ? "+86 (10) 8888-6666" : "010 8888 6666", "CN").value_or("none") +
               email_key(" Zhang@QQ.com ");
      keys[t] = last;
    });
  for (auto& thread : threads) thread.join();
  for (const auto& key : keys) CHECK(key == "+861088886666zhang@qq.com");
}

TEST_CASE("an email is stored trimmed with its domain lower-cased") {
  CHECK(normalize_email(" Zhang.San@QQ.COM ", "/emails/0") == "Zhang.San@qq.com");
  CHECK(normalize_email("\u3000a@Example.CN\u3000\n", "/emails/0") == "a@example.cn");
  CHECK(normalize_email("service@example.com", "/emails/0") == "service@example.com");
  // Only ASCII is lower-cased: internationalized parts stay as written.
  CHECK(normalize_email("张三@例子.中国", "/emails/0") == "张三@例子.中国");
  CHECK(normalize_email("Ünal@ÄBC.De", "/emails/0") == "Ünal@Äbc.de");
  const std::string longest = std::string(64, 'a') + "@" + std::string(185, 'b') + ".com";
  REQUIRE(longest.size() == 254);
  CHECK(normalize_email(longest, "/emails/0") == longest);
}

TEST_CASE("a malformed email is refused at its path") {
  const auto refused = [](const std::string& text, const std::string& message) {
    INFO(text);
    require_invalid([&] { normalize_email(text, "/emails/1"); }, "/emails/1", message);
  };
  refused("", "is empty");
  refused(" \u3000 ", "is empty");
  refused("zhang.san.qq.com", "has no \"@\"");
  refused("a@b@example.com", "more than one \"@\"");
  refused("@example.com", "nothing before");
  refused("zhang@", "no domain");
  refused("zhang san@example.com", "space");
  refused("zhang@exa mple.com", "space");
  refused("zhang\u3000san@example.com", "space");
  refused("zhang\x01@example.com", "control character");
  refused("zh\xc3@example.com", "not valid UTF-8");
  refused(std::string(64, 'a') + "@" + std::string(186, 'b') + ".com", "longer than 254 bytes");
}

TEST_CASE("email keys ignore case and surrounding spaces") {
  CHECK(email_key("  Zhang.San@QQ.COM\t") == "zhang.san@qq.com");
  CHECK(email_key("\u3000SERVICE@Example.com\u3000") == "service@example.com");
  CHECK(email_key("Ünal@ÄBC.De") == "Ünal@Äbc.de");
  // The stored form and what a customer types find each other.
  for (const std::string text : {" Zhang.San@QQ.COM ", "A@B.C", "张三@例子.中国"})
    CHECK(email_key(normalize_email(text, "/emails/0")) == email_key(text));
  CHECK(email_key("zhang.san@qq.com") == email_key("ZHANG.SAN@QQ.COM"));
  // A lookup never refuses: a malformed text is a key that matches nothing stored.
  CHECK(email_key(" not an email ") == "not an email");
  CHECK(email_key("") == "");
}

TEST_CASE("a stored number is shown as dialled at home, or internationally when it is foreign") {
  CHECK(display_phone("+8613800138000", "CN") == "13800138000");
  CHECK(display_phone("+861088886666", "CN") == "01088886666");
  CHECK(display_phone("+16502530000", "CN") == "+1 650-253-0000");
  CHECK(display_phone("+16502530000", "US") == "6502530000");
  CHECK(display_phone("13800138000", "CN") == "13800138000");  // not E.164: as it is
  CHECK_THROWS_AS(display_phone("+8613800138000", "XX"), Error);
}
