#include <tshsync/util/redact.hpp>

#include <algorithm>
#include <mutex>
#include <regex>
#include <vector>

namespace tshsync::util {

namespace {

struct SecretStore {
  std::mutex mutex;
  std::vector<std::string> secrets;
};

SecretStore& store() {
  static SecretStore instance;
  return instance;
}

void replace_all(std::string& text, const std::string& needle) {
  size_t pos = 0;
  while ((pos = text.find(needle, pos)) != std::string::npos) {
    text.replace(pos, needle.size(), "***");
    pos += 3;
  }
}

}  // namespace

void register_secret(std::string_view secret) {
  if (secret.size() < 4) return;
  auto& s = store();
  std::lock_guard lock(s.mutex);
  if (std::find(s.secrets.begin(), s.secrets.end(), secret) != s.secrets.end()) return;
  s.secrets.emplace_back(secret);
  // Longest first, so a secret that contains another is replaced whole.
  std::sort(s.secrets.begin(), s.secrets.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
}

std::string redact(std::string_view text) {
  std::string out(text);
  {
    auto& s = store();
    std::lock_guard lock(s.mutex);
    for (const auto& secret : s.secrets) replace_all(out, secret);
  }
  if (out.find("password") != std::string::npos || out.find("://") != std::string::npos) {
    static const std::regex kv(R"((password\s*=\s*)('[^']*'|[^\s]+))", std::regex::icase);
    static const std::regex uri(R"(((?:postgres|postgresql|https?)://[^:/@\s]+:)[^@\s]+@)", std::regex::icase);
    out = std::regex_replace(out, kv, "$1***");
    out = std::regex_replace(out, uri, "$1***@");
  }
  return out;
}

void register_dsn_secrets(std::string_view dsn) {
  static const std::regex kv(R"(password\s*=\s*('([^']*)'|([^\s]+)))", std::regex::icase);
  static const std::regex uri(R"((?:postgres|postgresql)://[^:/@\s]+:([^@\s]+)@)", std::regex::icase);
  const std::string text(dsn);
  std::smatch m;
  if (std::regex_search(text, m, kv)) register_secret(m[2].matched ? m[2].str() : m[3].str());
  if (std::regex_search(text, m, uri)) register_secret(m[1].str());
}

}  // namespace tshsync::util
