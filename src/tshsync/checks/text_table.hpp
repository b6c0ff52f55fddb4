#pragma once

#include <string>
#include <vector>

namespace tshsync::checks {

// Aligned columns for the reports validate and health show on a terminal.
// Columns listed in `right_aligned` (0-based) hold numbers.
std::string format_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                         const std::vector<size_t>& right_aligned = {});

}  // namespace tshsync::checks
