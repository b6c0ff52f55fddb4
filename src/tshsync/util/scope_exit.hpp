#pragma once

#include <utility>

namespace tshsync::util {

// Runs `action` when the scope ends, by return or by exception: a command's
// counts are published on every exit without a catch-and-rethrow per caller.
// `action` must not throw (it runs during unwinding).
template <typename Action>
class ScopeExit {
 public:
  explicit ScopeExit(Action action) : action_(std::move(action)) {}
  ~ScopeExit() { action_(); }
  ScopeExit(const ScopeExit&) = delete;
  ScopeExit& operator=(const ScopeExit&) = delete;
  ScopeExit(ScopeExit&&) = delete;
  ScopeExit& operator=(ScopeExit&&) = delete;

 private:
  Action action_;
};

}  // namespace tshsync::util
