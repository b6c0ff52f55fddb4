#include "api_endpoints.hpp"

#include "pricing.hpp"
#include "responses.hpp"

#include <charconv>
#include <unordered_set>

namespace zoho_standin {
namespace {

constexpr std::size_t max_per_page = 200;
constexpr std::size_t max_item_ids = 100;

ApiError invalid_value(const std::string& parameter) {
  return ApiError(400, zoho_code::invalid_value, "Invalid value passed for " + parameter);
}

ApiError not_found(const std::string& what) {
  return ApiError(404, zoho_code::does_not_exist, what + " does not exist.");
}

std::size_t positive_param(const httplib::Request& req, const char* name, std::size_t fallback) {
  if (!req.has_param(name)) {
    return fallback;
  }
  const std::string text = req.get_param_value(name);
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value == 0) {
    throw invalid_value(name);
  }
  return value;
}

struct Paging {
  std::size_t page;
  std::size_t per_page;
};

// per_page above 200 is served as 200, as Zoho does.
Paging paging_of(const httplib::Request& req) {
  return {positive_param(req, "page", 1), std::min(positive_param(req, "per_page", max_per_page), max_per_page)};
}

std::vector<std::string> comma_list(const std::string& text) {
  std::vector<std::string> values;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    if (comma > start) {
      values.push_back(text.substr(start, comma - start));
    }
    start = comma + 1;
  }
  return values;
}

ItemQuery item_query_of(const ApiRequest& request) {
  const httplib::Request& req = request.http;
  ItemQuery query;
  const Paging paging = paging_of(req);
  query.page = paging.page;
  query.per_page = paging.per_page;
  query.comparison = request.comparison;
  const std::string filter = req.has_param("filter_by") ? req.get_param_value("filter_by") : "";
  if (filter.empty() || filter == "Status.All") {
    query.status = StatusFilter::all;
  } else if (filter == "Status.Active") {
    query.status = StatusFilter::active;
  } else if (filter == "Status.Inactive") {
    query.status = StatusFilter::inactive;
  } else {
    throw invalid_value("filter_by");
  }
  // Books documents no last_modified_time filter on /items: it lists everything.
  if (req.has_param("last_modified_time") && !request.books_documented) {
    query.modified_since = parse_zoho_time(req.get_param_value("last_modified_time"));
    if (!query.modified_since) {
      throw invalid_value("last_modified_time");
    }
  }
  const std::string column = req.has_param("sort_column") ? req.get_param_value("sort_column") : "";
  const bool books = request.books_documented;
  if (column.empty() || column == "name" || (books && (column == "rate" || column == "tax_name"))) {
    query.sort = SortColumn::name;  // Books' rate and tax_name too: the order matters little here
  } else if (!books && column == "last_modified_time") {
    query.sort = SortColumn::last_modified_time;
  } else if (!books && column == "created_time") {
    query.sort = SortColumn::created_time;
  } else {  // Books documents no sort by time
    throw invalid_value("sort_column");
  }
  const std::string order = req.has_param("sort_order") ? req.get_param_value("sort_order") : "A";
  if (order != "A" && order != "D") {
    throw invalid_value("sort_order");
  }
  query.descending = order == "D";
  return query;
}

Json page_context(std::size_t page, std::size_t per_page, bool has_more) {
  return Json{{"page", page}, {"per_page", per_page}, {"has_more_page", has_more}};
}

ApiReply list_items(const ApiRequest& request) {
  const ItemQuery query = item_query_of(request);
  const ItemPage page = request.catalog.list_items(query);
  Json items = Json::array();
  for (const Item* item : page.items) {
    items.push_back(item_summary(*item, request.flavor));
  }
  static constexpr const char* filter_names[] = {"Status.All", "Status.Active", "Status.Inactive"};
  static constexpr const char* column_names[] = {"name", "last_modified_time", "created_time"};
  Json context = page_context(query.page, query.per_page, page.has_more_page);
  context["report_name"] = "Items";
  context["applied_filter"] = filter_names[static_cast<std::size_t>(query.status)];
  context["sort_column"] = column_names[static_cast<std::size_t>(query.sort)];
  context["sort_order"] = query.descending ? "D" : "A";
  Json body = success_envelope();
  body["items"] = std::move(items);
  body["page_context"] = std::move(context);
  return {200, std::move(body)};
}

ApiReply get_item(const ApiRequest& request) {
  const Item* item = request.catalog.find_item(request.segments[1]);
  if (item == nullptr) {
    throw not_found("Item");
  }
  Json body = success_envelope();
  body["item"] = item_detail(*item, request.catalog, request.flavor);
  return {200, std::move(body)};
}

ApiReply item_details(const ApiRequest& request) {
  // Books documents no /itemdetails (only GET /items/{id}): documented mode refuses it.
  if (request.books_documented) {
    throw ApiError(404, zoho_code::invalid_url, "Invalid URL Passed");
  }
  const auto ids = comma_list(request.http.get_param_value("item_ids"));
  if (ids.empty() || ids.size() > max_item_ids) {
    throw invalid_value("item_ids");
  }
  Json items = Json::array();
  std::unordered_set<std::string> seen;
  for (const std::string& id : ids) {
    const Item* item = request.catalog.find_item(id);
    if (item != nullptr && seen.insert(id).second) {
      items.push_back(item_detail(*item, request.catalog, request.flavor));
    }
  }
  Json body = success_envelope();
  body["items"] = std::move(items);
  return {200, std::move(body)};
}

// Books' undocumented GET /items/pricebookrate?pricebook_id=..&item_ids=a,b
ApiReply pricebook_rates(const ApiRequest& request) {
  const Pricebook* book = request.catalog.find_pricebook(request.http.get_param_value("pricebook_id"));
  if (book == nullptr) {
    throw not_found("Pricebook");
  }
  const auto ids = comma_list(request.http.get_param_value("item_ids"));
  if (ids.empty() || ids.size() > max_item_ids) {
    throw invalid_value("item_ids");
  }
  Json items = Json::array();
  for (const std::string& id : ids) {
    if (const Item* item = request.catalog.find_item(id)) {
      items.push_back({{"item_id", id}, {"pricebook_rate", effective_rate(*book, *item)}});
    }
  }
  Json body = success_envelope();
  body["items"] = std::move(items);
  return {200, std::move(body)};
}

ApiReply list_warehouses(const ApiRequest& request) {
  Json body = success_envelope();
  body["warehouses"] = warehouses_json(request.catalog);
  return {200, std::move(body)};
}

ApiReply list_locations(const ApiRequest& request) {
  Json body = success_envelope();
  body["locations"] = locations_json(request.catalog);
  return {200, std::move(body)};
}

ApiReply list_pricebooks(const ApiRequest& request) {
  const Paging paging = paging_of(request.http);
  const auto& books = request.catalog.pricebooks();
  const std::size_t first = std::min((paging.page - 1) * paging.per_page, books.size());
  const std::size_t last = std::min(first + paging.per_page, books.size());
  Json list = Json::array();
  for (std::size_t i = first; i < last; ++i) {
    list.push_back(pricebook_summary(books[i]));
  }
  Json context = page_context(paging.page, paging.per_page, last < books.size());
  context["sort_column"] = "created_time";
  context["sort_order"] = "A";
  Json body = success_envelope();
  body["pricebooks"] = std::move(list);
  body["page_context"] = std::move(context);
  return {200, std::move(body)};
}

ApiReply get_pricebook(const ApiRequest& request) {
  const Pricebook* book = request.catalog.find_pricebook(request.segments[1]);
  if (book == nullptr) {
    throw not_found("Pricebook");
  }
  Json body = success_envelope();
  body["pricebook"] = pricebook_detail(*book, request.catalog);
  return {200, std::move(body)};
}

ApiReply list_adjustments(const ApiRequest& request) {
  Json list = Json::array();
  for (const Adjustment& adjustment : request.catalog.adjustments()) {
    list.push_back(adjustment_summary(adjustment));
  }
  Json body = success_envelope();
  body["inventory_adjustments"] = std::move(list);
  body["page_context"] = page_context(1, max_per_page, false);
  return {200, std::move(body)};
}

ApiReply get_adjustment(const ApiRequest& request) {
  const Adjustment* adjustment = request.catalog.find_adjustment(request.segments[1]);
  if (adjustment == nullptr) {
    throw not_found("Inventory adjustment");
  }
  Json body = success_envelope();
  body["inventory_adjustment"] = adjustment_detail(*adjustment, request.catalog);
  return {200, std::move(body)};
}

ApiReply invalid_url(const ApiRequest&) { throw ApiError(404, zoho_code::invalid_url, "Invalid URL Passed"); }

ApiReply method_not_allowed(const ApiRequest& request) {
  throw ApiError(405, 37, "The HTTP method " + request.http.method + " is not allowed for the requested resource");
}

}  // namespace

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start < path.size()) {
    const std::size_t slash = std::min(path.find('/', start), path.size());
    if (slash > start) {
      segments.emplace_back(path.substr(start, slash - start));
    }
    start = slash + 1;
  }
  return segments;
}

Endpoint resolve_endpoint(const std::string& method, const std::vector<std::string>& segments) {
  const auto is = [&](std::initializer_list<const char*> expected) {
    if (segments.size() != expected.size()) {
      return false;
    }
    std::size_t i = 0;
    for (const char* part : expected) {
      if (part[0] != '*' && segments[i] != part) {
        return false;
      }
      ++i;
    }
    return true;
  };
  Endpoint endpoint{EndpointKind::other, invalid_url};
  if (is({"items"})) {
    endpoint = {EndpointKind::items_list, list_items};
  } else if (is({"items", "pricebookrate"})) {
    endpoint = {EndpointKind::other, pricebook_rates};
  } else if (is({"items", "*"})) {
    endpoint = {EndpointKind::item_get, get_item};
  } else if (is({"itemdetails"})) {
    endpoint = {EndpointKind::itemdetails, item_details};
  } else if (is({"settings", "warehouses"})) {
    endpoint = {EndpointKind::other, list_warehouses};
  } else if (is({"locations"})) {
    endpoint = {EndpointKind::other, list_locations};
  } else if (is({"pricebooks"})) {
    endpoint = {EndpointKind::pricebooks_list, list_pricebooks};
  } else if (is({"pricebooks", "*"})) {
    endpoint = {EndpointKind::pricebook_get, get_pricebook};
  } else if (is({"inventoryadjustments"})) {
    endpoint = {EndpointKind::other, list_adjustments};
  } else if (is({"inventoryadjustments", "*"})) {
    endpoint = {EndpointKind::other, get_adjustment};
  }
  if (method != "GET" && endpoint.handler != invalid_url) {
    endpoint.handler = method_not_allowed;
  }
  return endpoint;
}

}  // namespace zoho_standin
