// Contract: full-text search (docs/storage.md, "Search") agrees with a brute-force oracle
// written here from the documented rules, over generated Chinese and English tickets;
// and the rules' edges, case by case.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <random>
#include <sstream>

#include "store/backends.hpp"
#include "store/fixtures.hpp"

using namespace store_testing;

namespace {

const std::vector<std::string> kChinese = {"打印", "退款", "发票", "打印机", "无法连接网络", "网络", "连接", "路由器",
                                           "屏幕", "黑屏", "开机", "密码", "无法", "打", "票"};
const std::vector<std::string> kEnglish = {"printer", "Printer", "refund", "invoice", "network", "router",
                                           "screen",  "login",   "RX-300", "WiFi",    "reprint", "v2"};

struct Generated {
  Ticket ticket;
  std::vector<Event> events;
};

// Text of 1 to 4 words: Chinese words run together (sometimes with "，"), English ones spaced.
std::string phrase(std::mt19937& rng) {
  std::string text;
  const int words = 1 + static_cast<int>(rng() % 4);
  for (int i = 0; i < words; ++i) {
    if (rng() % 2) {
      text += kChinese[rng() % kChinese.size()];
      if (rng() % 4 == 0) text += "，";
    } else {
      if (!text.empty()) text += ' ';
      text += kEnglish[rng() % kEnglish.size()];
      text += ' ';
    }
  }
  return text;
}

std::vector<Generated> generate() {
  std::mt19937 rng(7);
  std::vector<Generated> out;
  for (int i = 0; i < 120; ++i) {
    Generated g;
    g.ticket = ticket("S" + std::to_string(1000 + i), "C001", minute(i));
    g.ticket.subject = phrase(rng);
    g.ticket.description = rng() % 3 ? phrase(rng) : "";
    const int count = static_cast<int>(rng() % 5);
    for (int s = 1; s <= count; ++s) {
      const auto text = phrase(rng);
      switch (rng() % 5) {
        case 0: g.events.push_back(event(g.ticket.id, s, events::PublicComment{text})); break;
        case 1: g.events.push_back(event(g.ticket.id, s, events::InternalComment{text})); break;
        case 2: g.events.push_back(event(g.ticket.id, s, events::ProgressUpdate{text})); break;
        case 3: g.events.push_back(event(g.ticket.id, s, events::StatusChanged{Status::new_ticket, Status::assigned, text})); break;
        default: g.events.push_back(event(g.ticket.id, s, events::PriorityChanged{"P3", "P2", text})); break;
      }
    }
    out.push_back(std::move(g));
  }
  return out;
}

// ---- The oracle, from the documented rules ----

// The fields search reads: subject, description, and the text of the three comment kinds.
std::vector<std::string> oracle_fields(const Generated& g) {
  std::vector<std::string> fields{g.ticket.subject, g.ticket.description};
  for (const auto& e : g.events)
    if (e.kind == EventKind::public_comment || e.kind == EventKind::internal_comment ||
        e.kind == EventKind::progress_update)
      fields.push_back(std::get<std::string>(e.payload.at("text")));
  return fields;
}

// Lower-cased runs of ASCII letters and digits.
std::vector<std::string> oracle_words(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (unsigned char c : text) {
    if (c < 0x80 && std::isalnum(c)) {
      word += static_cast<char>(std::tolower(c));
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

bool oracle_term(const std::vector<std::string>& fields, const std::string& term) {
  // In this data every non-ASCII character is Chinese, so "has a byte >= 0x80" is "has CJK".
  if (std::any_of(term.begin(), term.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
    return std::any_of(fields.begin(), fields.end(), [&](const std::string& f) { return f.find(term) != std::string::npos; });
  for (const auto& part : oracle_words(term)) {
    bool found = false;
    for (const auto& f : fields)
      for (const auto& w : oracle_words(f)) found = found || w.rfind(part, 0) == 0;
    if (!found) return false;
  }
  return true;
}

std::vector<std::string> oracle(const std::vector<Generated>& all, const std::string& query) {
  std::string spaced = query;  // the ideographic space separates terms too
  for (std::size_t at; (at = spaced.find("\xE3\x80\x80")) != std::string::npos;) spaced.replace(at, 3, " ");
  std::istringstream in(spaced);
  std::vector<std::string> terms{std::istream_iterator<std::string>(in), {}};
  std::vector<std::string> out;
  for (const auto& g : all) {
    const auto fields = oracle_fields(g);
    if (std::all_of(terms.begin(), terms.end(), [&](const std::string& t) { return oracle_term(fields, t); }))
      out.push_back(g.ticket.id);
  }
  return out;
}

std::vector<std::string> search(StoreTransaction& tx, const std::string& text) {
  TicketQuery q;
  q.text = text;
  q.order = TicketOrder::id;
  q.limit = 1000;
  return ids(all_pages(tx, q));
}

}  // namespace

TEMPLATE_TEST_CASE("search: results agree with the oracle over generated Chinese and English tickets", "[store]",
                   TC_STORE_BACKENDS) {
  const auto all = generate();
  auto store = store_with_customers<TestType>();
  write(*store, [&](StoreTransaction& tx) {
    for (const auto& g : all) {
      tx.insert_ticket(g.ticket, {});
      if (!g.events.empty()) tx.append_events(g.events);
    }
  });
  std::vector<std::string> queries = {
      "打印", "退款", "发票", "打印机", "无法连接网络", "无法连接网", "连接网络", "打", "机", "网络 路由器",
      "打印机 printer", "退款 REFUND", "发票 inv", "print", "PRINT", "prin", "rint", "ref", "re", "invoice",
      "RX-300", "rx", "300", "30", "wifi", "WiF", "v2", "v", "login screen", "黑屏 开机 screen", "打印　发票",
      "printers", "网络，", "，", "x", "2"};
  for (const auto& w : kChinese) queries.push_back(w);
  for (const auto& w : kEnglish) queries.push_back(w);
  auto tx = store->read();
  int nonempty = 0;
  int partial = 0;
  for (const auto& q : queries) {
    INFO("query \"" << q << "\"");
    const auto expected = oracle(all, q);
    CHECK(search(*tx, q) == expected);
    nonempty += !expected.empty();
    partial += !expected.empty() && expected.size() < all.size();
  }
  CHECK(partial > 40);  // most queries split the tickets, so agreement is not by accident
  CHECK(nonempty > 45);
}

TEMPLATE_TEST_CASE("search: the rules case by case", "[store]", TC_STORE_BACKENDS) {
  auto store = store_with_customers<TestType>();
  write(*store, [](StoreTransaction& tx) {
    auto add = [&](const char* id, const char* subject, const char* description) {
      auto t = ticket(id, "C001");
      t.subject = subject;
      t.description = description;
      tx.insert_ticket(t, {});
    };
    add("A", "Printer offline", "");
    add("B", "reprint the invoice", "");
    add("C", "打印机ABC无法连接", "");
    add("D", "发票打", "印机坏了");  // 打印 only across two fields
    add("E", "nothing", "");
    add("F", "空的", "");
    const std::vector<Event> history{event("E", 1, events::InternalComment{"退款已批准"}),
                                     event("E", 2, events::StatusChanged{Status::new_ticket, Status::assigned, "发票问题"}),
                                     event("E", 3, events::ProgressUpdate{"Router replaced"}),
                                     event("F", 1, events::PublicComment{"MixedCase Word"})};
    tx.append_events(history);
  });
  auto tx = store->read();
  using V = std::vector<std::string>;
  CHECK(search(*tx, "print") == V{"A"});          // a word's beginning, not its middle
  CHECK(search(*tx, "PRINTER") == V{"A"});        // ignoring case
  CHECK(search(*tx, "printers").empty());         // the term is longer than the word
  CHECK(search(*tx, "abc") == V{"C"});            // a CJK character ends the word before
  CHECK(search(*tx, "打印") == V{"C"});           // not across subject and description
  CHECK(search(*tx, "印机") == V{"C", "D"});      // any substring of Chinese text
  CHECK(search(*tx, "机ABC") == V{"C"});          // a mixed term is a substring, exact
  CHECK(search(*tx, "机abc").empty());
  CHECK(search(*tx, "退款") == V{"E"});           // internal comments count
  CHECK(search(*tx, "router") == V{"E"});         // progress updates count
  CHECK(search(*tx, "mixedcase word") == V{"F"});  // public comments count, every term must match
  CHECK(search(*tx, "mixedcase nothing").empty());
  CHECK(search(*tx, "发票") == V{"D"});           // a status change's reason does not count
  CHECK(search(*tx, "reprint invoice") == V{"B"});
  CHECK(search(*tx, "  ").size() == 6);           // a blank query does not filter
  CHECK(search(*tx, "打印机\xE3\x80\x80" "abc") == V{"C"});  // the ideographic space separates terms
}

TEMPLATE_TEST_CASE("search: text combines with the other filters and with paging", "[store]", TC_STORE_BACKENDS) {
  auto store = store_with_customers<TestType>();
  write(*store, [](StoreTransaction& tx) {
    for (int i = 0; i < 9; ++i) {
      auto t = ticket("T" + std::to_string(i), i % 2 ? "C001" : "C002", minute(i));
      t.subject = i % 3 ? "打印机卡纸" : "发票抬头错误";
      tx.insert_ticket(t, {});
    }
  });
  auto tx = store->read();
  TicketQuery q;
  q.text = "打印";
  q.customer_id = "C001";
  q.limit = 2;
  q.descending = true;
  CHECK(ids(all_pages(*tx, q)) == std::vector<std::string>{"T7", "T5", "T1"});
}
