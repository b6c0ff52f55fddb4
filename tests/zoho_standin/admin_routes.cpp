#include "admin_routes.hpp"

#include "admin_patches.hpp"
#include "catalog_build.hpp"
#include "responses.hpp"
#include "serialize.hpp"

#include <algorithm>
#include <functional>
#include <stdexcept>
#include <vector>

namespace zoho_standin {
namespace {

using OrderedJson = nlohmann::ordered_json;
using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

void send_error(httplib::Response& res, int status, const std::string& message) {
  send_json(res, status, OrderedJson{{"error", message}});
}

void send_ok(httplib::Response& res) { send_json(res, 200, OrderedJson{{"ok", true}}); }

nlohmann::json body_json(const httplib::Request& req) {
  if (req.body.empty()) {
    return nlohmann::json::object();
  }
  try {
    return nlohmann::json::parse(req.body);
  } catch (const nlohmann::json::parse_error&) {
    throw std::invalid_argument("the body is not valid JSON");
  }
}

// Runs the handler under the state lock; invalid input becomes a 400.
Handler locked(ServerState& state, Handler handler) {
  return [&state, handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
    try {
      const std::lock_guard lock(state.mutex);
      handler(req, res);
    } catch (const std::invalid_argument& error) {
      send_error(res, 400, error.what());
    }
  };
}

void register_stats_and_faults(httplib::Server& server, ServerState& state) {
  server.Get("/_admin/health", locked(state, [&state](const auto&, auto& res) {
               send_json(res, 200,
                         OrderedJson{{"ok", true},
                                     {"port", state.port},
                                     {"organization_id", state.options.organization_id},
                                     {"items", state.catalog.live_items().size()},
                                     {"pricebooks", state.catalog.pricebooks().size()}});
             }));
  server.Get("/_admin/stats", locked(state, [&state](const auto&, auto& res) {
               OrderedJson stats = state.stats.to_json();
               stats["live_tokens"] = state.tokens.live_tokens(state.clock.now());
               send_json(res, 200, stats);
             }));
  server.Post("/_admin/stats/reset", locked(state, [&state](const auto&, auto& res) {
                state.stats.reset();
                send_ok(res);
              }));
  server.Get("/_admin/faults",
             locked(state, [&state](const auto&, auto& res) { send_json(res, 200, state.faults.to_json()); }));
  server.Post("/_admin/faults", locked(state, [&state](const auto& req, auto& res) {
                state.faults.replace(parse_fault_rules(body_json(req)));
                send_json(res, 200, state.faults.to_json());
              }));
  server.Delete("/_admin/faults", locked(state, [&state](const auto&, auto& res) {
                  state.faults.clear();
                  send_ok(res);
                }));
}

void register_items(httplib::Server& server, ServerState& state) {
  const std::string item_path = R"(/_admin/items/([^/]+))";
  server.Get(item_path, locked(state, [&state](const auto& req, auto& res) {
               const Item* item = state.catalog.find_item(req.matches[1]);
               if (item == nullptr) {
                 send_error(res, 404, "no such item");
                 return;
               }
               send_json(res, 200, item_detail(*item, state.catalog, Flavor::truth));
             }));
  server.Post(item_path, locked(state, [&state](const auto& req, auto& res) {
                const ItemPatch patch = parse_item_patch(body_json(req));
                const UnixSeconds now = state.clock.unix_now();
                bool created = false;
                Item& item = state.catalog.item_for_update(req.matches[1], now, created);
                apply_item_patch(item, patch, now);
                send_json(res, created ? 201 : 200,
                          OrderedJson{{"created", created}, {"item", item_detail(item, state.catalog, Flavor::truth)}});
              }));
  server.Delete(item_path, locked(state, [&state](const auto& req, auto& res) {
                  if (!state.catalog.delete_item(req.matches[1])) {
                    send_error(res, 404, "no such item");
                    return;
                  }
                  send_ok(res);
                }));
}

void register_pricebooks(httplib::Server& server, ServerState& state) {
  const std::string book_path = R"(/_admin/pricebooks/([^/]+))";
  server.Get(book_path, locked(state, [&state](const auto& req, auto& res) {
               const Pricebook* book = state.catalog.find_pricebook(req.matches[1]);
               if (book == nullptr) {
                 send_error(res, 404, "no such pricebook");
                 return;
               }
               send_json(res, 200, pricebook_detail(*book, state.catalog));
             }));
  server.Post(
      book_path, locked(state, [&state](const auto& req, auto& res) {
        const nlohmann::json patch = body_json(req);
        validate_pricebook_patch(patch);
        bool created = false;
        Pricebook& book = state.catalog.pricebook_for_update(req.matches[1], created);
        if (created) {
          book.currency_id = build::iqd.id;
          book.currency_code = build::iqd.code;
        }
        apply_pricebook_patch(book, patch);
        send_json(res, created ? 201 : 200, OrderedJson{{"created", created}, {"pricebook", pricebook_summary(book)}});
      }));

  const std::string entry_path = R"(/_admin/pricebooks/([^/]+)/items/([^/]+))";
  server.Post(entry_path, locked(state, [&state](const auto& req, auto& res) {
                Pricebook* book = state.catalog.find_pricebook(req.matches[1]);
                if (book == nullptr || !book->is_per_item()) {
                  send_error(res, 404, "no such per_item pricebook");
                  return;
                }
                if (state.catalog.find_item(req.matches[2]) == nullptr) {
                  send_error(res, 404, "no such item");
                  return;
                }
                book->set_entry(parse_pricebook_entry(req.matches[2], body_json(req)));
                send_ok(res);
              }));
  server.Delete(entry_path, locked(state, [&state](const auto& req, auto& res) {
                  Pricebook* book = state.catalog.find_pricebook(req.matches[1]);
                  if (book == nullptr || !book->remove_entry(req.matches[2])) {
                    send_error(res, 404, "the pricebook does not list that item");
                    return;
                  }
                  send_ok(res);
                }));
}

// ?fields=a,b keeps only those keys of each exported item: a test reading three
// fields of 5,000 items then parses a tenth of the text.
OrderedJson only_fields(OrderedJson item, const std::vector<std::string>& fields) {
  if (fields.empty()) return item;
  OrderedJson kept = OrderedJson::object();
  for (const std::string& field : fields) {
    if (const auto it = item.find(field); it != item.end()) kept[field] = std::move(*it);
  }
  return kept;
}

std::vector<std::string> split_fields(const std::string& list) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  while (start < list.size()) {
    const std::size_t comma = std::min(list.find(',', start), list.size());
    if (comma > start) fields.push_back(list.substr(start, comma - start));
    start = comma + 1;
  }
  return fields;
}

void register_export_tokens_clock(httplib::Server& server, ServerState& state) {
  // Serialized from a copy, so a 100,000-item export does not hold up API requests.
  server.Get("/_admin/export", [&state](const httplib::Request& req, httplib::Response& res) {
    const std::string part = req.has_param("part") ? req.get_param_value("part") : "";
    if (!part.empty() && part != "items" && part != "pricebooks") {
      send_error(res, 400, "part must be items or pricebooks");
      return;
    }
    const std::vector<std::string> fields = split_fields(req.get_param_value("fields"));
    const Catalog snapshot = [&state] {
      const std::lock_guard lock(state.mutex);
      return state.catalog;
    }();
    OrderedJson out = OrderedJson::object();
    if (part != "pricebooks") {
      auto items = OrderedJson::array();
      for (const Item* item : snapshot.live_items()) {
        items.push_back(only_fields(item_detail(*item, snapshot, Flavor::truth), fields));
      }
      out["items"] = std::move(items);
    }
    if (part != "items") {
      auto books = OrderedJson::array();
      for (const Pricebook& book : snapshot.pricebooks()) {
        books.push_back(pricebook_detail(book, snapshot));
      }
      out["pricebooks"] = std::move(books);
    }
    send_json(res, 200, out);
  });
  server.Post("/_admin/tokens/expire", locked(state, [&state](const auto&, auto& res) {
                state.tokens.expire_all();
                send_ok(res);
              }));
  server.Post("/_admin/limits/reset", locked(state, [&state](const auto&, auto& res) {
                state.limiter.reset();
                state.tokens.forget_mints();
                send_ok(res);
              }));
  const auto clock_json = [&state] {
    return OrderedJson{{"skew_seconds", state.clock.skew().count()}, {"now", format_zoho_time(state.clock.unix_now())}};
  };
  server.Get("/_admin/clock",
             locked(state, [clock_json](const auto&, auto& res) { send_json(res, 200, clock_json()); }));
  server.Post("/_admin/clock/skew", locked(state, [&state, clock_json](const auto& req, auto& res) {
                const nlohmann::json body = body_json(req);
                if (!body.is_object() || !body.contains("seconds") || !body.at("seconds").is_number_integer()) {
                  throw std::invalid_argument("expected {\"seconds\": N}");
                }
                state.clock.set_skew(std::chrono::seconds(body.at("seconds").get<long>()));
                send_json(res, 200, clock_json());
              }));
}

}  // namespace

void register_admin_routes(httplib::Server& server, ServerState& state) {
  register_stats_and_faults(server, state);
  register_items(server, state);
  register_pricebooks(server, state);
  register_export_tokens_clock(server, state);
}

}  // namespace zoho_standin
