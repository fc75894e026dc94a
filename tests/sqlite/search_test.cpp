// Full-text search over the CJK bigram index against a brute-force oracle written here
// from the documented semantics (docs/storage.md, "Search"), over generated tickets.
#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>

#include <random>
#include <set>

#include "sqlite_fixtures.hpp"
#include "store/search_tokens.hpp"
#include "store/sqlite/search_rows.hpp"

using namespace ticketcore;
using namespace tc_sqlite_test;

namespace {

// ---- The oracle: plain string work, no index ----

bool is_word_byte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 0x80;
}

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> out;
  std::string word;
  for (char c : text) {
    if (is_word_byte(c)) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!word.empty()) {
      out.push_back(word);
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(word);
  return out;
}

// Every term the generator makes is either pure ASCII or holds Chinese.
bool oracle_matches(const std::vector<std::string>& fields, const std::string& query) {
  std::vector<std::string> terms;
  std::string term;
  for (char c : query + " ") {
    if (c == ' ') {
      if (!term.empty()) terms.push_back(term);
      term.clear();
    } else {
      term += c;
    }
  }
  for (const auto& t : terms) {
    bool chinese = false;
    for (char c : t) chinese = chinese || static_cast<unsigned char>(c) >= 0x80;
    bool found = false;
    if (chinese) {
      for (const auto& f : fields) found = found || f.find(t) != std::string::npos;
    } else {
      found = true;
      for (const auto& w : words_of(t)) {
        bool begins = false;
        for (const auto& f : fields)
          for (const auto& fw : words_of(f)) begins = begins || fw.rfind(w, 0) == 0;
        found = found && begins;
      }
    }
    if (!found) return false;
  }
  return true;
}

// ---- Generated tickets: a small alphabet so that short terms hit often ----

const std::vector<std::string> kHan = {"打", "印", "机", "无", "法", "连", "接",
                                       "网", "络", "故", "障", "屏", "幕", "坏"};
const std::vector<std::string> kWords = {"printer", "Print", "wifi",   "WiFi6",
                                         "error",   "E42",   "router", "reset"};

std::string han_run(std::mt19937& rng, int length) {
  std::string out;
  for (int i = 0; i < length; ++i) out += kHan[rng() % kHan.size()];
  return out;
}

std::string text(std::mt19937& rng) {
  std::string out;
  const int parts = 1 + static_cast<int>(rng() % 4);
  for (int i = 0; i < parts; ++i) {
    switch (rng() % 4) {
      case 0: out += kWords[rng() % kWords.size()] + " "; break;
      case 1: out += han_run(rng, 1 + static_cast<int>(rng() % 6)); break;
      case 2: out += han_run(rng, 2) + kWords[rng() % kWords.size()]; break;  // no space between
      default: out += "，" + han_run(rng, 3) + "。"; break;
    }
  }
  return out;
}

}  // namespace

TEST_CASE(
    "search finds Chinese of 1, 2, 3 and 5 characters, mixed terms and English words as the oracle does") {
  TempDb db;
  auto store = SqliteStore::open(db.path());
  std::mt19937 rng(20260501);
  std::map<std::string, std::vector<std::string>> fields;  // ticket id -> searchable fields
  {
    auto tx = store->write();
    tx->insert_customer(customer("C20260501001"));
    for (int i = 0; i < 300; ++i) {
      char id[16];
      std::snprintf(id, sizeof id, "202605-%03d", i + 1);
      auto t = ticket(id, "C20260501001", text(rng), i);
      t.description = rng() % 2 ? text(rng) : "";
      tx->insert_ticket(t, {});
      auto& f = fields[id];
      f = {t.subject, t.description};
      std::vector<Event> events;
      for (int n = 0, count = static_cast<int>(rng() % 3); n < count; ++n) {
        f.push_back(text(rng));
        events.push_back(comment(id, n + 1, f.back()));
      }
      tx->append_events(events);
      // Some tickets change subject later: the index must follow.
      if (i % 7 == 0) {
        t.subject = text(rng);
        t.version = 2;
        tx->update_ticket(t, {});
        f[0] = t.subject;
      }
    }
    tx->commit();
  }
  std::vector<std::string> queries;
  for (int length : {1, 2, 3, 5})
    for (int n = 0; n < 12; ++n) queries.push_back(han_run(rng, length));
  for (const auto& w : kWords) queries.push_back(w);
  for (const char* q : {"pri", "PRINT", "e4", "wifi6 打印", "打印 机", "印printer", "机WiFi", "打印机 reset",
                        "，打", "印。", "x", "0", "打印机无法连接网络故障"})
    queries.push_back(q);
  for (int n = 0; n < 10; ++n) queries.push_back(han_run(rng, 2) + " " + kWords[rng() % kWords.size()]);

  auto tx = store->read();
  std::size_t hits = 0;
  for (const auto& q : queries) {
    std::set<std::string> expected;
    for (const auto& [id, f] : fields)
      if (oracle_matches(f, q)) expected.insert(id);
    std::set<std::string> found;
    TicketQuery query;
    query.text = q;
    query.order = TicketOrder::id;
    query.limit = 7;  // several pages: the cursor works with the index and the exact check
    for (;;) {
      auto page = tx->tickets(query);
      for (const auto& t : page.tickets) CHECK(found.insert(t.id).second);
      if (page.next_cursor.empty()) break;
      query.after = page.next_cursor;
    }
    INFO("query: " << q);
    CHECK(found == expected);
    hits += expected.size();
  }
  CHECK(hits > 500);  // the generator makes terms that hit, or the comparison means little
}

TEST_CASE("the index tokens: CJK unigrams, bigrams per run, lower-cased words") {
  detail::SearchTokens tokens;
  detail::add_search_text(tokens, "HP打印机，坏了 WiFi6");
  CHECK(tokens.uni == "打 印 机 坏 了 ");
  CHECK(tokens.bi == "z 打印 印机 z 坏了 ");
  CHECK(tokens.words == "hp wifi6 ");
  const std::vector<std::string> exact{"打印", "wifi", "坏"};
  CHECK(detail::plan_search(exact).exact);
  CHECK(detail::sqlite::fts5_match(detail::plan_search(exact)) ==
        "{t_bi c_bi} : \"打印\" AND {t_words c_words} : \"wifi\"* AND {t_uni c_uni} : \"坏\"");
  // No positions in the index: three characters are their pairs, each somewhere; checked.
  const std::vector<std::string> run{"打印机"};
  CHECK_FALSE(detail::plan_search(run).exact);
  CHECK(detail::sqlite::fts5_match(detail::plan_search(run)) == "{t_bi c_bi} : \"打印\" AND {t_bi c_bi} : \"印机\"");
  const std::vector<std::string> mixed{"HP打印"};
  CHECK_FALSE(detail::plan_search(mixed).exact);
  CHECK(detail::sqlite::fts5_match(detail::plan_search(mixed)) == "{t_bi c_bi} : \"打印\"");  // "hp" may end a word
}

TEST_CASE("every character the index holds is one whole token to FTS5's unicode61") {
  // The CJK ranges of store/search_tokens.cpp, all of them, in one row: each must come back as a term.
  const std::vector<std::pair<char32_t, char32_t>> ranges = {
      {0x3041, 0x3096},   {0x309D, 0x309F},   {0x30A1, 0x30FA},  {0x30FC, 0x30FF},
      {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xAC00, 0xD7A3},  {0xF900, 0xFAFF},
      {0x20000, 0x2A6DF}, {0x2A700, 0x2EBE0}, {0x30000, 0x3134A}};
  std::string row;
  std::int64_t count = 0;
  auto put = [&](char32_t c) {
    if (c < 0x10000) {
      row += static_cast<char>(0xE0 | (c >> 12));
    } else {
      row += static_cast<char>(0xF0 | (c >> 18));
      row += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    }
    if (c < 0x10000)
      row += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    else
      row += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    row += static_cast<char>(0x80 | (c & 0x3F));
    row += ' ';
  };
  for (auto [from, to] : ranges)
    for (char32_t c = from; c <= to; ++c, ++count) put(c);
  // Each character is also a token by our tokenizer.
  detail::SearchTokens tokens;
  detail::add_search_text(tokens, row);
  CHECK(tokens.uni == row);
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec("CREATE VIRTUAL TABLE f USING fts5 (a, tokenize = 'unicode61 remove_diacritics 0')");
  db.exec("CREATE VIRTUAL TABLE v USING fts5vocab (f, 'row')");
  SQLite::Statement insert(db, "INSERT INTO f (a) VALUES (?)");
  insert.bind(1, row);
  insert.exec();
  CHECK(db.execAndGet("SELECT count(*) FROM v").getInt64() == count);
  CHECK(db.execAndGet("SELECT sum(length(term) = 1) FROM v").getInt64() == count);
}
