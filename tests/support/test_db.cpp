#include "support/test_db.hpp"

#include <atomic>
#include <cstdlib>

#include <unistd.h>

#include <pqxx/pqxx>

namespace tshsync::test {

namespace {
std::atomic<int> g_counter{0};

std::string env_or(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

std::string admin_dsn() { return "dbname=" + env_or("PGDATABASE", "postgres"); }
}  // namespace

bool database_available() {
  try {
    pqxx::connection c(admin_dsn());
    return c.is_open();
  } catch (const std::exception&) {
    return false;
  }
}

TestDatabase::TestDatabase() {
  name_ = "tshsync_test_" + std::to_string(::getpid()) + "_" + std::to_string(++g_counter);
  pqxx::connection admin(admin_dsn());
  pqxx::nontransaction tx(admin);
  tx.exec("DROP DATABASE IF EXISTS " + tx.quote_name(name_));
  tx.exec("CREATE DATABASE " + tx.quote_name(name_));
  conn_ = std::make_unique<pqxx::connection>(dsn());
}

TestDatabase::~TestDatabase() {
  conn_.reset();
  try {
    pqxx::connection admin(admin_dsn());
    pqxx::nontransaction tx(admin);
    tx.exec("DROP DATABASE IF EXISTS " + tx.quote_name(name_) + " WITH (FORCE)");
  } catch (...) {
  }
}

std::string TestDatabase::dsn() const {
  std::string dsn = "dbname=" + name_;
  if (const char* host = std::getenv("PGHOST")) dsn += std::string(" host=") + host;
  if (const char* port = std::getenv("PGPORT")) dsn += std::string(" port=") + port;
  if (const char* user = std::getenv("PGUSER")) dsn += std::string(" user=") + user;
  return dsn;
}

void TestDatabase::exec(const std::string& sql) {
  pqxx::nontransaction tx(*conn_);
  tx.exec(sql);
}

long long TestDatabase::count(const std::string& sql) {
  pqxx::nontransaction tx(*conn_);
  return tx.exec(sql)[0][0].as<long long>();
}

std::string TestDatabase::text(const std::string& sql) {
  pqxx::nontransaction tx(*conn_);
  const auto r = tx.exec(sql);
  return r.empty() || r[0][0].is_null() ? "" : r[0][0].c_str();
}

}  // namespace tshsync::test
