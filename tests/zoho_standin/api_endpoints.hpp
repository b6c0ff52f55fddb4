#pragma once

#include "catalog.hpp"
#include "serialize.hpp"
#include "stats.hpp"

#include <httplib.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace zoho_standin {

// A Zoho-style failure: HTTP status plus {"code":N,"message":"..."}.
struct ApiError : std::runtime_error {
  ApiError(int status, int zoho_code, const std::string& message)
      : std::runtime_error(message), http_status(status), code(zoho_code) {}
  int http_status;
  int code;
};

struct ApiRequest {
  const httplib::Request& http;
  const std::vector<std::string>& segments;  // the path after the prefix, split on '/'
  Flavor flavor;
  const Catalog& catalog;
  ModifiedComparison comparison;
  bool books_documented = false;      // --books-items documented and a /books/v3 request
  bool list_rows_with_items = false;  // --books-pricebook-list documented and a /books/v3 request
};

struct ApiReply {
  int status = 200;
  Json body;
};

using EndpointHandler = ApiReply (*)(const ApiRequest&);

struct Endpoint {
  EndpointKind kind;
  EndpointHandler handler;  // throws ApiError
};

std::vector<std::string> split_path(std::string_view path);

// The endpoint for a method and path; unknown paths get a handler answering 404 code 5.
Endpoint resolve_endpoint(const std::string& method, const std::vector<std::string>& segments);

}  // namespace zoho_standin
