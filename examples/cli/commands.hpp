#pragma once
// The command groups of the tool, one file each; main.cpp adds them to the command line.
// Each subcommand's callback only records what to run (Session::command): it runs after
// the whole line is parsed, when the global options are known wherever they were written.

#include <functional>

#include <CLI/CLI.hpp>

#include "session.hpp"

namespace ticketcore::cli {

/// init, config lint|show|history|preset|dry-run|publish (desk_commands.cpp).
void add_desk_commands(CLI::App& app, Session& session);
/// customers add|find|show (customer_commands.cpp).
void add_customer_commands(CLI::App& app, Session& session);
/// tickets add|show|list|search and the changes (ticket_commands.cpp).
void add_ticket_commands(CLI::App& app, Session& session);
/// queue, sweep, purge, audit (work_commands.cpp).
void add_work_commands(CLI::App& app, Session& session);
/// import, export: JSON lines and CSV (transfer_commands.cpp).
void add_transfer_commands(CLI::App& app, Session& session);
/// report: text, JSON, HTML (report_commands.cpp).
void add_report_commands(CLI::App& app, Session& session);

/// Makes `command` run `run` when it is the one chosen.
inline void on_run(CLI::App* command, Session& session, std::function<void()> run) {
  command->callback([&session, run = std::move(run)] { session.command = run; });
}

}  // namespace ticketcore::cli
