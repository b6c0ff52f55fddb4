#include <tshsync/db/cutoff.hpp>

namespace tshsync::db {

std::string cutoff_before_now(pqxx::connection& conn, std::chrono::seconds older_than) {
  pqxx::nontransaction tx(conn);
  return tx
      .exec_params("SELECT (now() - $1::bigint * interval '1 second')::text",
                   static_cast<long long>(older_than.count()))[0][0]
      .as<std::string>();
}

}  // namespace tshsync::db
