#pragma once

#include <memory>
#include <string>

#include <tshsync/db/pqxx_fwd.hpp>

namespace tshsync::test {

// A fresh database for one test case, created in the cluster that
// pg_virtualenv (or libpq's PG* environment) points at, dropped afterwards.
class TestDatabase {
 public:
  TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;
  ~TestDatabase();

  const std::string& name() const { return name_; }
  // A DSN for the tshsync binary (key/value form, password included).
  std::string dsn() const;
  pqxx::connection& conn() { return *conn_; }

  // Runs SQL text (several statements allowed).
  void exec(const std::string& sql);
  long long count(const std::string& sql);   // first column of first row as integer
  std::string text(const std::string& sql);  // first column of first row as text ("" for NULL)

 private:
  std::string name_;
  std::unique_ptr<pqxx::connection> conn_;
};

// True when the PG* environment reaches a server; integration tests need one.
bool database_available();

}  // namespace tshsync::test
