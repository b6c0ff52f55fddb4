#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdio>

#include "support/test_db.hpp"

int main(int argc, char** argv) {
  if (!tshsync::test::database_available()) {
    std::fprintf(stderr,
                 "integration tests need PostgreSQL: run them under 'pg_virtualenv -v 15' (ctest does) "
                 "or point PGHOST/PGPORT/PGUSER at a server\n");
    return 1;
  }
  doctest::Context context(argc, argv);
  return context.run();
}
