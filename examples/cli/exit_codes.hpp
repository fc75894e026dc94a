#pragma once
// Exit codes by class of error (sysexits.h numbers, docs/cli.md "Exit codes"), and
// how a failure is told on stderr: the code's name, the field's path, the message.

#include <stdexcept>
#include <string>
#include <string_view>

#include "ticketcore/error.hpp"

namespace ticketcore::cli {

/// The tool's exit codes; scripts branch on them, so they never change meaning.
enum ExitCode : int {
  exit_ok = 0,         ///< done
  exit_usage = 64,     ///< EX_USAGE: a malformed command line
  exit_data = 65,      ///< EX_DATAERR: invalid input, or a change the workflow does not allow
  exit_no_input = 66,  ///< EX_NOINPUT: a ticket, customer, desk file or input file not found
  exit_internal = 70,  ///< EX_SOFTWARE: a bug
  exit_os = 71,        ///< EX_OSERR: out of memory
  exit_io = 74,        ///< EX_IOERR: the store (SQLite) or an output file failed
  exit_conflict = 75,  ///< EX_TEMPFAIL: someone changed it meanwhile, it exists already, or the file stayed locked
  exit_denied = 77,    ///< EX_NOPERM: the actor may not do this
};

/// A command line the tool cannot use (beyond what CLI11 checks): exit 64.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The exit code of a library error.
int exit_code_for(ErrorCode code);

/// Writes a library error on stderr, as text or (with --json) as one JSON object.
void report_error(const Error& error, bool json);

/// Writes any other failure (usage, a bug) on stderr, as text or one JSON object.
void report_failure(std::string_view code, std::string_view message, bool json);

}  // namespace ticketcore::cli
