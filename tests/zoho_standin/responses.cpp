#include "responses.hpp"

namespace zoho_standin {
namespace {

// Bodies may hold bytes that are not UTF-8 (a sink's raw body): replace rather than throw.
template <class J>
std::string dump(const J& body) {
  return body.dump(-1, ' ', false, J::error_handler_t::replace);
}

}  // namespace

void replace_header(httplib::Response& res, const std::string& name, const std::string& value) {
  res.headers.erase(name);
  res.set_header(name, value);
}

void send_json(httplib::Response& res, int status, const nlohmann::ordered_json& body) {
  res.status = status;
  res.headers.erase("Content-Type");
  res.set_content(dump(body), json_content_type);
}

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.headers.erase("Content-Type");
  res.set_content(dump(body), json_content_type);
}

void send_zoho_error(httplib::Response& res, int http_status, int code, const std::string& message) {
  send_json(res, http_status, nlohmann::ordered_json{{"code", code}, {"message", message}});
}

void set_rate_headers(httplib::Response& res, const RateHeaders& headers) {
  if (!headers.enabled) {
    return;
  }
  replace_header(res, "X-Rate-Limit-Limit", std::to_string(headers.limit));
  replace_header(res, "X-Rate-Limit-Remaining", std::to_string(headers.remaining));
  replace_header(res, "X-Rate-Limit-Reset", std::to_string(headers.reset_seconds));
}

}  // namespace zoho_standin
