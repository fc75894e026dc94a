// ticketcore: the command-line tool over a desk file (docs/cli.md). This file wires the
// global options and the command groups together and turns failures into exit codes.
#include <cstdlib>
#include <iostream>
#include <new>

#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "session.hpp"

using namespace ticketcore::cli;

namespace {

std::string env_or(const char* name, const char* fallback) {
  const char* value = std::getenv(name);
  return value && *value ? value : fallback;
}

}  // namespace

int main(int argc, char** argv) {
  Session session;
  CLI::App app{"ticketcore: a customer-support desk on an SQLite file (docs/cli.md)", "ticketcore"};
  app.require_subcommand(1);
  app.fallthrough();  // global options may also follow the subcommand
  session.options.database = env_or("TICKETCORE_DATABASE", "desk.db");
  session.options.as = env_or("TICKETCORE_AS", "system");
  app.add_option("--database", session.options.database, "the desk file (default: $TICKETCORE_DATABASE, else ./desk.db)");
  app.add_option("--as", session.options.as,
                 "who acts: agent:ID, supervisor:ID, admin:ID, customer:ID or system (default: $TICKETCORE_AS, else system)");
  app.add_option("--now", session.options.now, "run at this RFC 3339 instant with a manual clock (replays, tests)");
  app.add_flag("--json", session.options.json, "machine-readable output: one JSON document on stdout");

  add_desk_commands(app, session);
  add_customer_commands(app, session);
  add_ticket_commands(app, session);
  add_work_commands(app, session);
  add_transfer_commands(app, session);
  add_report_commands(app, session);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);  // prints help, or the parse error with a hint
    return code == 0 ? exit_ok : exit_usage;
  }
  const bool json = session.options.json;
  try {
    if (session.command) session.command();
    return exit_ok;
  } catch (const ticketcore::Error& e) {
    report_error(e, json);
    return exit_code_for(e.code());
  } catch (const UsageError& e) {
    report_failure("usage", e.what(), json);
    return exit_usage;
  } catch (const std::bad_alloc&) {
    report_failure("out_of_memory", "out of memory", json);
    return exit_os;
  } catch (const std::exception& e) {
    report_failure("internal", e.what(), json);
    return exit_internal;
  }
}
