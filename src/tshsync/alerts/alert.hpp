#pragma once

#include <string>

#include <tshsync/core/priority.hpp>

namespace tshsync::alerts {

// One message for the operators' chat channel (not checks::Alert, a problem
// health found: all of a health run's findings travel in one ChatAlert).
struct ChatAlert {
  core::Priority priority = core::Priority::p2;
  std::string command;  // "pull-products"
  std::string kind;     // "failed", "partial", "interrupted", "health", "dead_letter_exhausted"
  std::string subject;  // what the cool-down tells apart within a kind: exit code, priority, entry id
  std::string summary;  // "failed", "found 3 problems"
  std::string detail;   // one line, may be empty
};

// "[P2] tshsync pull-products failed on db1: zoho unreachable after 6 attempts (exit 69)".
// Redacted, one line, the detail cut to a few hundred characters.
std::string alert_text(const ChatAlert& alert, const std::string& host);

// "pull-products|failed|69": the same alert within the cool-down is not sent again.
std::string cooldown_key(const ChatAlert& alert);

}  // namespace tshsync::alerts
