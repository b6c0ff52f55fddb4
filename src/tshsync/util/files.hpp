#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace tshsync::util {

// Writes the whole content to a temporary file beside `path`, fsyncs it and
// renames it over `path`, so readers (node_exporter, humans) never see half a file.
void write_file_atomically(const std::filesystem::path& path, std::string_view content, unsigned mode = 0644);

// Appends one line (a trailing newline is added) with O_APPEND, so concurrent
// runs never interleave partial lines. Only to a regular file (opened without
// blocking: a FIFO without a reader must not hold the run) smaller than 1 GiB.
void append_line(const std::filesystem::path& path, std::string_view line);

// Reads a whole file; throws std::runtime_error with the path and errno text.
std::string read_file(const std::filesystem::path& path);

// Reads a whole regular file of at most `max_bytes`, opened without blocking:
// a FIFO, a device (/dev/zero), a directory or a larger file is refused with a
// std::runtime_error naming the path, instead of hanging or reading for ever.
std::string read_regular_file(const std::filesystem::path& path, std::size_t max_bytes);

// True when group or others may read the file (mode & 044).
}  // namespace tshsync::util
