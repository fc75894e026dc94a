// The libpq layer: parameters, results, connections and the pool (connection.hpp).
#include "store/postgres/connection.hpp"

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

Result Connection::exec(const std::string& sql, const Params& params) {
  auto it = prepared_.find(sql);
  if (it == prepared_.end()) {
    std::string name = "tc" + std::to_string(prepared_.size() + 1);
    checked(PQprepare(connection_, name.c_str(), sql.c_str(), 0, nullptr));
    it = prepared_.emplace(sql, std::move(name)).first;
  }
  const auto& values = params.pointers();
  return checked(PQexecPrepared(connection_, it->second.c_str(), params.size(), values.data(), nullptr, nullptr, 0));
}

void Connection::run(const char* sql) { checked(PQexec(connection_, sql)); }

bool Connection::reusable() const {
  return PQstatus(connection_) == CONNECTION_OK && PQtransactionStatus(connection_) == PQTRANS_IDLE;
}

bool Connection::in_transaction() const {
  const auto status = PQtransactionStatus(connection_);
  return status == PQTRANS_INTRANS || status == PQTRANS_INERROR;
}

// ---- Pool ----

std::unique_ptr<Connection> Pool::acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto connection = std::move(idle_.back());
      idle_.pop_back();
      return connection;
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
