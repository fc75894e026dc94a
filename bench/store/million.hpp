#pragma once
// The million-ticket desk the store and desk benchmarks query: a year of tickets,
// mostly closed, ~5% open, over ~50 agents in 10 teams, with Chinese and English
// subjects from word lists, each with its report row (TicketFacts). Header-only, so tc_bench_store and tc_bench_desk share it.
//
// Every value is a function of the ticket's index, so the raw-SQLite reference can
// write exactly the rows the store writes. TICKETCORE_BENCH_TICKETS shrinks the desk
// for quick tries.

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "ticketcore/model/enum_names.hpp"
#include "ticketcore/model/json.hpp"
#include "ticketcore/model/time.hpp"
#include "ticketcore/desk.hpp"
#include "ticketcore/metrics/facts.hpp"
#include "ticketcore/metrics/report.hpp"
#include "ticketcore/model/customer.hpp"
#include "ticketcore/model/ticket.hpp"
#include "ticketcore/store/sqlite_store.hpp"

namespace million {

using namespace ticketcore;
using Clock = std::chrono::steady_clock;

inline std::int64_t ticket_count() {
  if (const char* env = std::getenv("TICKETCORE_BENCH_TICKETS")) {
    const long long n = std::atoll(env);
    if (n > 0) return n;
  }
  return 1000000;
}

constexpr int kCustomers = 3000;
constexpr int kTeams = 10;
constexpr int kAgents = 50;
/// The term that finds a few hundred tickets among the million (one in 3331 descriptions).
inline const char* const kRareTerm = "打印";
/// The sweep benchmark's `now`: every open ticket of the desk has its next action later.
inline Instant sweep_now() { return *parse_instant("2026-03-20T06:00:00Z"); }

/// A file under $TMPDIR (or /tmp), unique to this process.
inline std::string temp_path(const std::string& tag) {
  const char* dir = std::getenv("TMPDIR");
  return std::string(dir && *dir ? dir : "/tmp") + "/ticketcore-bench-" + tag + "-" + std::to_string(getpid()) + ".db";
}

/// Removes a database file with its WAL and shared-memory files.
inline void remove_db(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((path + suffix).c_str());
}

// A cheap, well-mixed hash of the index (splitmix64): the desk's randomness, reproducible.
inline std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

inline std::string customer_id(int c) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "C20250101%05d", c);
  return buf;
}

inline Customer customer(int c) {
  Customer out;
  out.id = customer_id(c);
  out.kind = c % 3 ? CustomerKind::enterprise : CustomerKind::individual;
  out.name = "Customer " + std::to_string(c);
  out.phones = {"138" + std::to_string(10000000 + c)};
  out.tier = c % 50 == 0 ? CustomerTier::vip : CustomerTier::normal;
  out.created_at = out.updated_at = *parse_instant("2025-01-01T00:00:00Z");
  out.version = 1;
  return out;
}

// A take-in request of the desk benchmarks (SQLite and PostgreSQL take in the same ones).
// Not inlined: GCC 12 at -O3 warns falsely (-Wmaybe-uninitialized) on the attribute's variant.
[[gnu::noinline]] inline Ticket request(const Customer& c, std::int64_t i) {
  Ticket t;
  t.customer_id = c.id;
  t.channel = i % 2 ? Channel::phone : Channel::wechat;
  t.request_type = i % 3 ? RequestType::technical_support : RequestType::consultation;
  if (t.request_type == RequestType::technical_support) t.subtype = "software_fault";
  t.subject = i % 2 ? "ERP 订单模块无法登录" : "Invoice export fails with a timeout";
  t.description = "登录后点击订单页面一直转圈, tried another browser, same result";
  t.urgency = static_cast<Urgency>(i % 4);
  t.impact.users_affected = i % 40;
  t.attributes["product"] = std::string("erp");
  return t;
}

// The report the benchmarks time: March 2025 by team (the tickets spread evenly over 2025).
inline ReportQuery march_by_team() {
  ReportQuery q;
  q.from = *parse_instant("2025-03-01T00:00:00Z");
  q.to = *parse_instant("2025-04-01T00:00:00Z");
  q.group_by = {GroupDimension::team};
  q.as_of = *parse_instant("2025-04-01T00:00:00Z");
  return q;
}

// The 500 enterprise customers the take-in benchmarks take tickets in for, registered by `actor`.
inline std::vector<Customer> register_intake_customers(ticketcore::Desk& desk, const Actor& actor) {
  std::vector<Customer> customers;
  for (int c = 0; c < 500; ++c) {
    Customer customer;
    customer.kind = CustomerKind::enterprise;
    customer.name = "Customer " + std::to_string(c);
    customer.phones = {"139" + std::to_string(10000000 + c)};
    customers.push_back(desk.register_customer(actor, customer));
  }
  return customers;
}

inline std::string agent_id(int a) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "agent-%02d", a);
  return buf;
}

// Word lists: the Chinese one has neither 打 nor 印, so kRareTerm appears only where injected.
inline const std::vector<std::string>& chinese_words() {
  static const std::vector<std::string> w{
      "系统", "登录", "失败", "订单", "模块", "无法", "显示", "网络", "连接", "超时", "发票", "退款", "物流",
      "延迟", "账号", "密码", "重置", "报表", "导出", "错误", "数据", "同步", "安装", "升级", "配置", "服务器",
      "响应", "缓慢", "设备", "故障", "屏幕", "黑屏", "电源", "充电", "保修", "维修", "配件", "更换", "咨询",
      "价格", "合同", "续费", "客户", "投诉", "态度", "服务", "质量", "问题", "仓库", "库存", "扫码", "审批"};
  return w;
}

inline const std::vector<std::string>& english_words() {
  static const std::vector<std::string> w{
      "login", "failed", "order", "module", "cannot", "display", "network", "timeout", "invoice", "refund",
      "delivery", "delay", "account", "password", "reset", "report", "export", "error", "data", "sync",
      "install", "upgrade", "server", "slow", "device", "screen", "power", "warranty", "repair", "price",
      "contract", "renewal", "stock", "scanner", "approval", "crash"};
  return w;
}

inline std::string words(std::uint64_t seed, int count, bool chinese) {
  const auto& list = chinese ? chinese_words() : english_words();
  std::string out;
  for (int k = 0; k < count; ++k) {
    seed = mix(seed);
    if (!chinese && k) out += ' ';
    out += list[seed % list.size()];
  }
  return out;
}

/// Ticket number `i` of the desk, as stored, with its schedule.
struct Row {
  Ticket ticket;
  TicketSchedule schedule;
};

inline Row ticket(std::int64_t i, std::int64_t n) {
  static const Instant year = *parse_instant("2025-01-01T00:00:00Z");
  const std::uint64_t h = mix(static_cast<std::uint64_t>(i));
  Row r;
  Ticket& t = r.ticket;
  const auto created = year + std::chrono::seconds((i * 365 * 86400) / n);
  const int month = static_cast<int>((i * 12) / n) + 1;
  char id[48];
  std::snprintf(id, sizeof id, "2025%02d-%07lld", month, static_cast<long long>(i + 1));
  t.id = id;
  t.customer_id = customer_id(static_cast<int>(h % kCustomers));
  t.channel = static_cast<Channel>((h >> 8) % 7);
  t.request_type = static_cast<RequestType>((h >> 12) % 4);
  t.subtype = (h >> 16) % 2 ? "software_fault" : "hardware_fault";
  const bool chinese = (h >> 20) % 2 == 0;
  t.subject = words(h, 3, chinese);
  t.description = words(h ^ 0xabcdef, 10 + static_cast<int>((h >> 24) % 6), chinese);
  if (i % 3331 == 17) t.description += chinese ? "打印机卡纸" : " 打印机 paper jam";
  t.urgency = static_cast<Urgency>((h >> 28) % 4);
  t.impact.users_affected = static_cast<std::int64_t>((h >> 32) % 50);
  // Built whole and moved in: GCC 12 at -O3 warns falsely (-Wrestrict) on "P" + string here.
  t.priority = std::string{'P', static_cast<char>('1' + (h >> 36) % 4)};
  const int team = static_cast<int>((h >> 40) % kTeams);
  char team_id[16];
  std::snprintf(team_id, sizeof team_id, "team-%02d", team);
  t.team = team_id;
  t.assignee = agent_id(team * (kAgents / kTeams) + static_cast<int>((h >> 44) % (kAgents / kTeams)));
  if ((h >> 48) % 10 == 0) t.tags = {"hardware"};
  t.attributes["product"] = std::string((h >> 52) % 2 ? "erp" : "crm");
  t.created_at = created;
  const int bucket = static_cast<int>(i % 100);
  if (bucket < 5) {
    // Open: waiting on someone; due within the days after the sweep's `now`.
    static const Status open[] = {Status::new_ticket, Status::assigned, Status::in_progress, Status::pending_customer};
    t.status = open[bucket % 4];
    if (t.status == Status::new_ticket) t.assignee.clear();
    t.stage = t.status == Status::new_ticket ? Stage::intake : Stage::diagnosis;
    t.updated_at = created + std::chrono::minutes(30);
    t.version = 3;
    const Instant due = sweep_now() + std::chrono::hours(24) + std::chrono::minutes(static_cast<int>(h % 20000));
    r.schedule = {due, due - std::chrono::minutes(30)};
  } else {
    t.status = bucket < 7 ? Status::resolved : bucket < 8 ? Status::cancelled : Status::closed;
    t.stage = t.status == Status::resolved ? Stage::confirmation : Stage::archived;
    t.first_response_at = created + std::chrono::minutes(20);
    t.resolved_at = created + std::chrono::hours(6);
    if (t.status != Status::resolved) t.closed_at = created + std::chrono::hours(30);
    t.updated_at = t.closed_at ? *t.closed_at : *t.resolved_at;
    t.version = 8;
  }
  return r;
}

/// A synthetic report row for ticket row `r` (its team, assignee, request and status as
/// stored; SLA outcomes and ratings from the index's hash), so month reports have a year
/// of rows to read.
inline TicketFacts facts(const Row& r) {
  const Ticket& t = r.ticket;
  const std::uint64_t h = mix(~static_cast<std::uint64_t>(t.created_at.time_since_epoch().count()));
  TicketFacts f;
  f.id = t.id;
  f.created_at = t.created_at;
  f.first_response_at = t.first_response_at;
  f.resolved_at = t.resolved_at;
  f.closed_at = t.closed_at;
  f.status = t.status;
  f.open = is_open(t.status);
  f.resolved = t.status == Status::resolved || t.status == Status::closed;
  f.team = t.team;
  f.assignee = t.assignee;
  f.request_type = t.request_type;
  f.subtype = t.subtype;
  f.priority = t.priority;
  f.channel = t.channel;
  f.complaint = t.request_type == RequestType::complaint;
  f.reopens = h % 10 == 0 ? 1 : 0;
  f.reassignments = (h >> 4) % 7 == 0 ? 1 : 0;
  f.first_contact_resolution = f.resolved && f.reopens == 0 && f.reassignments == 0;
  if (t.first_response_at) {
    f.first_response_seconds = (*t.first_response_at - t.created_at).count();
    f.first_response_business_seconds = *f.first_response_seconds / 2;
  }
  if (t.resolved_at && f.resolved) {
    f.resolution_seconds = (*t.resolved_at - t.created_at).count();
    f.resolution_business_seconds = *f.resolution_seconds / 3;
  }
  for (std::size_t k = 0; k < f.sla.size(); ++k) {
    const std::uint64_t v = (h >> (8 + 4 * k)) % 10;
    if (f.open)
      f.sla[k] = {SlaOutcome::pending, r.schedule.due_at};
    else
      f.sla[k].outcome = v == 0 ? SlaOutcome::not_applicable : v < 3 ? SlaOutcome::breached : SlaOutcome::met;
  }
  if (f.resolved && (h >> 32) % 3 == 0) {
    f.rated = true;
    f.efficiency = static_cast<std::uint8_t>(1 + (h >> 36) % 5);
    f.attitude = static_cast<std::uint8_t>(1 + (h >> 40) % 5);
    f.effectiveness = static_cast<std::uint8_t>(1 + (h >> 44) % 5);
  }
  if (f.open) f.next_due_at = r.schedule.due_at;
  return f;
}

/// The statements of a store file that make its tickets table and indexes: the raw
/// references write the same table as the store.
inline std::vector<std::string> tickets_ddl(const std::string& store_path) {
  sqlite3* db = nullptr;
  std::vector<std::string> out;
  if (sqlite3_open_v2(store_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
    throw std::runtime_error("cannot open " + store_path);
  sqlite3_stmt* s = nullptr;
  // The table before its indexes.
  sqlite3_prepare_v2(db,
                     "SELECT sql FROM sqlite_schema WHERE tbl_name = 'tickets' AND sql IS NOT NULL "
                     "ORDER BY type = 'index', name",
                     -1, &s, nullptr);
  while (sqlite3_step(s) == SQLITE_ROW) out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
  sqlite3_finalize(s);
  sqlite3_close(db);
  if (out.empty()) throw std::runtime_error(store_path + " has no tickets table");
  return out;
}

/// A raw sqlite3 connection with the store's file settings (WAL, synchronous=NORMAL, checkpoints).
inline sqlite3* open_raw(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) throw std::runtime_error("cannot open " + path);
  sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 10000;", nullptr, nullptr, nullptr);
  return db;
}

inline void check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
}

/// The INSERT the store runs for a ticket row, in raw form.
inline const char* kInsertTicket =
    "INSERT INTO tickets (id, customer_id, status, team, assignee, priority, channel, created_at, updated_at, "
    "closed_at, due_at, next_action_at, version, json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
    "?13, ?14)";

/// The column values of a ticket row, as the store binds them.
struct RawRow {
  std::string id, customer_id, status, team, assignee, priority, channel, json;
  std::int64_t created_at = 0, updated_at = 0, version = 0;
  std::optional<std::int64_t> closed_at, due_at, next_action_at;
};

inline RawRow raw_row(const Row& r) {
  const Ticket& t = r.ticket;
  auto opt = [](const std::optional<Instant>& x) -> std::optional<std::int64_t> {
    if (!x) return std::nullopt;
    return to_unix(*x);
  };
  return RawRow{t.id, t.customer_id, std::string(to_string(t.status)), t.team, t.assignee, t.priority,
                std::string(to_string(t.channel)), to_json_text(t), to_unix(t.created_at), to_unix(t.updated_at),
                t.version, opt(t.closed_at), opt(r.schedule.due_at), opt(r.schedule.next_action_at)};
}

inline void bind_raw(sqlite3_stmt* s, const RawRow& r) {
  auto text = [&](int k, const std::string& v) { sqlite3_bind_text(s, k, v.data(), static_cast<int>(v.size()), SQLITE_STATIC); };
  auto opt = [&](int k, const std::optional<std::int64_t>& v) {
    if (v)
      sqlite3_bind_int64(s, k, *v);
    else
      sqlite3_bind_null(s, k);
  };
  text(1, r.id);
  text(2, r.customer_id);
  text(3, r.status);
  text(4, r.team);
  text(5, r.assignee);
  text(6, r.priority);
  text(7, r.channel);
  sqlite3_bind_int64(s, 8, r.created_at);
  sqlite3_bind_int64(s, 9, r.updated_at);
  opt(10, r.closed_at);
  opt(11, r.due_at);
  opt(12, r.next_action_at);
  sqlite3_bind_int64(s, 13, r.version);
  text(14, r.json);
}

/// The desk's file, built once per program through the Store interface: customers in one
/// transaction, then every ticket with insert_ticket in one write transaction. Only the
/// insert_ticket calls and the commit are timed (the tickets are generated in chunks
/// between the timed spans), so the rate compares with the raw reference's.
struct Desk {
  std::string path = temp_path("million");
  std::int64_t tickets = ticket_count();
  double import_seconds = 0;  // insert_ticket calls and the commit

  Desk() {
    remove_db(path);
    auto store = SqliteStore::open(path);
    {
      auto tx = store->write();
      for (int c = 0; c < kCustomers; ++c) tx->insert_customer(customer(c));
      tx->commit();
    }
    auto tx = store->write();
    constexpr std::int64_t kChunk = 10000;
    std::vector<Row> chunk;
    for (std::int64_t first = 0; first < tickets; first += kChunk) {
      chunk.clear();
      for (std::int64_t i = first; i < std::min(tickets, first + kChunk); ++i) chunk.push_back(ticket(i, tickets));
      const auto start = Clock::now();
      for (const Row& r : chunk) tx->insert_ticket(r.ticket, r.schedule);
      import_seconds += std::chrono::duration<double>(Clock::now() - start).count();
      // Each ticket's report row, as the Desk writes it beside the ticket (not timed: the
      // import figure compares ticket rows with the raw reference's).
      for (const Row& r : chunk) tx->put_facts(facts(r));
    }
    const auto start = Clock::now();
    tx->commit();
    import_seconds += std::chrono::duration<double>(Clock::now() - start).count();
  }
  ~Desk() { remove_db(path); }
  Desk(const Desk&) = delete;
  Desk& operator=(const Desk&) = delete;
};

/// The program's desk, built on first use and removed at exit.
inline Desk& desk() {
  static Desk d;
  return d;
}

}  // namespace million
