#include <tshsync/alerts/alert.hpp>

#include <tshsync/util/one_line.hpp>
#include <tshsync/util/redact.hpp>

namespace tshsync::alerts {

namespace {

constexpr size_t kMaxDetail = 400;

std::string one_line(std::string text) {
  text = util::one_line(std::move(text));
  if (text.size() > kMaxDetail) {
    size_t cut = kMaxDetail - 3;
    // Never split a UTF-8 sequence: the text travels as JSON.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut;
    text = text.substr(0, cut) + "...";
  }
  return text;
}

}  // namespace

std::string alert_text(const ChatAlert& alert, const std::string& host) {
  std::string text =
      "[" + core::to_string(alert.priority) + "] tshsync " + alert.command + " " + alert.summary + " on " + host;
  if (!alert.detail.empty()) text += ": " + one_line(alert.detail);
  return util::redact(text);
}

std::string cooldown_key(const ChatAlert& alert) { return alert.command + "|" + alert.kind + "|" + alert.subject; }

}  // namespace tshsync::alerts
