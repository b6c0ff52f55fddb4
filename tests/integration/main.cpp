#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdio>

#include "support/test_db.hpp"

int main(int argc, char** argv) {
  doctest::Context context(argc, argv);
  // --list-test-suites and friends need no server: the build lists the suites for ctest.
  if (!context.shouldExit() && !tshsync::test::database_available()) {
    std::fprintf(stderr,
                 "integration tests need PostgreSQL: run them under 'pg_virtualenv -t -v 15' (ctest starts one "
                 "cluster for the run) or point PGHOST/PGPORT/PGUSER at a server\n");
    return 1;
  }
  return context.run();
}
