// The libpq layer: parameters, results, connections and the pool (connection.hpp).
#include "store/postgres/connection.hpp"

#include <algorithm>
#include <charconv>

#include "ticketcore/error.hpp"

namespace ticketcore::detail::postgres {

PqError::PqError(std::string sqlstate, const std::string& message)
    : std::runtime_error(message), sqlstate_(std::move(sqlstate)) {}

// ---- Params ----

Params& Params::text(std::string_view value) {
  values_.emplace_back(std::string(value));
  return *this;
}

Params& Params::integer(std::int64_t value) {
  values_.emplace_back(std::to_string(value));
  return *this;
}

Params& Params::instant(const std::optional<Instant>& value) {
  if (!value) return null();
  return integer(to_unix(*value));
}

Params& Params::null() {
  values_.emplace_back(std::nullopt);
  return *this;
}

Params& Params::text_array(const std::vector<std::string>& values) {
  // Every element quoted, with " and \ escaped: no element is read as NULL or split.
  std::string literal = "{";
  for (const auto& value : values) {
    if (literal.size() > 1) literal += ',';
    literal += '"';
    for (char c : value) {
      if (c == '"' || c == '\\') literal += '\\';
      literal += c;
    }
    literal += '"';
  }
  literal += '}';
  values_.emplace_back(std::move(literal));
  return *this;
}

const std::vector<const char*>& Params::pointers() const {
  pointers_.clear();
  for (const auto& value : values_) pointers_.push_back(value ? value->c_str() : nullptr);
  return pointers_;
}

// ---- Result ----

std::string_view Result::text(int row, int column) const {
  return {PQgetvalue(result_.get(), row, column),
          static_cast<std::size_t>(PQgetlength(result_.get(), row, column))};
}

std::int64_t Result::integer(int row, int column) const {
  const auto value = text(row, column);
  std::int64_t out = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), out);
  if (error != std::errc() || end != value.data() + value.size())
    throw Error(ErrorCode::storage, "", "PostgreSQL returned \"" + std::string(value) + "\" where a number belongs");
  return out;
}

std::optional<Instant> Result::instant(int row, int column) const {
  if (null(row, column)) return std::nullopt;
  return from_unix(integer(row, column));
}

std::int64_t Result::changed() const {
  const char* count = PQcmdTuples(result_.get());
  return count && *count ? std::stoll(count) : 0;
}

// ---- Connection ----

namespace {

// Server notices (NOTICE, WARNING) would go to stderr by default: a library keeps quiet.
void ignore_notice(void*, const char*) {}

}  // namespace

Connection::Connection(const std::string& conninfo, const PostgresOptions& options)
    : connection_(PQconnectdb(conninfo.c_str())) {
  if (!connection_) throw PqError("", "out of memory connecting to PostgreSQL");
  if (PQstatus(connection_) != CONNECTION_OK) {
    std::string message = PQerrorMessage(connection_);
    PQfinish(connection_);
    while (!message.empty() && message.back() == '\n') message.pop_back();
    throw PqError("", message);
  }
  PQsetNoticeProcessor(connection_, ignore_notice, nullptr);
  try {
    // lock_timeout: a row lock held too long is busy, as SQLite's busy timeout. No parallel
    // query: the desk's statements read a few rows by index, and starting a worker costs
    // 60-90 ms (a 2-character search on a million tickets: 77 ms with one, 3.7 ms without).
    run(("SET lock_timeout = " + std::to_string(options.lock_timeout.count()) +
         "; SET client_encoding = 'UTF8'; SET standard_conforming_strings = on"
         "; SET max_parallel_workers_per_gather = 0")
            .c_str());
  } catch (...) {
    PQfinish(connection_);
    throw;
  }
}

Connection::~Connection() { PQfinish(connection_); }

void Connection::fail(PGresult* result) {
  std::string state;
  std::string message;
  if (result) {
    if (const char* s = PQresultErrorField(result, PG_DIAG_SQLSTATE)) state = s;
    message = PQresultErrorMessage(result);
    PQclear(result);
  }
  if (message.empty()) message = PQerrorMessage(connection_);
  while (!message.empty() && message.back() == '\n') message.pop_back();
  throw PqError(std::move(state), message);
}

Result Connection::checked(PGresult* result) {
  const auto status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(result);
  return Result(result);
}

const std::string& Connection::prepared(const std::string& sql, bool piped) {
  auto it = prepared_.find(sql);
  if (it != prepared_.end()) return it->second;
  std::string name = "tc" + std::to_string(++statements_);
  if (piped) {
    if (PQsendPrepare(connection_, name.c_str(), sql.c_str(), 0, nullptr) != 1) {
      broken_ = true;
      fail(nullptr);
    }
    wanted_.push_back(false);
    piped_prepares_.push_back(sql);
  } else {
    checked(PQprepare(connection_, name.c_str(), sql.c_str(), 0, nullptr));
  }
  return prepared_.emplace(sql, std::move(name)).first->second;
}

Result Connection::exec(const std::string& sql, const Params& params) {
  if (!wanted_.empty()) {  // after what was sent, in the same round trip
    ask(sql, params);
    return std::move(results().back());
  }
  const std::string& name = prepared(sql, false);
  const auto& values = params.pointers();
  return checked(PQexecPrepared(connection_, name.c_str(), params.size(), values.data(), nullptr, nullptr, 0));
}

void Connection::send(const std::string& sql, const Params& params) { pipe(sql, params, false); }

void Connection::ask(const std::string& sql, const Params& params) { pipe(sql, params, true); }

void Connection::pipe(const std::string& sql, const Params& params, bool wanted) {
  if (wanted_.empty() && PQenterPipelineMode(connection_) != 1) fail(nullptr);
  const std::string& name = prepared(sql, true);
  const auto& values = params.pointers();
  if (PQsendQueryPrepared(connection_, name.c_str(), params.size(), values.data(), nullptr, nullptr, 0) != 1) {
    broken_ = true;
    fail(nullptr);
  }
  wanted_.push_back(wanted);
}

void Connection::run(const char* sql) {
  if (wanted_.empty()) {
    checked(PQexec(connection_, sql));
    return;
  }
  // After what was sent, in the same round trip (so COMMIT carries the writes before it).
  if (PQsendQueryParams(connection_, sql, 0, nullptr, nullptr, nullptr, nullptr, 0) != 1) {
    broken_ = true;
    fail(nullptr);
  }
  wanted_.push_back(false);
  results();
}

std::vector<Result> Connection::results() {
  if (PQpipelineSync(connection_) != 1) {
    broken_ = true;
    fail(nullptr);
  }
  // Each statement's results end with a null, and the sync's own result ends them all. A
  // failed statement aborts those after it (PGRES_PIPELINE_ABORTED) up to the sync.
  std::optional<PqError> failure;
  std::vector<Result> kept;
  std::size_t statement = 0;  // whose results are being read
  bool ended = false;
  for (int nulls = 0; nulls < 2 && PQstatus(connection_) == CONNECTION_OK;) {
    PGresult* r = PQgetResult(connection_);
    if (!r) {
      ++nulls;
      ++statement;
      continue;
    }
    nulls = 0;
    const auto status = PQresultStatus(r);
    if (status == PGRES_PIPELINE_SYNC) {
      PQclear(r);
      ended = true;
      break;
    }
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
      if (statement < wanted_.size() && wanted_[statement])
        kept.emplace_back(r);
      else
        PQclear(r);
      continue;
    }
    if (status != PGRES_PIPELINE_ABORTED && !failure) {
      try {
        fail(r);  // clears r
      } catch (PqError& e) {
        failure = std::move(e);
      }
      continue;
    }
    PQclear(r);
  }
  const auto asked = static_cast<std::size_t>(std::count(wanted_.begin(), wanted_.end(), true));
  wanted_.clear();
  if (!ended || PQexitPipelineMode(connection_) != 1) {
    broken_ = true;
    if (!failure) failure = PqError("", "the connection to PostgreSQL broke during a pipeline");
  }
  if (!failure && kept.size() != asked) {  // every statement asked for answers, or none may be read
    broken_ = true;
    failure = PqError("", "PostgreSQL answered " + std::to_string(kept.size()) + " of " + std::to_string(asked) +
                              " statements of a pipeline");
  }
  if (failure) {
    // A PREPARE aborted with the rest: prepare those again (under new names) next time.
    for (const auto& sql : piped_prepares_) prepared_.erase(sql);
    piped_prepares_.clear();
    throw *failure;
  }
  piped_prepares_.clear();
  return kept;
}

bool Connection::alive() {
  // Reads what the server sent while the connection was idle, without waiting: a server
  // that shut down has closed it (and said so), which shows here without a round trip.
  return !broken_ && PQconsumeInput(connection_) == 1 && PQstatus(connection_) == CONNECTION_OK;
}

bool Connection::reusable() const {
  return !broken_ && wanted_.empty() && PQstatus(connection_) == CONNECTION_OK && PQtransactionStatus(connection_) == PQTRANS_IDLE;
}

bool Connection::in_transaction() const {
  if (!wanted_.empty()) return true;  // at least its BEGIN is on the way
  const auto status = PQtransactionStatus(connection_);
  return status == PQTRANS_INTRANS || status == PQTRANS_INERROR;
}

// ---- Pool ----

std::unique_ptr<Connection> Pool::acquire() {
  {
    std::lock_guard lock(mutex_);
    while (!idle_.empty()) {
      auto connection = std::move(idle_.back());
      idle_.pop_back();
      if (connection->alive()) return connection;
    }
  }
  return connect();
}

std::unique_ptr<Connection> Pool::connect() {
  try {
    return std::make_unique<Connection>(conninfo_, options_);
  } catch (const PqError& e) {
    throw_storage("connecting", e);
  }
}

void Pool::release(std::unique_ptr<Connection> connection) {
  if (!connection || !connection->reusable()) return;
  std::lock_guard lock(mutex_);
  if (idle_.size() < options_.idle_connections) idle_.push_back(std::move(connection));
}

void throw_storage(const char* what, const PqError& e) {
  const std::string message = std::string("PostgreSQL failed ") + what + ": " + e.what();
  const auto& state = e.sqlstate();
  if (state == "40001" || state == "40P01") throw RolledBack(message);  // serialization failure, deadlock
  if (state == "55P03") throw Error(ErrorCode::busy, "", message);       // lock_timeout
  throw Error(ErrorCode::storage, "", message);
}

}  // namespace ticketcore::detail::postgres
