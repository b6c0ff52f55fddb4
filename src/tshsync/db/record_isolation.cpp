#include <tshsync/db/record_isolation.hpp>

#include <pqxx/pqxx>

namespace tshsync::db {

namespace {

void bisect_range(size_t begin, size_t end, const RangeTry& try_range,
                  const std::function<void(size_t, const std::string&)>& reject) {
  if (begin >= end) return;
  const auto rejected = try_range(begin, end);
  if (!rejected) return;
  if (end - begin == 1) {
    reject(begin, *rejected);
    return;
  }
  const size_t middle = begin + (end - begin) / 2;
  bisect_range(begin, middle, try_range, reject);
  bisect_range(middle, end, try_range, reject);
}

}  // namespace

void bisect_rejections(size_t count, const RangeTry& try_range,
                       const std::function<void(size_t, const std::string&)>& reject) {
  bisect_range(0, count, try_range, reject);
}

bool is_record_rejection(const pqxx::sql_error& e) {
  const std::string& state = e.sqlstate();
  return state.rfind("23", 0) == 0 || state == "22001" || state == "22003";
}

std::string rejection_reason(const pqxx::sql_error& e) {
  std::string text = e.what();
  text = text.substr(0, text.find('\n'));
  for (const char* prefix : {"ERROR:  ", "ERROR: "})
    if (text.rfind(prefix, 0) == 0) return text.substr(std::string(prefix).size());
  return text;
}

std::optional<std::string> try_in_savepoint(pqxx::transaction_base& tx, const std::function<void()>& attempt) {
  tx.exec("SAVEPOINT tshsync_records");
  try {
    attempt();
  } catch (const pqxx::sql_error& e) {
    if (!is_record_rejection(e)) throw;
    tx.exec("ROLLBACK TO SAVEPOINT tshsync_records");
    tx.exec("RELEASE SAVEPOINT tshsync_records");
    return rejection_reason(e);
  }
  tx.exec("RELEASE SAVEPOINT tshsync_records");
  return std::nullopt;
}

void isolate_records(pqxx::transaction_base& tx, size_t count, const std::function<void(size_t, size_t)>& attempt,
                     const std::function<void(size_t, const std::string&)>& reject) {
  bisect_rejections(
      count, [&](size_t begin, size_t end) { return try_in_savepoint(tx, [&] { attempt(begin, end); }); }, reject);
}

}  // namespace tshsync::db
