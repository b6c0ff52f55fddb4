#pragma once

#include <string>

namespace tshsync::app {

// How the runner treats a command. Built with named setters, so a reader sees
// which switch is which (app/command_specs.cpp holds every command's):
//   CommandSpec::named("pull-stock").takes_lock().keeps_ledger().dry_run_if(dry_run)
struct CommandSpec {
  std::string name;          // "fix-stuck": lock key, metrics "command", sync_logs type
  bool writes = false;       // takes its advisory lock (not under --dry-run)
  bool uses_ledger = false;  // keeps a sync_logs row (not under --dry-run)
  bool needs_schema = true;  // refuses to run on a database migrate has not brought up to date
  bool dry_run = false;

  // Takes no lock, keeps no ledger, needs the current schema.
  static CommandSpec named(std::string command) {
    CommandSpec spec;
    spec.name = std::move(command);
    return spec;
  }
  CommandSpec& takes_lock() {
    writes = true;
    return *this;
  }
  CommandSpec& keeps_ledger() {
    uses_ledger = true;
    return *this;
  }
  // For migrate, which brings the schema up to date.
  CommandSpec& before_schema() {
    needs_schema = false;
    return *this;
  }
  CommandSpec& dry_run_if(bool yes) {
    dry_run = yes;
    return *this;
  }
};

}  // namespace tshsync::app
