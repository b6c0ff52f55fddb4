#pragma once

#include <string>

namespace tshsync::core {

// The audit's escalation levels: P1 immediate, P2 within 2 hours, P3 within a
// day, P4 within a week. Health decides them (checks/priority); a run carries
// them in its findings and alerts escalate on them.
enum class Priority { p1 = 1, p2 = 2, p3 = 3, p4 = 4 };

// "P1" .. "P4": the one text of a level (metrics, alerts, health's output).
std::string to_string(Priority p);

}  // namespace tshsync::core
