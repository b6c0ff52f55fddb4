#include <tshsync/checks/validate.hpp>

#include <algorithm>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include <tshsync/core/error.hpp>

namespace tshsync::checks {

namespace {

// Rules name their rows and the run in one statement: the upsert returns the
// rule ids the results refer to.
constexpr const char* kRecordSql = R"(
WITH input AS (
    SELECT * FROM jsonb_to_recordset($2::jsonb)
        AS x(name text, description text, severity text, count bigint, status text, samples jsonb)),
rules AS (
    INSERT INTO product_validation_rules (rule_name, rule_description, severity)
    SELECT name, description, severity FROM input
    ON CONFLICT (rule_name) DO UPDATE
        SET rule_description = EXCLUDED.rule_description, severity = EXCLUDED.severity
    RETURNING id, rule_name)
INSERT INTO product_validation_results (rule_id, result_count, severity, status, sample_ids, run_id, checked_at)
SELECT r.id, LEAST(i.count, 2147483647)::integer, i.severity, i.status, i.samples, $1::uuid, now()
FROM input i JOIN rules r ON r.rule_name = i.name)";

std::vector<const ValidationRule*> selected_rules(const std::vector<std::string>& names) {
  std::vector<const ValidationRule*> out;
  for (const auto& r : validation_rules())
    if (names.empty() || std::find(names.begin(), names.end(), r.name) != names.end()) out.push_back(&r);
  for (const auto& n : names)
    if (!find_rule(n)) throw core::usage_error("unknown validation rule '" + n + "' (valid: " + rule_names() + ")");
  return out;
}

RuleResult run_rule(pqxx::transaction_base& tx, const ValidationRule& rule, int samples) {
  // The rule's own text, wrapped only to turn its sample array into JSON.
  const auto row =
      tx.exec_params("SELECT n, COALESCE(to_jsonb(s), '[]') FROM (" + rule.sql + ") AS r(n, s)", samples)[0];
  RuleResult result;
  result.rule = &rule;
  result.count = row[0].as<long long>();
  result.status = rule_status(rule.severity, result.count);
  for (const auto& id : nlohmann::json::parse(row[1].as<std::string>())) result.samples.push_back(id);
  return result;
}

}  // namespace

ValidationRun run_validation(pqxx::connection& conn, const ValidateOptions& options) {
  const auto rules = selected_rules(options.rules);
  ValidationRun run;
  // Repeatable read: every rule judges the same snapshot.
  pqxx::transaction<pqxx::repeatable_read> tx(conn);
  run.run_id = tx.exec("SELECT gen_random_uuid()::text")[0][0].as<std::string>();
  nlohmann::json rows = nlohmann::json::array();
  for (const auto* rule : rules) {
    run.results.push_back(run_rule(tx, *rule, options.samples));
    const auto& r = run.results.back();
    rows.push_back({{"name", rule->name},
                    {"description", rule->description},
                    {"severity", rule->severity},
                    {"count", r.count},
                    {"status", r.status},
                    {"samples", r.samples}});
  }
  tx.exec_params(kRecordSql, run.run_id, rows.dump());
  tx.commit();
  return run;
}

}  // namespace tshsync::checks
