#include "support/tshsync_cli.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <sys/stat.h>
#include <unistd.h>

#include "support/built_paths.hpp"

namespace tshsync::test {

namespace {

// An empty configuration file for the whole test run, removed at exit.
class EmptyConfig {
 public:
  EmptyConfig()
      : path_((std::filesystem::temp_directory_path() / ("tshsync-tests-" + std::to_string(::getpid()) + ".toml"))
                  .string()) {
    std::ofstream(path_) << "# tests: no configuration beyond the environment\n";
  }
  ~EmptyConfig() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  EmptyConfig(const EmptyConfig&) = delete;
  EmptyConfig& operator=(const EmptyConfig&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

Env tshsync_env(const Env& extra) {
  static const EmptyConfig empty_config;
  Env env;
  for (const char* name :
       {"TSHSYNC_CONFIG", "TSHSYNC_DSN", "TSHSYNC_METRICS_JSONL", "TSHSYNC_METRICS_TEXTFILE_DIR", "ZOHO_CLIENT_ID",
        "ZOHO_CLIENT_SECRET", "ZOHO_REFRESH_TOKEN", "ZOHO_ORGANIZATION_ID", "ZOHO_PRODUCT", "ZOHO_DC",
        "ZOHO_ACCOUNTS_URL", "ZOHO_API_URL", "ZOHO_REQUESTS_PER_MINUTE", "ZOHO_DAILY_CALL_BUDGET",
        "ZOHO_WEBHOOK_SECRET", "TSHSYNC_SLACK_WEBHOOK_URL", "TSHSYNC_HEALTHCHECKS_URL", "TSHSYNC_WEBHOOK_KEY"})
    env[name] = "\x01";
  env["TSHSYNC_CONFIG"] = empty_config.path();
  for (const auto& [k, v] : extra) env[k] = v;
  return env;
}

Env tshsync_env(const TestDatabase& db, const Env& extra) {
  Env env = tshsync_env(extra);
  if (!extra.count("TSHSYNC_DSN")) env["TSHSYNC_DSN"] = db.dsn();
  return env;
}

ProcessResult run_tshsync_raw(const std::vector<std::string>& args, const Env& env, const std::string& input,
                              int timeout_s) {
  std::vector<std::string> argv{tshsync_binary()};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, tshsync_env(env), input, timeout_s);
}

ProcessResult run_tshsync(const TestDatabase& db, const std::vector<std::string>& args, const Env& env,
                          const std::string& input, int timeout_s) {
  std::vector<std::string> argv{tshsync_binary()};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, tshsync_env(db, env), input, timeout_s);
}

nlohmann::json metrics_of(const ProcessResult& r) {
  std::string last;
  size_t start = 0;
  while (start < r.out.size()) {
    size_t end = r.out.find('\n', start);
    if (end == std::string::npos) end = r.out.size();
    if (end > start) last = r.out.substr(start, end - start);
    start = end + 1;
  }
  try {
    return nlohmann::json::parse(last);
  } catch (const std::exception&) {
    return nlohmann::json();
  }
}

std::string describe(const ProcessResult& r) {
  return "exit " + std::to_string(r.exit_code) + "\n--- stdout ---\n" + r.out + "--- stderr ---\n" + r.err;
}

void migrate(const TestDatabase& db) {
  const auto r = run_tshsync(db, {"migrate", "--quiet"});
  if (r.exit_code != 0) throw std::runtime_error("migrate failed: " + describe(r));
}

std::string source_path(const std::string& relative) { return std::string(source_dir()) + "/" + relative; }

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void seed_audit_erp(TestDatabase& db) {
  db.exec(read_text(source_path("tests/data/audit_erp.sql")));
  migrate(db);
  db.exec(read_text(source_path("tests/data/audit_history.sql")));
}

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "tshsync-test-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void TempDir::write(const std::string& name, const std::string& content, unsigned mode) const {
  const std::string p = file(name);
  std::ofstream(p, std::ios::binary) << content;
  ::chmod(p.c_str(), static_cast<mode_t>(mode));
}

}  // namespace tshsync::test
