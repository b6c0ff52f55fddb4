#pragma once

#include <functional>

namespace tshsync::sync {

// The one way a pull reports as it goes: it fills the counts its caller
// passed in as batches commit (so they are right when it throws half-way),
// and calls this after each committed batch of pages or pricebook. The
// caller shows progress from the counts there, and cancels by throwing.
using AfterBatch = std::function<void()>;

}  // namespace tshsync::sync
