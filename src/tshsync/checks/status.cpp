#include <tshsync/checks/status.hpp>

#include <algorithm>

#include <pqxx/pqxx>

#include <tshsync/checks/health_figures.hpp>
#include <tshsync/db/migrations.hpp>
#include <tshsync/zoho/call_shares.hpp>

namespace tshsync::checks {

namespace {

// Times leave PostgreSQL already in UTC ISO-8601, ages as whole seconds.
// Per command, newest first on sync_logs_type_status_idx: the last run, the
// last success, the last run that did not succeed.
constexpr const char* kCommandsSql = R"(
SELECT c.name,
       to_char(lr.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       floor(extract(epoch FROM now() - lr.created_at))::bigint, lr.status,
       to_char(ls.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       floor(extract(epoch FROM now() - ls.created_at))::bigint,
       to_char(le.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       floor(extract(epoch FROM now() - le.created_at))::bigint, le.status, le.error_message
FROM jsonb_array_elements_text($1::jsonb) WITH ORDINALITY AS c(name, ord)
LEFT JOIN LATERAL (SELECT created_at, status FROM sync_logs s WHERE s.sync_type = c.name
                   ORDER BY created_at DESC LIMIT 1) lr ON true
LEFT JOIN LATERAL (SELECT created_at FROM sync_logs s WHERE s.sync_type = c.name AND s.status = 'success'
                   ORDER BY created_at DESC LIMIT 1) ls ON true
LEFT JOIN LATERAL (SELECT created_at, status, error_message FROM sync_logs s WHERE s.sync_type = c.name
                   AND s.status NOT IN ('success', 'in_progress') ORDER BY created_at DESC LIMIT 1) le ON true
ORDER BY c.ord)";

constexpr const char* kStateSql = R"(
SELECT key, value::text, to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
FROM tshsync_state ORDER BY key)";

constexpr const char* kDeadLettersSql = R"(
SELECT count(*) FILTER (WHERE resolved_at IS NULL AND exhausted_at IS NULL AND NOT needs_human),
       count(*) FILTER (WHERE resolved_at IS NULL AND exhausted_at IS NULL AND needs_human),
       count(*) FILTER (WHERE resolved_at IS NULL AND exhausted_at IS NOT NULL),
       count(*) FILTER (WHERE resolved_at IS NOT NULL)
FROM webhook_dead_letter_queue)";

// The cache key is a SHA-256 of the client; its first characters tell clients apart.
constexpr const char* kTokensSql = R"(
SELECT left(cache_key, 12),
       COALESCE(to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), ''),
       COALESCE(floor(extract(epoch FROM expires_at - now()))::bigint, 0),
       access_token IS NOT NULL AND expires_at IS NOT NULL AND expires_at > now()
FROM tshsync_oauth_tokens ORDER BY updated_at DESC)";

// Zoho's day is counted in UTC (tshsync_rate_account.day).
constexpr const char* kCallsTodaySql = R"(
SELECT COALESCE(sum(calls_today), 0)::bigint FROM tshsync_rate_account
WHERE day = (now() AT TIME ZONE 'UTC')::date AND ($1::text = '' OR organization_id = $1::text))";

// Per command, today's calls; and how far into the UTC day the database is.
constexpr const char* kCallsByCommandSql = R"(
SELECT command, calls FROM tshsync_call_usage
WHERE day = (now() AT TIME ZONE 'UTC')::date AND ($1::text = '' OR organization_id = $1::text))";
constexpr const char* kIntoDaySql =
    "SELECT floor(extract(epoch FROM (now() AT TIME ZONE 'UTC') - date_trunc('day', now() AT TIME ZONE "
    "'UTC')))::bigint";

void read_calls(pqxx::transaction_base& tx, const StatusOptions& options, std::vector<CommandStatus>& commands) {
  const std::chrono::seconds into_day(tx.exec(kIntoDaySql)[0][0].as<long long>());
  for (auto& c : commands) {
    const auto share = options.call_shares.find(c.command);
    if (share == options.call_shares.end()) continue;
    c.calls_allowed_now = zoho::allowance_at(options.daily_call_budget, share->second, into_day);
    c.calls_share = zoho::allowance_at(options.daily_call_budget, share->second, std::chrono::hours(24));
  }
  for (const auto& row : tx.exec_params(kCallsByCommandSql, options.organization_id)) {
    const std::string command = row[0].as<std::string>();
    for (auto& c : commands)
      if (c.command == command) c.calls_today += row[1].as<long long>();
  }
}

std::optional<CommandRun> run_at(const pqxx::row& row, int at, int age, int status = -1, int error = -1) {
  if (row[at].is_null()) return std::nullopt;
  CommandRun run;
  run.at = row[at].as<std::string>();
  run.age_seconds = std::max(0LL, row[age].as<long long>());
  if (status >= 0) run.status = row[status].as<std::string>("");
  if (error >= 0) run.error = row[error].as<std::string>("");
  return run;
}

void judge(CommandStatus& c, std::chrono::seconds stale_after) {
  if (!c.scheduled || !c.last_run) return;  // never run: not scheduled yet, not overdue
  if (!c.last_success) {
    c.overdue = true;
    c.overdue_reason = "has run but never succeeded";
  } else if (c.last_success->age_seconds > stale_after.count()) {
    c.overdue = true;
    c.overdue_reason = "last success older than [health].stale_after";
  }
}

bool belongs_to(const std::string& key, const std::string& command) {
  return key.rfind(command + ".", 0) == 0 || key == "strategy." + command;
}

nlohmann::json run_json(const std::optional<CommandRun>& run) {
  if (!run) return nullptr;
  nlohmann::json j{{"at", run->at}, {"age_seconds", run->age_seconds}};
  if (!run->status.empty()) j["status"] = run->status;
  if (!run->error.empty()) j["error"] = run->error;
  return j;
}

}  // namespace

const std::vector<std::string>& ledger_commands() {
  static const std::vector<std::string> all{"pull-products", "pull-stock",      "pull-prices",
                                            "replay-dlq",    "backfill-prices", "archive-logs"};
  return all;
}

bool StatusReport::overdue() const {
  return std::any_of(commands.begin(), commands.end(), [](const CommandStatus& c) { return c.overdue; });
}

StatusReport read_status(pqxx::connection& conn, const StatusOptions& options) {
  StatusReport report;
  report.latest_schema_version = db::latest_schema_version();
  report.schema_version = db::applied_schema_version(conn);
  report.daily_call_budget = options.daily_call_budget;
  if (report.schema_version == 0) return report;  // nothing of tshsync's to read yet

  pqxx::read_transaction tx(conn);
  const auto& scheduled = scheduled_sync_commands();
  for (const auto& row : tx.exec_params(kCommandsSql, nlohmann::json(ledger_commands()).dump())) {
    CommandStatus c;
    c.command = row[0].as<std::string>();
    c.scheduled = std::find(scheduled.begin(), scheduled.end(), c.command) != scheduled.end();
    c.last_run = run_at(row, 1, 2, 3);
    c.last_success = run_at(row, 4, 5);
    c.last_error = run_at(row, 6, 7, 8, 9);
    judge(c, options.stale_after);
    report.commands.push_back(std::move(c));
  }
  for (const auto& row : tx.exec(kStateSql)) {
    const std::string key = row[0].as<std::string>();
    nlohmann::json entry{{"value", nlohmann::json::parse(row[1].as<std::string>(), nullptr, false)},
                         {"updated_at", row[2].as<std::string>()}};
    auto owner = std::find_if(report.commands.begin(), report.commands.end(),
                              [&](const CommandStatus& c) { return belongs_to(key, c.command); });
    if (owner != report.commands.end())
      owner->state[key] = std::move(entry);
    else
      report.other_state[key] = std::move(entry);
  }
  const auto dlq = tx.exec(kDeadLettersSql)[0];
  report.dead_letters = {{"pending", dlq[0].as<long long>()},
                         {"needs_human", dlq[1].as<long long>()},
                         {"exhausted", dlq[2].as<long long>()},
                         {"resolved", dlq[3].as<long long>()}};
  for (const auto& row : tx.exec(kTokensSql))
    report.tokens.push_back(
        {row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<long long>(), row[3].as<bool>()});
  report.api_calls_today = tx.exec_params(kCallsTodaySql, options.organization_id)[0][0].as<long long>();
  read_calls(tx, options, report.commands);
  return report;
}

nlohmann::json to_json(const StatusReport& report) {
  nlohmann::json commands = nlohmann::json::array();
  for (const auto& c : report.commands) {
    nlohmann::json j{
        {"command", c.command},
        {"scheduled", c.scheduled},
        {"last_run", run_json(c.last_run)},
        {"last_success", run_json(c.last_success)},
        {"last_error", run_json(c.last_error)},
        {"state", c.state},
        {"overdue", c.overdue},
        {"calls_today", c.calls_today},
        {"calls_allowed_now", c.calls_allowed_now == 0 ? nlohmann::json(nullptr) : nlohmann::json(c.calls_allowed_now)},
        {"calls_share", c.calls_share == 0 ? nlohmann::json(nullptr) : nlohmann::json(c.calls_share)}};
    if (c.overdue) j["overdue_reason"] = c.overdue_reason;
    commands.push_back(std::move(j));
  }
  nlohmann::json tokens = nlohmann::json::array();
  for (const auto& t : report.tokens)
    tokens.push_back({{"cache_key", t.cache_key},
                      {"expires_at", t.expires_at.empty() ? nlohmann::json(nullptr) : nlohmann::json(t.expires_at)},
                      {"expires_in_seconds", t.expires_in_seconds},
                      {"usable", t.usable}});
  return {{"schema_version", report.schema_version},
          {"latest_schema_version", report.latest_schema_version},
          {"commands", commands},
          {"other_state", report.other_state},
          {"dead_letters", report.dead_letters},
          {"tokens", tokens},
          {"api_calls_today", report.api_calls_today},
          {"daily_call_budget",
           report.daily_call_budget == 0 ? nlohmann::json(nullptr) : nlohmann::json(report.daily_call_budget)},
          {"overdue", report.overdue()}};
}

}  // namespace tshsync::checks
