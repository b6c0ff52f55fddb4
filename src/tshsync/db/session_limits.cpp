#include <tshsync/db/session_limits.hpp>

#include <atomic>
#include <regex>

#include <pqxx/pqxx>

#include <tshsync/core/error.hpp>
#include <tshsync/util/duration.hpp>
#include <tshsync/util/one_line.hpp>

namespace tshsync::db {

namespace {

std::atomic<long long> g_lock_timeout_s{30};
std::atomic<long long> g_statement_timeout_s{30 * 60};

// `relation "products"` in the error's text or context.
std::string relation_in(const std::string& text) {
  static const std::regex quoted(R"re((?:relation|table) "?([A-Za-z0-9_.]+)"?)re");
  std::smatch match;
  return std::regex_search(text, match, quoted) ? match[1].str() : std::string();
}

// The privilege a statement needed, from its first verb.
std::string privilege_of(const std::string& query) {
  static const std::regex verb(R"re(\b(INSERT|UPDATE|DELETE|TRUNCATE|SELECT)\b)re", std::regex::icase);
  for (const char* write : {"INSERT", "UPDATE", "DELETE", "TRUNCATE"}) {
    std::regex word(std::string("\\b") + write + "\\b", std::regex::icase);
    if (std::regex_search(query, word)) return write;
  }
  return std::regex_search(query, verb) ? "SELECT" : "the needed privilege";
}

std::string seconds(long long s) { return util::format_duration(std::chrono::seconds(s)); }

}  // namespace

void set_session_limits(std::chrono::seconds lock_timeout, std::chrono::seconds statement_timeout) {
  g_lock_timeout_s = lock_timeout.count();
  g_statement_timeout_s = statement_timeout.count();
}

void apply_session_limits(pqxx::connection& conn) {
  pqxx::nontransaction tx(conn);
  tx.exec_params("SELECT set_config('lock_timeout', $1, false), set_config('statement_timeout', $2, false)",
                 std::to_string(g_lock_timeout_s.load()) + "s", std::to_string(g_statement_timeout_s.load()) + "s");
}

// libpqxx 6.4 throws insufficient_privilege without its SQLSTATE.
std::string state_of(const pqxx::sql_error& e) {
  if (dynamic_cast<const pqxx::insufficient_privilege*>(&e) != nullptr) return "42501";
  return e.sqlstate();
}

bool is_operational(const pqxx::sql_error& e) {
  const std::string state = state_of(e);
  const std::string text = e.what();
  return state == "55P03" || state == "40P01" || state == "40001" || state == "25006" || state == "42501" ||
         (state == "57014" && text.find("statement timeout") != std::string::npos);
}

void throw_operational(const pqxx::sql_error& e, const std::string& blocking) {
  const std::string state = state_of(e);
  const std::string text = e.what();
  const std::string relation = relation_in(text);
  if (state == "55P03") {
    const std::string what = !relation.empty() ? relation : !blocking.empty() ? blocking : "a relation";
    throw core::temp_fail_error("waited longer than lock_timeout (" + seconds(g_lock_timeout_s) + ") for a lock on " +
                                what + " held by another session; retry later or raise [database].lock_timeout");
  }
  if (state == "57014")
    throw core::temp_fail_error("a statement ran longer than statement_timeout (" + seconds(g_statement_timeout_s) +
                                ")" + (blocking.empty() ? "" : " (locks held elsewhere: " + blocking + ")") +
                                "; retry later or raise [database].statement_timeout");
  if (state == "40P01" || state == "40001")
    throw core::temp_fail_error("PostgreSQL aborted the transaction to resolve a conflict with another session (" +
                                util::redacted_first_line(text) + "); retry later");
  if (state == "25006")
    throw core::config_error("the database is read-only (a standby, or default_transaction_read_only): " +
                             util::redacted_first_line(text) + "; point [database].dsn at the primary");
  const std::string privilege = privilege_of(e.query());
  throw core::Error(core::ExitCode::no_perm,
                    "missing privilege " + privilege + (relation.empty() ? "" : " on " + relation) + " (" +
                        util::redacted_first_line(text) + "): grant it to tshsync's database role");
}

std::string blocking_relations(pqxx::connection& conn) {
  pqxx::nontransaction tx(conn);
  const auto rows = tx.exec(
      "SELECT string_agg(DISTINCT c.relname || ' (pid ' || l.pid || ')', ', ') "
      "FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
      "WHERE l.granted AND l.pid <> pg_backend_pid() AND l.database = (SELECT oid FROM pg_database WHERE datname = "
      "current_database()) AND l.mode IN ('ShareLock', 'ShareRowExclusiveLock', 'ExclusiveLock', "
      "'AccessExclusiveLock') AND c.relkind IN ('r', 'p')");
  return rows.empty() || rows[0][0].is_null() ? std::string() : rows[0][0].as<std::string>();
}

}  // namespace tshsync::db
