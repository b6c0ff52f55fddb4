#include <tshsync/alerts/healthchecks_url.hpp>

#include <array>
#include <random>

#include <fmt/format.h>

namespace tshsync::alerts {

std::string check_url_for(const std::string& url_template, const std::string& command) {
  static const std::string placeholder = "{command}";
  std::string url = url_template;
  for (size_t at = url.find(placeholder); at != std::string::npos; at = url.find(placeholder, at + command.size()))
    url.replace(at, placeholder.size(), command);
  return url;
}

std::string new_run_id() {
  std::random_device random;
  std::array<unsigned char, 16> bytes{};
  for (auto& b : bytes) b = static_cast<unsigned char>(random() & 0xFFU);
  bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0FU) | 0x40U);  // version 4
  bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3FU) | 0x80U);  // RFC 4122 variant
  std::string text;
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) text += '-';
    text += fmt::format("{:02x}", bytes[i]);
  }
  return text;
}

}  // namespace tshsync::alerts
