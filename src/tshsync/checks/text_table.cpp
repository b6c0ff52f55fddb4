#include <tshsync/checks/text_table.hpp>

#include <algorithm>

namespace tshsync::checks {

std::string format_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                         const std::vector<size_t>& right_aligned) {
  std::vector<size_t> width(header.size(), 0);
  const auto measure = [&](const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size() && i < width.size(); ++i) width[i] = std::max(width[i], cells[i].size());
  };
  measure(header);
  for (const auto& r : rows) measure(r);

  const auto line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (size_t i = 0; i < width.size(); ++i) {
      const std::string cell = i < cells.size() ? cells[i] : "";
      const std::string pad(width[i] - cell.size(), ' ');
      const bool right = std::find(right_aligned.begin(), right_aligned.end(), i) != right_aligned.end();
      if (i > 0) out += "  ";
      out += right ? pad + cell : cell + pad;
    }
    out.erase(out.find_last_not_of(' ') + 1);  // no trailing blanks
    return out + "\n";
  };
  std::string out = line(header);
  for (const auto& r : rows) out += line(r);
  return out;
}

}  // namespace tshsync::checks
