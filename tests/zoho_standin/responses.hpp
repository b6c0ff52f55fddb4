#pragma once

#include "rate_limit.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <string>

namespace zoho_standin {

inline constexpr const char* json_content_type = "application/json;charset=UTF-8";

// Zoho error codes the stand-in uses.
namespace zoho_code {
inline constexpr int invalid_value = 2;
inline constexpr int invalid_url = 5;
inline constexpr int rate_limited = 44;
inline constexpr int daily_limit = 45;
inline constexpr int not_authorized = 57;
inline constexpr int internal_error = 1000;
inline constexpr int does_not_exist = 1002;
}  // namespace zoho_code

void send_json(httplib::Response& res, int status, const nlohmann::ordered_json& body);
void send_json(httplib::Response& res, int status, const nlohmann::json& body);
void send_zoho_error(httplib::Response& res, int http_status, int code, const std::string& message);
// X-Rate-Limit-Limit/Remaining/Reset, when the limit is on.
void set_rate_headers(httplib::Response& res, const RateHeaders& headers);
// Replaces a header instead of adding a second one.
void replace_header(httplib::Response& res, const std::string& name, const std::string& value);

}  // namespace zoho_standin
