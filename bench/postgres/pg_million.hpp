#pragma once
// The million-ticket desk of bench/store/million.hpp in PostgreSQL: the same customers,
// tickets and report rows, written through the Store API (so every column, search token
// and facts row is the store's own), into a named schema that later programs on the same
// server reuse: a load takes minutes.
//
// The store's counters mark the schema: kLoaded, set in the last transaction of a load,
// says it holds all `n` tickets; a schema without it (an interrupted load) is loaded anew.

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "postgres/pg_bench.hpp"
#include "store/million.hpp"
#include "ticketcore/store/postgres_store.hpp"

namespace pg_million {

using namespace ticketcore;

/// Counters of the schema that describe the load itself.
inline const char* const kLoaded = "bench:million_loaded";    // the tickets loaded, set last
inline const char* const kLoadMs = "bench:million_load_ms";   // how long the load took
inline const char* const kVacuumMs = "bench:million_vacuum_ms";
/// The sweep benchmark's tickets so far (their serials). They are cancelled once swept, so
/// the desk's open tickets stay the loaded ones, but they stay as rows: past this many the
/// desk is loaded anew.
inline const char* const kSweepPool = "bench:sweep_pool";
inline constexpr std::int64_t kSweepPoolLimit = 100000;

/// The processes a load writes with, each its own share of the teams: two, so that both
/// cores work (the client making rows while the server stores the other's).
inline constexpr int kLoaders = 2;
/// Tickets per write transaction of a loader.
inline constexpr std::int64_t kBatch = 20000;

/// The schema of a desk of `n` tickets; the version changes when million.hpp's data does.
inline std::string schema_for(std::int64_t n) {
  return n == 1000000 ? "tc_bench_million_v1" : "tc_bench_million_v1_" + std::to_string(n);
}

/// Loader `k`'s part of the desk: every ticket whose team falls to it, with its report row.
/// The shares touch disjoint agent_load rows, so the loaders never wait for each other.
inline void load_share(const std::string& location, std::int64_t n, int k) {
  auto store = PostgresStore::open(location);
  std::int64_t in_batch = 0;
  auto tx = store->write();
  for (std::int64_t i = 0; i < n; ++i) {
    // Minutes of silence otherwise: the first loader tells how far the desk is.
    if (k == 0 && i > 0 && i % (n / 10 > 0 ? n / 10 : 1) == 0)
      std::fprintf(stderr, "  %lld of %lld tickets\n", static_cast<long long>(i), static_cast<long long>(n));
    const million::Row r = million::ticket(i, n);
    if (std::stoi(r.ticket.team.substr(5)) % kLoaders != k) continue;  // "team-07"
    tx->insert_ticket(r.ticket, r.schedule);
    tx->put_facts(million::facts(r));
    if (++in_batch == kBatch) {
      tx->commit();
      tx = store->write();
      in_batch = 0;
    }
  }
  tx->commit();
}

/// The program's desk: reused when its schema is complete, else loaded (a few minutes).
struct Desk {
  std::int64_t tickets = million::ticket_count();
  std::string schema = schema_for(tickets);
  double load_seconds = 0;    // customers, tickets and report rows: as recorded when it was loaded
  double vacuum_seconds = 0;  // VACUUM ANALYZE after the load, as autovacuum would soon do, and a checkpoint
  bool loaded_now = false;
  std::shared_ptr<Store> store;

  Desk() {
    pg_bench::Raw guard;
    // One program loads a schema at a time; another waits and then reuses it.
    guard.run("SELECT pg_advisory_lock(hashtext('" + schema + "'))");
    guard.run("CREATE SCHEMA IF NOT EXISTS " + schema);
    store = PostgresStore::open(pg_bench::location(schema));
    if (!complete()) {
      store.reset();
      guard.run("DROP SCHEMA " + schema + " CASCADE; CREATE SCHEMA " + schema);
      store = PostgresStore::open(pg_bench::location(schema));
      load(guard);
    }
    guard.run("SELECT pg_advisory_unlock(hashtext('" + schema + "'))");
  }

  std::map<std::string, std::int64_t> counters() const {
    std::map<std::string, std::int64_t> out;
    for (auto& [name, value] : store->read()->counters()) out[name] = value;
    return out;
  }

 private:
  bool complete() {
    auto c = counters();
    if (c[kLoaded] != tickets || c[kSweepPool] > kSweepPoolLimit) return false;
    load_seconds = static_cast<double>(c[kLoadMs]) / 1e3;
    vacuum_seconds = static_cast<double>(c[kVacuumMs]) / 1e3;
    return true;
  }

  void load(pg_bench::Raw& admin) {
    loaded_now = true;
    std::fprintf(stderr, "loading %lld tickets into PostgreSQL schema %s\n", static_cast<long long>(tickets),
                 schema.c_str());
    const auto start = pg_bench::Clock::now();
    {
      auto tx = store->write();
      for (int c = 0; c < million::kCustomers; ++c) tx->insert_customer(million::customer(c));
      tx->commit();
    }
    std::fflush(nullptr);
    std::vector<pid_t> loaders;
    for (int k = 0; k < kLoaders; ++k) {
      const pid_t pid = ::fork();
      if (pid < 0) throw std::runtime_error("fork failed");
      if (pid == 0) {
        // A child of its own connections; _exit, so nothing of the parent's is closed here.
        int code = 0;
        try {
          load_share(pg_bench::location(schema), tickets, k);
        } catch (const std::exception& e) {
          std::fprintf(stderr, "loader %d: %s\n", k, e.what());
          code = 1;
        }
        ::_exit(code);
      }
      loaders.push_back(pid);
    }
    bool failed = false;
    for (pid_t pid : loaders) {
      int status = 0;
      ::waitpid(pid, &status, 0);
      failed = failed || !WIFEXITED(status) || WEXITSTATUS(status) != 0;
    }
    if (failed) throw std::runtime_error("loading the million desk into PostgreSQL failed");
    load_seconds = std::chrono::duration<double>(pg_bench::Clock::now() - start).count();

    const auto vacuum_start = pg_bench::Clock::now();
    const std::string tables = admin.value(
        "SELECT string_agg(quote_ident(schemaname) || '.' || quote_ident(tablename), ', ') FROM pg_tables "
        "WHERE schemaname = '" + schema + "'");
    admin.run("VACUUM (ANALYZE) " + tables);
    // The load's WAL written out now, not by a checkpoint in the middle of a timed sweep.
    admin.run("CHECKPOINT");
    vacuum_seconds = std::chrono::duration<double>(pg_bench::Clock::now() - vacuum_start).count();
    std::fprintf(stderr, "loaded in %.1f s, vacuumed in %.1f s\n", load_seconds, vacuum_seconds);

    auto tx = store->write();
    tx->set_counter(kLoadMs, static_cast<std::int64_t>(load_seconds * 1e3));
    tx->set_counter(kVacuumMs, static_cast<std::int64_t>(vacuum_seconds * 1e3));
    tx->set_counter(kLoaded, tickets);
    tx->commit();
  }
};

/// The program's desk, loaded or found on first use.
inline Desk& desk() {
  static Desk d;
  return d;
}

}  // namespace pg_million
