#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace tshsync::util {

// Writes the whole content to a temporary file beside `path`, fsyncs it and
// renames it over `path`, so readers (node_exporter, humans) never see half a file.
void write_file_atomically(const std::filesystem::path& path, std::string_view content, unsigned mode = 0644);

// Appends one line (a trailing newline is added) with O_APPEND, so concurrent
// runs never interleave partial lines.
void append_line(const std::filesystem::path& path, std::string_view line);

// Reads a whole file; throws std::runtime_error with the path and errno text.
std::string read_file(const std::filesystem::path& path);

}  // namespace tshsync::util
