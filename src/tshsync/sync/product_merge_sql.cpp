#include <tshsync/sync/product_merge_sql.hpp>

#include <set>

namespace tshsync::sync {

namespace {

using db::quote_ident;

// Columns whose value comes from Zoho, as staged expressions ("" = none).
struct Owned {
  std::string column;
  std::string staged;  // expression over the stage, before any default
};

class Builder {
 public:
  explicit Builder(const db::ErpMapping& mapping) : mapping_(mapping) {}

  ProductMergeSql build() {
    std::vector<Owned> owned{{"name", "name"}, {"sku", "NULLIF(sku, '')"}};
    if (mapping_.has_description) owned.push_back({"description", "NULLIF(description, '')"});
    for (const auto& c : mapping_.price_columns) owned.push_back({c, "price"});
    owned.push_back({"is_active", "is_active"});
    for (const auto& c : mapping_.image_columns) owned.push_back({c, "image_url"});
    // A time more than five minutes in the future is stored as unknown (NULL):
    // kept, it would block every later change.
    owned.push_back(
        {"zoho_last_modified_at", "CASE WHEN modified_at <= now() + interval '5 minutes' THEN modified_at END"});

    std::set<std::string> written{"zoho_item_id"};
    std::string columns = "zoho_item_id";
    std::string values = "zoho_item_id";
    std::string set;
    std::string old_values;
    std::string new_values;
    for (const auto& o : owned) {
      if (!written.insert(o.column).second) continue;
      const std::string q = quote_ident(o.column);
      const db::InsertDefault* fallback = mapping_.product_default(o.column);
      columns += ", " + q;
      values +=
          ", " + (fallback ? "COALESCE(" + o.staged + ", " + default_expr(*fallback, "zoho_item_id") + ")" : o.staged);
      // An existing row keeps its own value where Zoho has none (the default stood in).
      const std::string updated = fallback
                                      ? "CASE WHEN EXCLUDED." + q + " IS NOT DISTINCT FROM " +
                                            default_expr(*fallback, "EXCLUDED.zoho_item_id") + " THEN COALESCE(p." + q +
                                            ", EXCLUDED." + q + ") ELSE EXCLUDED." + q + " END"
                                      : "EXCLUDED." + q;
      set += q + " = " + updated + ", ";
      old_values += (old_values.empty() ? "" : ", ") + std::string("p.") + q;
      new_values += (new_values.empty() ? "" : ", ") + updated;
    }
    for (const auto& c : mapping_.stock_columns) {
      if (!written.insert(c).second) continue;
      const db::InsertDefault* fallback = mapping_.product_default(c);
      columns += ", " + quote_ident(c);
      values += ", COALESCE(stock, " + (fallback ? default_expr(*fallback, "zoho_item_id") : std::string("0")) + ")";
    }
    for (const auto& d : mapping_.product_defaults) {
      if (!written.insert(d.column).second) continue;
      columns += ", " + quote_ident(d.column);
      values += ", " + default_expr(d, "zoho_item_id");
    }
    ProductMergeSql out;
    out.parameters = std::move(parameters_);
    out.sql = R"SQL(
WITH merged AS (
  INSERT INTO products AS p ()SQL" +
              columns + R"SQL()
  SELECT )SQL" +
              values + R"SQL(
  FROM pg_temp.tshsync_stage_items
  ON CONFLICT (zoho_item_id) DO UPDATE
    SET )SQL" +
              set + R"SQL(updated_at = now()
    WHERE ()SQL" +
              old_values + R"SQL() IS DISTINCT FROM ()SQL" + new_values + R"SQL()
      AND ($1::text IS NOT NULL OR p.zoho_last_modified_at IS NULL
           OR p.zoho_last_modified_at <= EXCLUDED.zoho_last_modified_at)  -- a --full listing applies Zoho's values
  RETURNING (xmax = 0) AS inserted
), seen AS (
  INSERT INTO tshsync_full_pull_seen (sync_type, zoho_item_ids)
  SELECT $1::text, COALESCE(array_agg(zoho_item_id), '{}') || $2::text[] FROM pg_temp.tshsync_stage_items
  HAVING $1::text IS NOT NULL
), cleared AS (
  DELETE FROM pg_temp.tshsync_stage_items
)
SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM merged
)SQL";
    return out;
  }

 private:
  // The default's parameter, its placeholder replaced, cast to the column's type.
  std::string default_expr(const db::InsertDefault& d, const std::string& item_id) {
    size_t index = 0;
    while (index < parameter_columns_.size() && parameter_columns_[index] != d.column) ++index;
    if (index == parameter_columns_.size()) {
      parameter_columns_.push_back(d.column);
      parameters_.push_back(d.value);
    }
    const std::string param = "$" + std::to_string(index + 3) + "::text";
    const std::string text = d.value.find("{zoho_item_id}") == std::string::npos
                                 ? param
                                 : "replace(" + param + ", '{zoho_item_id}', " + item_id + ")";
    return "CAST(" + text + " AS " + d.type + ")";
  }

  const db::ErpMapping& mapping_;
  std::vector<std::string> parameter_columns_;
  std::vector<std::string> parameters_;
};

}  // namespace

ProductMergeSql product_merge_sql(const db::ErpMapping& mapping) { return Builder(mapping).build(); }

}  // namespace tshsync::sync
