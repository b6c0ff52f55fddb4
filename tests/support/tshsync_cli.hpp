#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/process.hpp"
#include "support/test_db.hpp"

namespace tshsync::test {

// The environment a test gives the tshsync binary: TSHSYNC_*/ZOHO_*
// variables removed unless `extra` sets them, and TSHSYNC_CONFIG an empty file
// unless `extra` names one (so an installed /etc/tshsync/tshsync.toml, with its
// alert URLs, is never read). For processes started without run_tshsync.
Env tshsync_env(const Env& extra = {});
// The same with TSHSYNC_DSN pointing at `db` unless `extra` sets it.
Env tshsync_env(const TestDatabase& db, const Env& extra = {});

// Runs the built tshsync binary against a test database, in tshsync_env(db, env).
ProcessResult run_tshsync(const TestDatabase& db, const std::vector<std::string>& args, const Env& env = {},
                          const std::string& input = "", int timeout_s = 300);
ProcessResult run_tshsync_raw(const std::vector<std::string>& args, const Env& env = {}, const std::string& input = "",
                              int timeout_s = 300);

// The metrics line: the last non-empty line of stdout, parsed.
nlohmann::json metrics_of(const ProcessResult& r);

// A readable dump for failed CHECKs.
std::string describe(const ProcessResult& r);

// Applies every migration with the binary (fails the test if it fails).
void migrate(const TestDatabase& db);

// Path of a file in the source tree (tests/data/..., sql/...).
std::string source_path(const std::string& relative);

// The whole content of a file.
std::string read_text(const std::string& path);

// Loads the audit-shaped ERP (tests/data/audit_erp.sql) into a fresh database,
// then migrates it, then adds the audit's history (audit_history.sql).
void seed_audit_erp(TestDatabase& db);

// A temporary directory removed at destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }
  void write(const std::string& name, const std::string& content, unsigned mode = 0600) const;

 private:
  std::string path_;
};

}  // namespace tshsync::test
